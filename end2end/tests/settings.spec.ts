import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./mail";
import { hydrated } from "./hydrated";

const PASSWORD = "a perfectly long passphrase";

test("change the name and the password from settings", async ({ page }) => {
  const email = uniqueEmail("settings");
  await page.goto("/register");
  await hydrated(page);
  await page.getByLabel("Name").fill("Sett Ings");
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);

  await page.goto("/app/more");
  await page.getByRole("link", { name: "Account settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await hydrated(page);
  const name = page.getByRole("textbox", { name: "Name" });
  await expect(name).toHaveValue("Sett Ings");
  await name.fill("Settled Name");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("status").getByText("Saved.")).toBeVisible();

  const passwordSection = page.getByRole("region", { name: "Password" });
  await passwordSection.getByRole("textbox", { name: "Current password" }).fill("wrong password!");
  await passwordSection.getByRole("textbox", { name: "New password" }).fill("another long passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(passwordSection.getByText("That password is not right.")).toBeVisible();
  await passwordSection.getByRole("textbox", { name: "Current password" }).fill(PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").getByText("Password changed.")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("textbox", { name: "Name" })).toHaveValue("Settled Name");
});
