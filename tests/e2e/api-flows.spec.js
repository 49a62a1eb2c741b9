// The whole flows against the real reference API (development mode, fresh database): the
// codes and links are read from its dev outbox, as a person trying the site would.
import { test, expect, seed, names } from "./fixtures.js";

test.use({ allowedConsoleErrors: [/Failed to load resource: the server responded with a status of (401|422)/] });

const PASSWORD = "Vq7#t!mZ2@pL9w-Kutaisi";
const NEW_PASSWORD = "Rioni-River-88!Batumi";

function unique(name) {
  return `${name}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.org`;
}

async function latestMail(request, to) {
  const outbox = await (await request.get("/api/dev/outbox")).json();
  const mail = outbox.filter((m) => m.to === to).at(-1);
  expect(mail, `a mail to ${to}`).toBeTruthy();
  return mail;
}

async function latestCode(request, to) {
  return (await latestMail(request, to)).body.match(/\b\d{6}\b/)[0];
}

async function register(page, request, email) {
  await page.goto("/account/register");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await expect(page.locator("meter[data-score]")).toHaveAttribute("data-score", /^[34]$/);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await page.getByLabel("Code").fill(await latestCode(request, email));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account is ready");
}

async function signIn(page, email, password) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("subscribe to the newsletter, then confirm with the emailed link", async ({ page, request }) => {
  const email = unique("reader");
  await page.goto("/newsletter");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("checkbox", { name: /^I agree/ }).check();
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const mail = await latestMail(request, email);
  const link = mail.body.match(/http\S+\/confirmations\/\S+/)[0];
  await page.goto(new URL(link).pathname);
  await expect(page.getByText("Your subscription to the newsletter is confirmed.")).toBeVisible();
});

test("register, confirm with the code from the outbox, then sign in", async ({ page, request }) => {
  const email = unique("new.reader");
  await register(page, request, email);
  await page.getByRole("link", { name: "Sign in to download videos" }).click();
  await signIn(page, email, PASSWORD);
  await expect(page.locator(".account-links")).toContainText(`Signed in as ${email}`);
  await page.reload();
  await expect(page.locator(".account-links")).toContainText(`Signed in as ${email}`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("forgot password from a page: code, new password, back to that page, and only the new password works", async ({ page, request }) => {
  const email = unique("forgetful");
  await register(page, request, email);

  await page.goto("/regions/jordan");
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByText(seed.siteLines[2])).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await page.getByLabel("Code").fill(await latestCode(request, email));
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await expect(page.locator("meter[data-score]")).toHaveAttribute("data-score", /^[34]$/);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(seed.siteLines[5])).toBeVisible();
  await page.getByRole("button", { name: "Return to the page you were on" }).click();
  await expect(page).toHaveURL("/regions/jordan");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jordan");

  await page.getByRole("link", { name: "Sign in" }).click();
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole("alert")).toContainText("The email address or password is not correct");
  await page.getByLabel("Password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/regions/jordan");
  await expect(page.locator(".account-links")).toContainText(`Signed in as ${email}`);
});

test("a second registration of a pending address cannot take it over: each browser's code confirms only its own", async ({ browser, request }) => {
  const email = unique("contested");
  const [owner, other] = [await browser.newContext(), await browser.newContext()];
  const [ownerPage, otherPage] = [await owner.newPage(), await other.newPage()];
  for (const page of [ownerPage, otherPage]) {
    await page.goto("/account/register");
    await expect(page.locator(`body[${names.marks.hydrated}]`)).toBeAttached();
  }
  const create = async (page, password) => {
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await expect(page.locator("meter[data-score]")).toHaveAttribute("data-score", /^[34]$/);
    await page.getByRole("button", { name: "Create account" }).click();
  };
  await create(ownerPage, PASSWORD);
  await expect(ownerPage.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  const ownerCode = await latestCode(request, email);
  // Within the minute, a new code for the address is refused; after it, the other attempt is mailed.
  await create(otherPage, NEW_PASSWORD);
  await expect(otherPage.getByRole("alert")).toContainText("Too many attempts");
  expect((await latestMail(request, email)).subject).toBe("Confirm your email address");

  await ownerPage.getByLabel("Code").fill(ownerCode);
  await ownerPage.getByRole("button", { name: "Continue" }).click();
  await expect(ownerPage.getByRole("heading", { level: 1 })).toHaveText("Your account is ready");
  const signIn = (password) => request.post("/api/sessions", { data: { email, password } });
  expect((await signIn(PASSWORD)).status()).toBe(200);
  expect((await signIn(NEW_PASSWORD)).status()).toBe(401);
  await owner.close();
  await other.close();
});

test("the server refuses a guessable password with the same message as the browser", async ({ request }) => {
  const response = await request.post("/api/accounts", { data: { email: unique("weak"), password: "Password123!", newsletter: false } });
  expect(response.status()).toBe(422);
  const body = await response.json();
  expect(body.errors[0].field).toBe("password");
  expect(body.errors[0].message).toMatch(/^Password is too easy to guess\./);
});

test("a password made of the site's name or the address is refused alike by the meter, the form and the API", async ({ page, request }) => {
  const reason = "Passwords made from this site’s name or your email address are easy to guess";
  const email = unique("context");
  await page.goto("/account/register");
  await expect(page.locator(`body[${names.marks.hydrated}]`)).toBeAttached();
  await page.getByLabel("Email address").fill(email);
  const password = page.getByLabel("Password", { exact: true });
  for (const guessable of ["NatoGeorgia2025!", "Example.org2025!", "Abkhazia#2008!"]) {
    await password.fill(guessable);
    await expect(page.locator("meter[data-score]")).toHaveAttribute("data-score", /^[01]$/);
    await expect(page.locator(".strength")).toContainText(reason);
    await expect(page.locator(".checklist li[data-met=false]")).toHaveCount(0);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator("#password-error")).toContainText(reason);
    await expect(page).toHaveURL(/\/account\/register$/);

    const response = await request.post("/api/accounts", { data: { email, password: guessable, newsletter: false } });
    expect(response.status()).toBe(422);
    expect((await response.json()).errors).toEqual([{ field: "password", message: reason }]);
  }
});
