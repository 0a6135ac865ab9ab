import { z } from "zod";
import { CHECKPOINT_SCHEMA } from "./kit-checkpoint-schema.ts";

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * AGENT_CHECKPOINT_SCHEMAS: the Postgres schemas holding LangGraph checkpoint tables the kit reads,
 * comma-separated (e.g. an existing deployment's `public` or `agent_ckpt`). The kit's own schema,
 * where its agents write, is always read and listed first.
 */
export const checkpointSchemaList = z
  .string()
  .max(1_000)
  .transform((raw) =>
    raw
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== ""),
  )
  .pipe(
    z
      .array(
        z
          .string()
          .regex(
            IDENTIFIER,
            "each schema must be a lower-case Postgres identifier (letters, digits, underscores)",
          ),
      )
      .max(20, "at most 20 checkpoint schemas"),
  )
  .transform((listed) => [...new Set([CHECKPOINT_SCHEMA, ...listed])]);

/** The variable's value as app.yaml carries it (a string), checked with {@link checkpointSchemaList}. */
export const checkpointSchemasValue = z.string().superRefine((raw, ctx) => {
  const parsed = checkpointSchemaList.safeParse(raw);
  if (!parsed.success)
    ctx.addIssue({ code: "custom", message: parsed.error.issues[0]?.message ?? "invalid" });
});

/** A schema name checked again at the point it enters SQL text, then quoted. */
export function quoteSchema(schema: string): string {
  if (!IDENTIFIER.test(schema)) throw new Error(`Not a checkpoint schema name: ${JSON.stringify(schema)}`);
  return `"${schema}"`;
}

/** The literal of a checked schema name, for the `checkpoint_schema` column. */
export function schemaLiteral(schema: string): string {
  quoteSchema(schema);
  return `'${schema}'`;
}

/** The schemas a reader is given when nothing is bound: the kit's own. */
export const KIT_CHECKPOINT_SCHEMAS: readonly string[] = [CHECKPOINT_SCHEMA];
