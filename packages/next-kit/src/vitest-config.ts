import { fileURLToPath } from "node:url";
import { appbaseVitestConfig } from "@appbase/vitest-config";
import { mergeConfig } from "vitest/config";

/**
 * Every kit's Vitest config: the shared settings, with `server-only` stubbed so server code runs in
 * tests, and JSX compiled (the kit's tsconfig says `jsx: preserve` for Next) so tests can render components.
 */
export function kitVitestConfig() {
  return mergeConfig(appbaseVitestConfig(), {
    oxc: { jsx: { runtime: "automatic", importSource: "react" } },
    resolve: {
      // `server-only` throws outside a React Server environment; tests run the server code directly.
      alias: { "server-only": fileURLToPath(new URL("./testing/server-only-stub.ts", import.meta.url)) },
    },
  });
}
