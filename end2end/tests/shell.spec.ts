import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./mail";

test.describe("landing page", () => {
  test("renders, hydrates, and remembers the theme", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));

    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("one link away");
    await expect(page.getByRole("link", { name: "Sign up" })).toHaveAttribute("href", "/register");
    await expect(page.getByRole("link", { name: "Log in" }).first()).toHaveAttribute("href", "/login");

    // The theme switch is wired up only by the WASM: a working click proves hydration. Clicks
    // that land before hydration do nothing, so retry until one takes effect.
    const toggle = page.getByRole("button", { name: "Dark theme" });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await expect(async () => {
      await toggle.click();
      await expect(page.locator("html")).toHaveAttribute("data-theme", "dark", { timeout: 500 });
    }).toPass();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");

    // The choice survives a reload: the server renders it from the cookie.
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");

    expect(errors, errors.join("\n")).toEqual([]);
  });

  test("has no horizontal scroll at 360 px", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ["/", "/register", "/login", "/forgot-password", "/no-such-page"]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });
});

test("an unknown address answers 404 with a way back", async ({ page }) => {
  const response = await page.goto("/this/does/not/exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("the signed-in layout uses a bottom bar on phones and a sidebar on wide screens", { tag: "@desktop" }, async ({ page, isMobile }) => {
  await page.goto("/register");
  await page.locator("body[data-hydrated]").waitFor({ state: "attached" });
  await page.getByLabel("Name").fill("Layout Tester");
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(uniqueEmail("layout"));
  await page.getByLabel("Password").fill("a perfectly long passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.setViewportSize(isMobile ? { width: 360, height: 740 } : { width: 1280, height: 800 });
  await page.goto("/app/more");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the dashboard scrolls sideways").toBeLessThanOrEqual(0);
  await expect(page.getByRole("heading", { name: "All modules", level: 1 })).toBeVisible();
  // The logo leads home on every width, named even where the word beside it is hidden.
  await expect(page.getByRole("link", { name: "Mewayz" })).toHaveAttribute("href", "/app");
  const bottom = page.getByRole("navigation", { name: "Main", exact: true });
  const sidebar = page.getByRole("navigation", { name: "Modules", exact: true });
  if (isMobile) {
    await expect(bottom).toBeVisible();
    await expect(sidebar).toBeHidden();
    await expect(bottom.getByRole("link", { name: "More" })).toHaveAttribute("aria-current", "page");
    await expect(bottom.getByRole("link", { name: "Home" })).toBeVisible();
  } else {
    await expect(sidebar).toBeVisible();
    await expect(bottom).toBeHidden();
    await expect(sidebar.getByRole("link", { name: "Home" })).toBeVisible();
    await expect(sidebar.getByRole("link", { name: "Settings" })).toHaveAttribute("href", "/settings");
  }
});
