// Playwright config for `appbase rehearse`: runs a kit's smoke spec against an app that is already
// running (the staged bundle behind the Apps proxy stand-in), so there is no webServer here.
// Plain JS with only a relative import, so it loads from wherever the e2e package's Playwright runs.
import { chromiumLaunchOptions } from "./chromium-launch.mjs";

export default {
  testDir: process.env.REHEARSAL_TEST_DIR,
  testMatch: "smoke.spec.ts",
  // Each rehearsal its own results folder, so rehearsals of different kits can run side by side.
  ...(process.env.REHEARSAL_OUTPUT_DIR ? { outputDir: process.env.REHEARSAL_OUTPUT_DIR } : {}),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  // A kit under `next dev` compiles each page on first visit: its callers pass a longer budget.
  timeout: Number(process.env.REHEARSAL_TIMEOUT_MS) || 60_000,
  expect: { timeout: (Number(process.env.REHEARSAL_TIMEOUT_MS) || 60_000) / 4 },
  use: {
    baseURL: process.env.REHEARSAL_BASE_URL,
    headless: true,
    launchOptions: chromiumLaunchOptions,
  },
};
