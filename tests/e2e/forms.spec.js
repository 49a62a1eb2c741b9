// The newsletter and account forms in the browser: the GOV.UK validation pattern (error
// summary, inline errors, focus, "Error:" title), nothing typed is lost, and failed requests
// say what happened. The API is stubbed here; the API's own tests run the real server.
import { test, expect, seed } from "./fixtures.js";
import { mockApi, accepted } from "./api-mock.js";

test.use({ allowedConsoleErrors: [/Failed to load resource/] });

const summary = (page) => page.getByRole("alert").filter({ hasText: "There is a problem" });

test("the newsletter form shows its fields as specified", async ({ page }) => {
  await page.goto("/newsletter");
  await expect(page.getByText(seed.siteLines[1])).toBeVisible();
  const email = page.getByLabel("Email address");
  await expect(email).toHaveAttribute("type", "email");
  await expect(email).toHaveAttribute("autocomplete", "email");
  await expect(email).toHaveAttribute("spellcheck", "false");
  const consent = page.getByRole("checkbox", { name: /^I agree/ });
  await expect(consent).not.toBeChecked();
  await expect(page.getByRole("button", { name: "Subscribe" })).toBeVisible();
});

test("submitting with errors shows the error summary, focused, with links to the fields", async ({ page }) => {
  await page.goto("/newsletter");
  await page.getByLabel("Email address").fill("not an email");
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(summary(page)).toBeFocused();
  await expect(summary(page).getByRole("heading")).toHaveText("There is a problem");
  await expect(page).toHaveTitle("Error: Newsletter — Relations with Georgia");
  const email = page.getByLabel("Email address");
  await expect(email).toHaveValue("not an email");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#email-error")).toHaveText("Error: Enter an email address in the correct format, like name@example.com");
  await expect(email).toHaveAttribute("aria-describedby", /email-error/);
  await expect(page.getByRole("checkbox", { name: /^I agree/ })).toHaveAttribute("aria-invalid", "true");

  await summary(page).getByRole("link", { name: "Select “I agree” to subscribe to the newsletter" }).click();
  await expect(page.getByRole("checkbox", { name: /^I agree/ })).toBeFocused();
  await summary(page).getByRole("link", { name: /correct format/ }).click();
  await expect(email).toBeFocused();
  await expect(page).toHaveURL("/newsletter");

  // On a short screen, from far down the page, a link shows the field's label as well as
  // focusing the field (scrolling the field itself to the top would hide its label).
  await page.setViewportSize({ width: 800, height: 300 });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await summary(page).getByRole("link", { name: /correct format/ }).click();
  await expect(email).toBeFocused();
  await expect(page.locator("label[for=email]")).toBeInViewport();
});

test("a valid subscription is sent as JSON and confirmed without saying whether it existed", async ({ page }) => {
  const sent = await mockApi(page, { "POST /newsletter/subscriptions": accepted });
  await page.goto("/newsletter");
  await page.getByLabel("Email address").fill("  reader@example.org ");
  await page.getByRole("checkbox", { name: /^I agree/ }).check();
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText("reader@example.org")).toBeVisible();
  expect(sent).toEqual([{ key: "POST /newsletter/subscriptions", body: { email: "reader@example.org", consent: true } }]);
  await expect(page).toHaveTitle("Newsletter — Relations with Georgia");
});

test("a likely typo in the domain gets a hint with a button that applies it", async ({ page }) => {
  await page.goto("/newsletter");
  const email = page.getByLabel("Email address");
  await email.fill("name@gmial.com");
  await email.blur();
  await expect(page.getByText("Did you mean name@gmail.com?")).toBeVisible();
  await page.getByRole("button", { name: "Use name@gmail.com" }).click();
  await expect(email).toHaveValue("name@gmail.com");
  await expect(page.getByText("Did you mean")).toHaveCount(0);
});

test("a network failure, a server error and server field errors keep the input and allow a retry", async ({ page }) => {
  let attempt = 0;
  const answers = [
    "abort",
    { status: 500, contentType: "text/html", body: "<h1>Oops</h1>" },
    { status: 422, json: { errors: [{ field: "email", message: "Enter an email address in the correct format, like name@example.com" }] } },
    { ...accepted, delay: 400 },
  ];
  await mockApi(page, { "POST /newsletter/subscriptions": () => answers[attempt++] });
  await page.goto("/newsletter");
  await page.getByLabel("Email address").fill("reader@example.org");
  await page.getByRole("checkbox", { name: /^I agree/ }).check();
  const subscribe = page.getByRole("button", { name: "Subscribe" });

  await subscribe.click();
  await expect(summary(page)).toContainText("The request could not be sent. Check your connection and try again.");
  await expect(page.getByLabel("Email address")).toHaveValue("reader@example.org");

  await subscribe.click();
  await expect(summary(page)).toContainText("there is a problem with the service (error 500)");

  await subscribe.click();
  await expect(page.locator("#email-error")).toContainText("correct format");
  await expect(page.getByRole("checkbox", { name: /^I agree/ })).toBeChecked();

  await subscribe.click();
  await expect(subscribe).toBeDisabled();
  await expect(page.getByText("Sending…")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  expect(attempt).toBe(4);
});

test("the password checklist updates live and never relies on colour alone", async ({ page }) => {
  await page.goto("/account/register");
  await expect(page.getByText(seed.siteLines[4])).toBeVisible();
  const password = page.getByLabel("Password", { exact: true });
  await expect(password).toHaveAttribute("autocomplete", "new-password");
  const rule = (id) => page.locator(`[data-rule="${id}"]`);
  await expect(rule("length")).toHaveAttribute("data-met", "false");
  await password.pressSequentially("abc D");
  await expect(rule("lowercase")).toHaveAttribute("data-met", "true");
  await expect(rule("uppercase")).toHaveAttribute("data-met", "true");
  await expect(rule("no-spaces")).toHaveAttribute("data-met", "false");
  await expect(rule("no-spaces")).toContainText("No spaces: not met");
  await password.fill("Glacier-Tbilisi-82");
  for (const id of ["length", "no-spaces", "uppercase", "lowercase", "digit", "symbol"]) {
    await expect(rule(id)).toHaveAttribute("data-met", "true");
  }
  await expect(rule("symbol")).toContainText(": met");
});

test("'Show password' reveals the password; its name says what it will do, and the change is announced", async ({ page }) => {
  await page.goto("/account/register");
  const password = page.getByLabel("Password", { exact: true });
  await password.fill("Secret value 1!");
  const toggle = page.getByRole("button", { name: "Show password" });
  await expect(toggle).not.toHaveAttribute("aria-pressed");
  await toggle.click();
  await expect(password).toHaveAttribute("type", "text");
  const hide = page.getByRole("button", { name: "Hide password" });
  await expect(hide).not.toHaveAttribute("aria-pressed");
  await expect(page.locator("[aria-live=polite]", { hasText: "Your password is visible" })).toBeAttached();
  await hide.click();
  await expect(page.locator("[aria-live=polite]", { hasText: "Your password is hidden" })).toBeAttached();
  await expect(password).toHaveAttribute("type", "password");
  await expect(password).toHaveValue("Secret value 1!");
});

test("the strength estimator loads only where a password is chosen, and refuses a guessable password", async ({ page }) => {
  const workerRequests = [];
  page.on("request", (request) => {
    if (/estimator/.test(request.url())) workerRequests.push(request.url());
  });
  await page.goto("/newsletter");
  await page.getByLabel("Email address").fill("x");
  await page.goto("/account/sign-in");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  expect(workerRequests, "no estimator before a new password is chosen").toEqual([]);

  await page.goto("/account/register");
  await page.getByLabel("Email address").fill("alice.smith@example.com");
  const password = page.getByLabel("Password", { exact: true });
  await password.fill("Password123!");
  const meter = page.locator("meter[data-score]");
  await expect(meter).toHaveAttribute("data-score", /^[0-2]$/);
  expect(workerRequests.some((url) => url.endsWith("/estimator_loader.js"))).toBe(true);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#password-error")).toContainText("Password is too easy to guess.");
  await expect(summary(page)).toBeFocused();

  await password.fill("alice.smith1990");
  await expect(meter).toHaveAttribute("data-score", /^[0-2]$/);
  await password.fill("Vq7#t!mZ2@pL9w-Kutaisi");
  await expect(meter).toHaveAttribute("data-score", /^[34]$/);
  await expect(page.locator(".strength")).toContainText(/Strength: (Strong|Very strong)/);
});

test("creating an account sends the details, then confirms the address with the code", async ({ page }) => {
  const sent = await mockApi(page, {
    "POST /accounts": accepted,
    "POST /accounts/verify": (body) => (body.code === "123456" ? { status: 204 } : { status: 400, json: { message: "That code is not right. Check the email, or ask for a new code." } }),
  });
  await page.goto("/account/register");
  await page.getByLabel("Email address").fill("new.reader@example.org");
  await page.getByLabel("Password", { exact: true }).fill("Vq7#t!mZ2@pL9w-Kutaisi");
  await expect(page.locator("meter[data-score]")).toHaveAttribute("data-score", /^[34]$/);
  await page.getByRole("checkbox", { name: /newsletter/ }).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  expect(sent[0]).toEqual({ key: "POST /accounts", body: { email: "new.reader@example.org", password: "Vq7#t!mZ2@pL9w-Kutaisi", newsletter: true } });

  const code = page.getByLabel("Code");
  await expect(code).toHaveAttribute("inputmode", "numeric");
  await expect(code).toHaveAttribute("autocomplete", "one-time-code");
  await code.fill("12a");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("#code-error")).toContainText("The code must be 6 digits");
  await code.fill("654-321");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(summary(page)).toContainText("That code is not right.");
  await code.fill("123 456");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account is ready");
  expect(sent.at(-1)).toEqual({ key: "POST /accounts/verify", body: { email: "new.reader@example.org", code: "123456" } });
});

test("'Send new code' is disabled during a 60-second countdown, announced politely", async ({ page }) => {
  await page.clock.install();
  const sent = await mockApi(page, { "POST /password-resets": accepted });
  await page.goto("/account/forgot-password");
  await expect(page.getByText(seed.siteLines[2])).toBeVisible();
  await page.getByLabel("Email address").fill("reader@example.org");
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByText("Didn't receive a code?")).toBeVisible();
  const resend = page.getByRole("button", { name: "Send new code" });
  await expect(resend).toBeDisabled();
  await expect(page.getByText(/You can ask for a new code in \d+ seconds\./)).toBeVisible();
  await expect(page.locator(".resend [aria-live=polite]")).toHaveText(/You can ask for a new one in 60 seconds/);
  await page.clock.runFor(30_000);
  await expect(resend).toBeDisabled();
  await page.clock.runFor(31_000);
  await expect(resend).toBeEnabled();
  await expect(page.locator(".resend [aria-live=polite]")).toHaveText("You can now ask for a new code.");
  await resend.click();
  await expect(resend).toBeDisabled();
  expect(sent.filter((request) => request.key === "POST /password-resets")).toHaveLength(2);
});

test("forgot password: code, new password, then back to the page the visitor was on", async ({ page }) => {
  const sent = await mockApi(page, {
    "POST /password-resets": accepted,
    "POST /password-resets/verify": { status: 204 },
    "POST /password-resets/complete": (body) =>
      body.password === "Password123!"
        ? { status: 422, json: { errors: [{ field: "password", message: "Password is too easy to guess." }] } }
        : { status: 204 },
  });
  await page.goto("/sections/wider-cooperation");
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL("/account/forgot-password");
  await page.getByLabel("Email address").fill("reader@example.org");
  await page.getByRole("button", { name: "Send code" }).click();
  await page.getByLabel("Code").fill("123456");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  const password = page.getByLabel("New password");
  await password.fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#new-password-error")).toContainText("Password must be at least 12 characters long");
  await expect(password).toHaveValue("short");
  await password.fill("Vq7#t!mZ2@pL9w-Kutaisi");
  await expect(page.locator("meter[data-score]")).toHaveAttribute("data-score", /^[34]$/);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your password has been changed");
  await expect(page.getByText(seed.siteLines[5])).toBeVisible();
  expect(sent.at(-1)).toEqual({ key: "POST /password-resets/complete", body: { email: "reader@example.org", code: "123456", password: "Vq7#t!mZ2@pL9w-Kutaisi" } });

  await page.getByRole("button", { name: "Return to the page you were on" }).click();
  await expect(page).toHaveURL("/sections/wider-cooperation");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wider cooperation");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("signing in shows the account in the header, and signing out removes it", async ({ page }) => {
  await mockApi(page, {
    "POST /sessions": (body) =>
      body.password === "right-Password-1"
        ? { status: 200, json: { email: body.email } }
        : { status: 401, json: { message: "The email address or password is not correct" } },
    "GET /session": { status: 200, json: { email: "reader@example.org" } },
    "DELETE /sessions": { status: 204 },
  });
  await page.goto("/regions");
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: "Forgot your password?" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Create an account" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(summary(page)).toContainText("Enter your email address");
  await expect(summary(page)).toContainText("Enter your password");
  await page.getByLabel("Email address").fill("reader@example.org");
  await page.getByLabel("Password", { exact: true }).fill("wrong-Password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(summary(page)).toContainText("The email address or password is not correct");
  await page.getByLabel("Password", { exact: true }).fill("right-Password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/regions");
  await expect(page.locator(".account-links")).toContainText("Signed in as reader@example.org");
  await page.reload();
  await expect(page.locator(".account-links")).toContainText("Signed in as reader@example.org");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("the videos announcement leads to account creation", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("region", { name: "Announcement" }).getByRole("link", { name: seed.siteLines[0] }).click();
  await expect(page).toHaveURL("/account/register");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create an account");
});
