import { expect, test } from "@playwright/test";

test("the manifest is linked and describes an installable app", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/manifest.webmanifest");

  const res = await request.get(href!);
  expect(res.ok()).toBeTruthy();
  const manifest = await res.json();
  expect(manifest.name).toBe("Mewayz");
  expect(manifest.short_name).toBeTruthy();
  expect(manifest.start_url).toBeTruthy();
  expect(manifest.display).toBe("standalone");
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  const sizes = manifest.icons.map((i: any) => `${i.sizes}:${i.purpose ?? "any"}`);
  expect(sizes).toContain("192x192:any");
  expect(sizes).toContain("512x512:any");
  expect(manifest.icons.some((i: any) => i.purpose === "maskable")).toBeTruthy();
  for (const icon of manifest.icons) {
    const r = await request.get(icon.src);
    expect(r.ok(), icon.src).toBeTruthy();
    expect(r.headers()["content-type"]).toBe(icon.type);
  }
});

test("the service worker registers and serves the offline page when the network is gone", async ({ page, context }) => {
  await page.goto("/");
  const scope = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return reg.scope;
  });
  expect(new URL(scope).pathname).toBe("/");

  // Wait until the worker controls this page, then go offline.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  // A lazily loaded page's chunk (the sign-in pages' group) is kept the first time it is fetched.
  await page.goto("/login");
  await expect(page.locator("body[data-hydrated]")).toBeAttached();
  const cachedChunks = () =>
    page.evaluate(async () => {
      const urls: string[] = [];
      for (const n of await caches.keys()) for (const r of await (await caches.open(n)).keys()) urls.push(r.url);
      return urls.filter((u) => u.includes("/pkg/split_identity_sign_in."));
    });
  await expect.poll(cachedChunks).toHaveLength(1);

  await context.setOffline(true);
  await page.goto("/app");
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Try again" })).toBeVisible();

  await context.setOffline(false);
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Sign up" })).toBeVisible();
});

test("the service worker never answers server functions from its cache", async ({ page, request }) => {
  const sw = await (await request.get("/sw.js")).text();
  expect(sw).not.toContain("/api/");
  await page.goto("/");
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const urls: string[] = [];
    for (const n of names) for (const r of await (await caches.open(n)).keys()) urls.push(new URL(r.url).pathname);
    return urls;
  });
  expect(cached).toContain("/offline.html");
  expect(cached.some((u) => u.startsWith("/pkg/") && u.endsWith(".wasm"))).toBeTruthy();
  expect(cached.filter((u) => u.startsWith("/api"))).toEqual([]);
});
