import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./mail";

test("continue with Google creates an account and signs in", async ({ page }) => {
  const email = uniqueEmail("google");
  await page.goto("/login");
  await page.getByRole("link", { name: "Continue with Google" }).click();
  await expect(page.getByRole("heading", { name: "Choose an account" })).toBeVisible();
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByLabel("Name").fill("Gigi Google");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByRole("heading", { name: "Name your workspace" })).toBeVisible();
  // Google vouched for the address: no "confirm your email" banner.
  await expect(page.getByRole("region", { name: "Confirm your email" })).toHaveCount(0);
});
