import { fileURLToPath } from "node:url";
import { appbaseVitestConfig } from "@appbase/vitest-config";
import { mergeConfig } from "vitest/config";

// `server-only` throws outside a React Server environment; domain tests run the server code directly.
export default mergeConfig(appbaseVitestConfig(), {
  resolve: {
    alias: { "server-only": fileURLToPath(new URL("./src/testing/server-only-stub.ts", import.meta.url)) },
  },
});
