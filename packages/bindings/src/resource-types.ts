import { z } from "zod";

/**
 * The app resource types whose value reaches the app through `valueFrom`.
 * Unity Catalog securables are one platform type (`uc_securable`) split here by securable type,
 * because each resolves to a differently shaped value. UC functions and vector search indexes are
 * left out: what `valueFrom` yields for them is unconfirmed.
 */
export const resourceTypes = [
  "postgres",
  "database",
  "sql_warehouse",
  "genie_space",
  "serving_endpoint",
  "secret",
  "job",
  "experiment",
  "app",
  "uc_table",
  "uc_volume",
  "uc_connection",
] as const;

export type ResourceType = (typeof resourceTypes)[number];

export const resourceTypeSchema = z.enum(resourceTypes, {
  error: (issue) =>
    `unknown resource type ${JSON.stringify(issue.input)}; use one of: ${resourceTypes.join(", ")}`,
});

/** The field an app resource uses in databricks.yml, and the permission the Databricks CLI defaults to. */
export interface BundleResourceKind {
  field:
    | "postgres"
    | "database"
    | "sql_warehouse"
    | "genie_space"
    | "serving_endpoint"
    | "secret"
    | "job"
    | "experiment"
    | "app"
    | "uc_securable";
  securableType?: "TABLE" | "VOLUME" | "CONNECTION";
  defaultPermission: string;
}

export interface ResourceTypeInfo {
  /** What the resource is, as a person would say it. */
  label: string;
  /** What `valueFrom` resolves to for this type. */
  resolvesTo: string;
  example: string;
  /** Validates the resolved value. */
  schema: z.ZodType<string, string>;
  /** Sensitive values are never echoed in error messages. */
  sensitive: boolean;
  bundle: BundleResourceKind;
}

const POSTGRES_ENDPOINT_PATH = /^projects\/([^/\s]+)\/branches\/([^/\s]+)\/endpoints\/([^/\s]+)$/;
const WORKSPACE_OBJECT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const NUMERIC_ID = /^[0-9]+$/;

function pattern(regex: RegExp, expected: string): z.ZodType<string, string> {
  return z.string().regex(regex, { error: `expected ${expected}` });
}

/** Per-type facts: what each binding resolves to, how to validate it and how it is declared in a bundle. */
export const resourceTypeInfo: Record<ResourceType, ResourceTypeInfo> = {
  postgres: {
    label: "Lakebase Autoscaling database",
    resolvesTo: "endpoint path",
    example: "projects/my-project/branches/main/endpoints/ep123",
    schema: pattern(
      POSTGRES_ENDPOINT_PATH,
      "an endpoint path projects/{project}/branches/{branch}/endpoints/{endpoint}",
    ),
    sensitive: false,
    bundle: { field: "postgres", defaultPermission: "CAN_CONNECT_AND_CREATE" },
  },
  database: {
    label: "Lakebase Provisioned database",
    resolvesTo: "host name",
    example: "postgres-host.example.com",
    schema: pattern(/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/, "a host name without scheme or port"),
    sensitive: false,
    bundle: { field: "database", defaultPermission: "CAN_CONNECT_AND_CREATE" },
  },
  sql_warehouse: {
    label: "SQL warehouse",
    resolvesTo: "warehouse id",
    example: "a1b2c3d4e5f67890",
    schema: pattern(WORKSPACE_OBJECT_ID, "a SQL warehouse id (letters, digits, - or _)"),
    sensitive: false,
    bundle: { field: "sql_warehouse", defaultPermission: "CAN_USE" },
  },
  genie_space: {
    label: "Genie space",
    resolvesTo: "space id",
    example: "01ef1fa2b3c45678",
    schema: pattern(WORKSPACE_OBJECT_ID, "a Genie space id (letters, digits, - or _)"),
    sensitive: false,
    bundle: { field: "genie_space", defaultPermission: "CAN_VIEW" },
  },
  serving_endpoint: {
    label: "model serving endpoint",
    resolvesTo: "endpoint name",
    example: "my-serving-endpoint",
    schema: pattern(WORKSPACE_OBJECT_ID, "a serving endpoint name (letters, digits, - or _)"),
    sensitive: false,
    bundle: { field: "serving_endpoint", defaultPermission: "CAN_QUERY" },
  },
  secret: {
    label: "secret",
    resolvesTo: "decrypted secret value",
    example: "(the secret value)",
    schema: z.string().min(1, { error: "expected a non-empty secret value" }),
    sensitive: true,
    bundle: { field: "secret", defaultPermission: "READ" },
  },
  job: {
    label: "Lakeflow job",
    resolvesTo: "job id",
    example: "123456789",
    schema: pattern(NUMERIC_ID, "a numeric job id"),
    sensitive: false,
    bundle: { field: "job", defaultPermission: "CAN_MANAGE_RUN" },
  },
  experiment: {
    label: "MLflow experiment",
    resolvesTo: "experiment id",
    example: "456789012",
    schema: pattern(NUMERIC_ID, "a numeric experiment id"),
    sensitive: false,
    bundle: { field: "experiment", defaultPermission: "CAN_READ" },
  },
  app: {
    label: "Databricks app",
    resolvesTo: "app name",
    example: "my-app",
    schema: pattern(/^[a-z0-9][a-z0-9-]*$/, "an app name (lowercase letters, digits and hyphens)"),
    sensitive: false,
    bundle: { field: "app", defaultPermission: "CAN_USE" },
  },
  uc_table: {
    label: "Unity Catalog table",
    resolvesTo: "full table name",
    example: "catalog.schema.table",
    schema: pattern(/^[^.\s/]+\.[^.\s/]+\.[^.\s/]+$/, "a full table name catalog.schema.table"),
    sensitive: false,
    bundle: { field: "uc_securable", securableType: "TABLE", defaultPermission: "SELECT" },
  },
  uc_volume: {
    label: "Unity Catalog volume",
    resolvesTo: "volume path",
    example: "/Volumes/catalog/schema/volume",
    schema: pattern(/^\/Volumes\/[^/\s]+\/[^/\s]+\/[^/\s]+$/, "a volume path /Volumes/catalog/schema/volume"),
    sensitive: false,
    bundle: { field: "uc_securable", securableType: "VOLUME", defaultPermission: "READ_VOLUME" },
  },
  uc_connection: {
    label: "Unity Catalog connection",
    resolvesTo: "connection name",
    example: "my_connection",
    schema: pattern(/^[^\s.]+$/, "a connection name without spaces or dots"),
    sensitive: false,
    bundle: { field: "uc_securable", securableType: "CONNECTION", defaultPermission: "USE_CONNECTION" },
  },
};

export interface PostgresEndpointPath {
  project: string;
  branch: string;
  endpoint: string;
}

/** Splits a Lakebase endpoint path `projects/{p}/branches/{b}/endpoints/{e}`; throws naming the expected shape. */
export function parsePostgresEndpointPath(path: string): PostgresEndpointPath {
  const match = POSTGRES_ENDPOINT_PATH.exec(path);
  if (!match) {
    throw new Error(
      `${JSON.stringify(path)} is not a Lakebase endpoint path: expected projects/{project}/branches/{branch}/endpoints/{endpoint}`,
    );
  }
  return { project: match[1]!, branch: match[2]!, endpoint: match[3]! };
}

/** Builds the endpoint path for a project, branch and endpoint id. */
export function formatPostgresEndpointPath(path: PostgresEndpointPath): string {
  return `projects/${path.project}/branches/${path.branch}/endpoints/${path.endpoint}`;
}

/** Resource keys (the `name` of an app resource, the target of `valueFrom`): no whitespace, not empty. */
export const resourceKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, { error: "resource keys use letters, digits, _, . and -" });
