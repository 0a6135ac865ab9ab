export { loadBundleSchema } from "./schema-source.ts";
export { formatProblem } from "./validate-bundle.ts";
