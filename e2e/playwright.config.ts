import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromiumLaunchOptions } from "@appbase/bundle/chromium-launch";
import { defineConfig } from "@playwright/test";
import { e2eKits, e2eStateDir, repoRoot } from "./shared/kits.ts";

const kits = e2eKits();
const kitProjects = kits
  .filter((k) => existsSync(join(import.meta.dirname, k.kit)))
  // A kit's specs share its rows, so each kit runs one spec at a time (workers: 1); different kits share
  // no state and run side by side. The cross-kit journeys touch every kit, so they run last, alone.
  .map((k) => ({ name: k.kit, testDir: `./${k.kit}`, workers: 1, use: { baseURL: k.url } }));

export default defineConfig({
  testDir: ".",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    headless: true,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    ...kitProjects,
    { name: "cross-kit", testDir: "./cross-kit", workers: 1, dependencies: kitProjects.map((p) => p.name) },
  ],
  // One orchestrator serves every kit on a fresh state folder with synthetic data, as README command 1 does.
  webServer: kits.length
    ? {
        command: `node packages/cli/bin/appbase.mjs up --prod --fresh --scale tiny --state-dir ${e2eStateDir}`,
        cwd: repoRoot,
        url: `${kits[kits.length - 1]!.url}${kits[kits.length - 1]!.health}`,
        timeout: 600_000,
        reuseExistingServer: !process.env.CI,
        stdout: "pipe",
        stderr: "pipe",
        gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
      }
    : undefined,
});
