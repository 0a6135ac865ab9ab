import { bundleAppPrincipalRef, bundleGrantResources } from "@appbase/grants";
import { Document } from "yaml";
import { appResourceFor, type BundleVariable } from "./app-resources.ts";
import type { KitBundleDeclaration } from "./kit-bundle.ts";
import { snake } from "./kit-bundle.ts";
import { lakebaseResources } from "./lakebase-resources.ts";
import { ref } from "./ref.ts";

/** Folder (relative to the bundle) that `appbase bundle stage` fills and `source_code_path` points at. */
export const STAGED_APP_DIR = "app";

const BASE_VARIABLES: Record<string, BundleVariable> = {
  catalog: {
    description: "Unity Catalog catalog that holds the kit's own schemas (governed records, telemetry)",
  },
  admin_group: {
    description:
      "Databricks account group that administers the kit (CAN_MANAGE on the app and its Lakebase project)",
  },
};

function telemetrySchema(kitSnake: string, appPrincipal: string) {
  return {
    catalog_name: ref("var.catalog"),
    name: `${kitSnake}_telemetry`,
    comment: "App telemetry (OpenTelemetry logs, metrics and spans) written by Databricks Apps",
    grants: [{ principal: appPrincipal, privileges: ["USE_SCHEMA", "SELECT", "MODIFY"] }],
  };
}

/** A bundle variable whose value is a structure (`type: complex`), such as a list of destinations. */
interface ComplexVariable {
  description: string;
  type: "complex";
  default: unknown;
}

const TELEMETRY_VARIABLE = "telemetry_export_destinations";

/**
 * App telemetry export (platform reference §7) as a variable, so a target in a region without app
 * telemetry sets `telemetry_export_destinations: []` instead of editing the app. By default the
 * spans, logs and metrics go to `otel_*` tables in the kit's telemetry schema.
 */
function telemetryDestinations(): ComplexVariable {
  const table = (name: string) => `\${var.catalog}.\${resources.schemas.telemetry.name}.${name}`;
  return {
    description:
      "Where Databricks Apps exports the app's OpenTelemetry data; set [] where the region has no app telemetry",
    type: "complex",
    default: [
      {
        unity_catalog: {
          logs_table: table("otel_logs"),
          metrics_table: table("otel_metrics"),
          traces_table: table("otel_spans"),
        },
      },
    ],
  };
}

/** Builds the whole databricks.yml for a kit as a plain object (resources, variables, targets). */
export function kitBundleConfig(declaration: KitBundleDeclaration): Record<string, unknown> {
  const appKey = snake(declaration.kit);
  const appPrincipal = bundleAppPrincipalRef(appKey);
  const kitSnake = snake(declaration.kit);
  const generated = declaration.resources.map(appResourceFor);
  const variables: Record<string, BundleVariable | ComplexVariable> = { ...BASE_VARIABLES };
  for (const item of generated) Object.assign(variables, item.variables);
  const synced = declaration.syncedTables ?? [];
  if (synced.length > 0)
    variables.source_catalog = {
      description: "Catalog holding the gold tables that Synced Tables copy into Lakebase",
    };

  const schemas: Record<string, unknown> = {};
  const volumes: Record<string, unknown> = {};
  if (declaration.matrix) {
    const grants = bundleGrantResources(declaration.matrix, { catalog: ref("var.catalog"), appPrincipal });
    Object.assign(schemas, grants.schemas);
    Object.assign(volumes, grants.volumes);
  }
  const telemetry = declaration.telemetry !== false;
  if (telemetry) schemas.telemetry = telemetrySchema(kitSnake, appPrincipal);
  if (synced.length > 0) {
    schemas.sync_pipeline = {
      catalog_name: ref("var.catalog"),
      name: `${kitSnake}_sync_pipeline`,
      comment: "Checkpoints and event logs of the Synced Tables pipelines",
    };
  }

  const app: Record<string, unknown> = {
    name: `${declaration.kit}-\${bundle.target}`,
    description: declaration.description,
    source_code_path: `./${STAGED_APP_DIR}`,
    resources: generated.map((item) => item.resource),
  };
  if (declaration.userApiScopes?.length) app.user_api_scopes = [...declaration.userApiScopes];
  if (telemetry) {
    variables[TELEMETRY_VARIABLE] = telemetryDestinations();
    app.telemetry_export_destinations = ref(`var.${TELEMETRY_VARIABLE}`);
  }
  app.permissions = [
    { level: "CAN_MANAGE", group_name: ref("var.admin_group") },
    ...(declaration.matrix?.groups ?? []).map((group) => ({ level: "CAN_USE", group_name: group.name })),
  ];

  const resources: Record<string, unknown> = { apps: { [appKey]: app } };
  if (declaration.resources.some((r) => r.type === "postgres")) {
    Object.assign(
      resources,
      lakebaseResources({ kit: declaration.kit, title: declaration.title, appKey, syncedTables: synced }),
    );
  }
  if (Object.keys(schemas).length > 0) resources.schemas = schemas;
  if (Object.keys(volumes).length > 0) resources.volumes = volumes;

  return {
    bundle: { name: `appbase-${declaration.kit}` },
    // The staged folder is generated (and git-ignored), so it must be synced explicitly.
    sync: { include: [`${STAGED_APP_DIR}/**`] },
    variables,
    resources,
    targets: {
      dev: { mode: "development", default: true },
      staging: {
        mode: "production",
        workspace: { root_path: `/Workspace/Shared/.bundle/${ref("bundle.name")}/${ref("bundle.target")}` },
      },
      prod: {
        mode: "production",
        workspace: { root_path: `/Workspace/Shared/.bundle/${ref("bundle.name")}/${ref("bundle.target")}` },
      },
    },
  };
}

/** Renders a generated file with a header saying where it comes from, so nobody edits it by hand. */
export function renderYaml(value: unknown, header: string): string {
  const document = new Document(value);
  document.commentBefore = ` ${header.split("\n").join("\n ")}`;
  return document.toString({ lineWidth: 0, indentSeq: true });
}
