import { expect, Page, test } from "@playwright/test";
import { linkIn, mailTo, uniqueEmail } from "./mail";
import { hydrated } from "./hydrated";

const PASSWORD = "a perfectly long passphrase";

async function signUp(page: Page, email: string, name = "Anna Example") {
  await page.goto("/register");
  await hydrated(page);
  await page.getByLabel("Name").fill(name);
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
}

async function logIn(page: Page, email: string, password = PASSWORD) {
  await hydrated(page);
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

test("sign up, confirm the email from the inbox, log out and log back in", async ({ page, request }) => {
  const email = uniqueEmail("signup");
  await signUp(page, email);
  await expect(page.getByRole("heading", { name: "Name your workspace" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Confirm your email" })).toBeVisible();

  const mail = await mailTo(request, email);
  expect(mail.subject).toBe("Confirm your email for Mewayz");
  await page.goto(linkIn(mail));
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByText("Your email is confirmed.")).toBeVisible();
  await page.getByRole("link", { name: "Go to your dashboard" }).click();
  // No workspace yet: the dashboard sends new accounts to the setup wizard.
  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByRole("heading", { name: "Name your workspace" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Confirm your email" })).toHaveCount(0);

  // The wizard says who is signed in and lets someone else out; what was saved stays.
  await hydrated(page);
  await page.getByLabel("Workspace name").fill(`Anna Studio ${Date.now()}`);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "What do you want to do first?" })).toBeVisible();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  await page.getByRole("button", { name: "Not you? Log out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/app/more");
  await expect(page).toHaveURL(/\/login\?next=/);
  await logIn(page, email);
  await expect(page).toHaveURL(/\/app\/more$/);
  await expect(page.getByRole("heading", { name: "All modules" })).toBeVisible();
  await page.goto("/onboarding");
  await expect(page.getByRole("heading", { name: "What do you want to do first?" })).toBeVisible();
});

test("mistakes are explained next to the field and nothing typed is lost", async ({ page }) => {
  await page.goto("/register");
  await hydrated(page);
  await page.getByLabel("Name").fill("Bo");
  await page.getByRole("textbox", { name: "Email", exact: true }).fill("bo-at-example");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Email", exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("textbox", { name: "Email", exact: true })).toHaveValue("bo-at-example");
  await expect(page.getByLabel("Name")).toHaveValue("Bo");
  await expect(page).toHaveURL(/\/register$/);

  await page.goto("/login");
  await logIn(page, uniqueEmail("nobody"), "not the right one");
  await expect(page.getByRole("alert")).toHaveText("Incorrect email or password.");
});

test("reset a forgotten password from the emailed link", async ({ page, request }) => {
  const email = uniqueEmail("reset");
  await signUp(page, email);
  await page.context().clearCookies();

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await hydrated(page);
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If an account exists for that email")).toBeVisible();

  const mail = await mailTo(request, email, 2);
  expect(mail.subject).toBe("Reset your Mewayz password");
  await page.goto(linkIn(mail));
  await hydrated(page);
  await page.getByRole("textbox", { name: "New password" }).fill("another long passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1$/);
  await expect(page.getByText("Your password was changed.")).toBeVisible();
  await logIn(page, email, "another long passphrase");
  await expect(page).toHaveURL(/\/onboarding$/);
});

test("see signed-in devices and sign one out", async ({ page, browser }) => {
  const email = uniqueEmail("devices");
  await signUp(page, email);
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const phone = await other.newPage();
  await phone.goto("/login");
  await logIn(phone, email);
  await expect(phone).toHaveURL(/\/onboarding$/);

  await page.goto("/settings/security");
  await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
  const rows = page.locator(".session-row");
  await expect(rows).toHaveCount(2);
  await expect(page.getByText("This device")).toBeVisible();
  await hydrated(page);
  await page.getByRole("button", { name: /^Sign out/ }).click();
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole("status").getByText("That device was signed out.")).toBeVisible();

  await phone.goto("/app");
  await expect(phone).toHaveURL(/\/login\?next=/);
  await other.close();

  await page.getByRole("button", { name: "Log out everywhere" }).click();
  await page.getByRole("button", { name: "Yes, log out everywhere" }).click();
  await expect(page).toHaveURL(/\/login$/);
});
