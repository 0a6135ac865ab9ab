import { defineConfig } from "vitest/config";

/** Shared Vitest settings: unit tests next to code, database tests (`*.db.test.ts`) allowed more time. */
export function appbaseVitestConfig(options: { testTimeout?: number } = {}) {
  return defineConfig({
    test: {
      include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
      testTimeout: options.testTimeout ?? 30_000,
      hookTimeout: 60_000,
      reporters: process.env.CI ? ["default"] : ["default"],
      pool: "forks",
    },
  });
}
