import { expect, Page } from "@playwright/test";

/**
 * Waits until the WASM app has taken over the server-rendered page, then checks the page has no
 * form inside a form: the HTML parser drops the inner one, so the page would work only when the
 * browser happened to build it from script (and never without JavaScript).
 */
export async function hydrated(page: Page) {
  await page.locator("body[data-hydrated]").waitFor({ state: "attached" });
  expect(await page.locator("form form").count(), "a form inside a form").toBe(0);
}
