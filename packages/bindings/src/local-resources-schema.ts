import { z } from "zod";
import { formatPath } from "./app-yaml-schema.ts";
import {
  type ResourceType,
  resourceKeySchema,
  resourceTypeInfo,
  resourceTypeSchema,
} from "./resource-types.ts";

/** How a local process reaches the Postgres behind a `postgres` resource (the local Lakebase or any Postgres). */
export const localPostgresConnectionSchema = z.strictObject({
  url: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, { error: "expected a postgres:// connection URL" })
    .refine((url) => URL.canParse(url), { error: "expected a postgres:// connection URL" }),
});

export type LocalPostgresConnection = z.output<typeof localPostgresConnectionSchema>;

/** One resource of the local map: its type, the value `valueFrom` resolves to, and local connection info. */
export const localResourceSchema = z
  .strictObject({
    type: resourceTypeSchema,
    value: z.string(),
    description: z.string().optional(),
    local: localPostgresConnectionSchema.optional(),
  })
  .superRefine((resource, ctx) => {
    const info = resourceTypeInfo[resource.type];
    const checked = info.schema.safeParse(resource.value);
    if (!checked.success) {
      const shown = info.sensitive ? "" : ` (got ${JSON.stringify(resource.value)})`;
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: `${checked.error.issues.map((issue) => issue.message).join("; ")}${shown}`,
      });
    }
    if (resource.type === "postgres" && !resource.local) {
      ctx.addIssue({
        code: "custom",
        path: ["local"],
        message: 'a postgres resource needs local connection info: "local": { "url": "postgres://…" }',
      });
    }
    if (resource.type !== "postgres" && resource.local) {
      ctx.addIssue({
        code: "custom",
        path: ["local"],
        message: "only postgres resources carry local connection info",
      });
    }
  });

export interface LocalResource {
  type: ResourceType;
  value: string;
  description?: string;
  local?: LocalPostgresConnection;
}

/** The file format of `<stateDir>/resources.json`: resource key → resource, plus where the local platform listens. */
export const localResourceMapSchema = z.strictObject({
  version: z.literal(1, { error: "version must be 1" }),
  /** The local platform process; stands in for DATABRICKS_HOST in a local rehearsal. */
  platformUrl: z.url({ protocol: /^https?$/, error: "platformUrl must be an http(s) URL" }).optional(),
  resources: z.record(resourceKeySchema, localResourceSchema),
});

export interface LocalResourceMap {
  version: 1;
  platformUrl?: string;
  resources: Record<string, LocalResource>;
}

/** A problem with the local resource map or with resolving against it; names the file. */
export class LocalResourcesError extends Error {
  readonly file: string;
  readonly problems: readonly string[];

  constructor(file: string, problems: readonly string[], heading = "is not a valid local resource map") {
    super(`${file} ${heading}:\n${problems.map((problem) => `- ${problem}`).join("\n")}`);
    this.name = "LocalResourcesError";
    this.file = file;
    this.problems = problems;
  }
}

/** Validates a parsed resources.json; throws `LocalResourcesError` naming each bad field. */
export function parseLocalResources(input: unknown, file: string): LocalResourceMap {
  const parsed = localResourceMapSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new LocalResourcesError(file, parsed.error.issues.map(describeIssue));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  // A bad record key arrives wrapped as "Invalid key in record"; surface the key schema's own message.
  const message =
    issue.code === "invalid_key" ? issue.issues.map((inner) => inner.message).join("; ") : issue.message;
  return `${formatPath(issue.path) || "(root)"}: ${message}`;
}
