export { branchPortFromEnv } from "../port-from-env.ts";
export {
  type MigrationPreview,
  type MigrationPreviewInput,
  previewMigrations,
  type SmokeOutcome,
} from "./migration-preview.ts";
export {
  applyPreview,
  diffPreview,
  discardPreview,
  extendPreview,
  isPreviewBranch,
  listPreviews,
  type PreparePreviewInput,
  type Preview,
  preparePreview,
  readPreview,
} from "./preview.ts";
