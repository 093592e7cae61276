import { expect, Page, test } from "@playwright/test";
import { uniqueEmail } from "./mail";
import { totp } from "./totp";
import { hydrated } from "./hydrated";

const PASSWORD = "a perfectly long passphrase";

async function logOutAndIn(page: Page, email: string) {
  await page.goto("/app/more");
  await page.getByRole("button", { name: "Log out", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await hydrated(page);
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/login\/code$/);
  await hydrated(page);
}

test("turn on two-step verification, then log in with a code and with a recovery code", async ({ page }) => {
  const email = uniqueEmail("mfa");
  await page.goto("/register");
  await hydrated(page);
  await page.getByLabel("Name").fill("Mo Factor");
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);

  await page.goto("/settings/security");
  await hydrated(page);
  await page.getByRole("button", { name: "Set up two-step verification" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const key = (await page.getByLabel("Setup key").textContent())!.trim();
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("Code from your app").fill(totp(key));
  await page.getByRole("button", { name: "Turn on" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().textContent())!.trim();

  // The code from the next time step: each code works only once.
  await logOutAndIn(page, email);
  await page.getByLabel("Authentication code").fill(totp(key, Date.now() + 30_000));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);

  await logOutAndIn(page, email);
  await page.getByLabel("Authentication code").fill(recovery);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.goto("/settings/security");
  await expect(page.getByText("9 recovery codes left")).toBeVisible();
});
