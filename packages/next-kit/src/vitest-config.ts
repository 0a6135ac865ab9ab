import { fileURLToPath } from "node:url";
import { appbaseVitestConfig } from "@appbase/vitest-config";
import { mergeConfig } from "vitest/config";

/** Every kit's Vitest config: the shared settings, with `server-only` stubbed so server code runs in tests. */
export function kitVitestConfig() {
  return mergeConfig(appbaseVitestConfig(), {
    resolve: {
      // `server-only` throws outside a React Server environment; tests run the server code directly.
      alias: { "server-only": fileURLToPath(new URL("./testing/server-only-stub.ts", import.meta.url)) },
    },
  });
}
