import { kitVitestConfig } from "@appbase/next-kit/vitest";
import { mergeConfig } from "vitest/config";

// tsconfig's `jsx: preserve` is for Next; tests that render components need JSX compiled.
export default mergeConfig(kitVitestConfig(), {
  oxc: { jsx: { runtime: "automatic", importSource: "react" } },
});
