import type { ResourceType } from "@appbase/bindings";
import { loadBundle } from "../schema/load-bundle.ts";

const FIELD_TYPES: Record<string, ResourceType> = {
  postgres: "postgres",
  database: "database",
  sql_warehouse: "sql_warehouse",
  genie_space: "genie_space",
  serving_endpoint: "serving_endpoint",
  secret: "secret",
  job: "job",
  experiment: "experiment",
  app: "app",
};
const SECURABLE_TYPES: Record<string, ResourceType> = {
  TABLE: "uc_table",
  VOLUME: "uc_volume",
  CONNECTION: "uc_connection",
};

/** The app's resources (key → type) as the kit's databricks.yml declares them. */
export function bundleResourceTypes(bundleFile: string): Record<string, ResourceType> {
  const config = loadBundle(bundleFile).config as {
    resources?: { apps?: Record<string, { resources?: Record<string, unknown>[] }> };
  };
  const out: Record<string, ResourceType> = {};
  for (const app of Object.values(config.resources?.apps ?? {})) {
    for (const resource of app.resources ?? []) {
      const key = resource.name;
      if (typeof key !== "string") continue;
      for (const [field, type] of Object.entries(FIELD_TYPES)) if (field in resource) out[key] = type;
      const securable = resource.uc_securable as { securable_type?: string } | undefined;
      const mapped = securable?.securable_type ? SECURABLE_TYPES[securable.securable_type] : undefined;
      if (mapped) out[key] = mapped;
    }
  }
  return out;
}
