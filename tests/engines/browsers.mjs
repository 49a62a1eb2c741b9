// The browsers besides Chromium, from Debian's packages, behind one small interface so that the
// journeys are written once: Firefox ESR (Gecko) driven by puppeteer-core over WebDriver BiDi,
// and WebKitGTK's MiniBrowser (WebKit, Safari's engine family) through WebKitWebDriver, on a
// virtual display. Nothing here downloads a browser.
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import puppeteer from "puppeteer-core";
import { Builder, By, Key } from "selenium-webdriver";
import { listening } from "../listening.mjs";

const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/**
 * A page: `goto(url)`, `evaluate(expression)` (a JS expression, awaited), `click(selector)`,
 * `type(selector, text)`, `press(key)` (to the focused element: "Enter", "Tab"), `close()`.
 */
export const engines = [
  {
    name: "Firefox ESR",
    async open() {
      const browser = await puppeteer.launch({ browser: "firefox", executablePath: "/usr/bin/firefox-esr", headless: true, protocol: "webDriverBiDi" });
      const page = await browser.newPage();
      return {
        version: await browser.version(),
        goto: (url) => page.goto(url),
        evaluate: (expression) => page.evaluate(expression),
        click: (selector) => page.click(selector),
        type: (selector, text) => page.type(selector, text),
        press: (key) => page.keyboard.press(key),
        close: () => browser.close(),
      };
    },
  },
  {
    name: "WebKitGTK",
    async open() {
      const display = `:${90 + (process.pid % 9)}`;
      const port = 4400 + (process.pid % 50);
      const processes = [spawn("Xvfb", [display, "-screen", "0", "1280x800x24"], { stdio: "ignore" })];
      await sleep(500);
      processes.push(spawn("WebKitWebDriver", [`--port=${port}`], { stdio: "ignore", env: { ...process.env, DISPLAY: display } }));
      await listening(port);
      const driver = await new Builder()
        .usingServer(`http://127.0.0.1:${port}`)
        .withCapabilities({ browserName: "MiniBrowser", "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] } })
        .build();
      const capabilities = await driver.getCapabilities();
      return {
        version: `${capabilities.get("browserName")} ${capabilities.get("browserVersion")}`,
        goto: (url) => driver.get(url),
        evaluate: (expression) => driver.executeScript(`return (${expression});`),
        // WebKitWebDriver will not click an element below the fold: scroll to it first, at once
        // (the site scrolls smoothly).
        click: async (selector) => {
          const element = await driver.findElement(By.css(selector));
          await driver.executeScript(`arguments[0].scrollIntoView({ block: "center", behavior: "instant" });`, element);
          await element.click();
        },
        type: async (selector, text) => (await driver.findElement(By.css(selector))).sendKeys(text),
        press: (key) => driver.actions().sendKeys(Key[key.toUpperCase()]).perform(),
        close: async () => {
          await driver.quit().catch(() => {});
          for (const child of processes.reverse()) child.kill();
        },
      };
    },
  },
];

/** Evaluates `expression` until it is true, or fails saying what it waited for. */
export async function waitFor(page, expression, timeout = 20_000) {
  const until = Date.now() + timeout;
  let last;
  while (Date.now() < until) {
    try {
      last = await page.evaluate(expression);
      if (last) return last;
    } catch (error) {
      last = error.message;
    }
    await sleep(100);
  }
  throw new Error(`waited ${timeout} ms for ${expression} (last: ${JSON.stringify(last)})`);
}
