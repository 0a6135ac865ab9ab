import { kitVitestConfig } from "@appbase/next-kit/vitest";

export default kitVitestConfig();
