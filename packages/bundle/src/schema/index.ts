export { type BundleValidator, createBundleValidator, type SchemaProblem } from "./bundle-validator.ts";
export {
  type BundleFile,
  type LoadedBundle,
  type LocatedProblem,
  loadBundle,
  locate,
} from "./load-bundle.ts";
export { type BundleSchemaSource, type LoadedBundleSchema, loadBundleSchema } from "./schema-source.ts";
export { type BundleValidation, formatProblem, validateBundleFile } from "./validate-bundle.ts";
