import { appbaseVitestConfig } from "@appbase/vitest-config";

export default appbaseVitestConfig();
