import { defineConfig, devices } from "@playwright/test";

// `make test` starts the server and passes its address in BASE_URL.
const baseURL = process.env.BASE_URL ?? "http://127.0.0.1:3000";

// Debian's Chromium: Playwright cannot download browsers on these machines.
const launchOptions = {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "./tests",
  globalSetup: "./global-setup.ts",
  // Long flows load the debug WASM bundle (over 20 MB) several times on two cores.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions,
  },
  // Phones first: every journey runs on a phone. On a desktop run only the journeys whose layout
  // or input differs there (tagged "@desktop": the builders' mouse drags and side-by-side
  // preview, the contact table, the sidebar, the admin's screens); the others ran the same
  // code twice for two minutes of every `make test`.
  projects: [
    { name: "desktop", grep: /@desktop/, use: { ...devices["Desktop Chrome"], launchOptions } },
    { name: "mobile", use: { ...devices["Pixel 7"], launchOptions } },
  ],
});
