import { z } from "zod";
import { LakehouseError } from "./errors.ts";

/**
 * The Databricks SQL types a lakehouse column may have. Complex types (ARRAY, MAP, STRUCT, VARIANT)
 * and BINARY are left out on purpose: the apps' governed and gold tables do not use them, and
 * synced tables reject several of them.
 */
export type DeltaScalarType =
  | "STRING"
  | "BOOLEAN"
  | "TINYINT"
  | "SMALLINT"
  | "INT"
  | "BIGINT"
  | "FLOAT"
  | "DOUBLE"
  | "DATE"
  | "TIMESTAMP"
  | "TIMESTAMP_NTZ";

/** A column type as written in Databricks SQL: a scalar type name or `DECIMAL(p,s)`. */
export type DeltaType = DeltaScalarType | `DECIMAL(${number},${number})`;

/** A type, parsed. */
export type ParsedType = { kind: DeltaScalarType } | { kind: "DECIMAL"; precision: number; scale: number };

const SCALARS: readonly DeltaScalarType[] = [
  "STRING",
  "BOOLEAN",
  "TINYINT",
  "SMALLINT",
  "INT",
  "BIGINT",
  "FLOAT",
  "DOUBLE",
  "DATE",
  "TIMESTAMP",
  "TIMESTAMP_NTZ",
];

// Spellings Databricks accepts (and DESCRIBE may print) for the same types.
const ALIASES: Record<string, DeltaScalarType> = {
  INTEGER: "INT",
  LONG: "BIGINT",
  SHORT: "SMALLINT",
  BYTE: "TINYINT",
  REAL: "FLOAT",
  BOOL: "BOOLEAN",
  VARCHAR: "STRING",
  TIMESTAMP_LTZ: "TIMESTAMP",
};

/** Parses a Databricks SQL type string (case-insensitive); returns null when it is not supported. */
export function parseDeltaType(text: string): ParsedType | null {
  const t = text.trim().toUpperCase();
  const decimal = /^(?:DECIMAL|DEC|NUMERIC)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?$/.exec(t);
  if (decimal) {
    const precision = Number(decimal[1] ?? 10);
    const scale = Number(decimal[2] ?? 0);
    if (precision < 1 || precision > 38 || scale > precision) return null;
    return { kind: "DECIMAL", precision, scale };
  }
  const scalar = (SCALARS as readonly string[]).includes(t) ? (t as DeltaScalarType) : ALIASES[t];
  return scalar ? { kind: scalar } : null;
}

/** Renders a parsed type in canonical Databricks SQL spelling. */
export function formatDeltaType(type: ParsedType): DeltaType {
  return type.kind === "DECIMAL" ? `DECIMAL(${type.precision},${type.scale})` : type.kind;
}

const RESERVED = new Set(["_change_type", "_commit_version", "_commit_timestamp"]);
const COLUMN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** One column of a lakehouse table. */
export const columnDeclarationSchema = z.object({
  name: z
    .string()
    .regex(COLUMN_NAME, "column names must match [A-Za-z_][A-Za-z0-9_]*")
    .refine(
      (n) => !RESERVED.has(n.toLowerCase()),
      "column names _change_type, _commit_version and _commit_timestamp are reserved by the change data feed",
    )
    .refine(
      (n) => !n.startsWith("__"),
      "column names starting with __ are reserved for the lakehouse's own bookkeeping",
    ),
  type: z
    .string()
    .refine((t) => parseDeltaType(t) !== null, {
      message:
        "type must be one of STRING, BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DATE, TIMESTAMP, TIMESTAMP_NTZ, DECIMAL(p,s)",
    })
    .transform((t) => formatDeltaType(parseDeltaType(t)!)),
  nullable: z.boolean().default(true),
  comment: z.string().optional(),
});
export type ColumnDeclaration = z.input<typeof columnDeclarationSchema>;
export type Column = z.output<typeof columnDeclarationSchema>;

/** A table's shape: its columns, and the columns that identify a row (informational, as in Unity Catalog). */
export const tableDeclarationSchema = z
  .object({
    columns: z.array(columnDeclarationSchema).min(1, "a table needs at least one column"),
    primaryKey: z.array(z.string()).default([]),
    comment: z.string().optional(),
  })
  .superRefine((decl, ctx) => {
    const seen = new Set<string>();
    decl.columns.forEach((c, i) => {
      const key = c.name.toLowerCase();
      if (seen.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: ["columns", i, "name"],
          message: `duplicate column "${c.name}"`,
        });
      }
      seen.add(key);
    });
    decl.primaryKey.forEach((k, i) => {
      const col = decl.columns.find((c) => c.name === k);
      if (!col) {
        ctx.addIssue({
          code: "custom",
          path: ["primaryKey", i],
          message: `primary key column "${k}" is not a column of the table`,
        });
      } else if (col.nullable) {
        // Unity Catalog refuses a PRIMARY KEY over nullable columns; catch it here, not on deploy.
        ctx.addIssue({
          code: "custom",
          path: ["primaryKey", i],
          message: `primary key column "${k}" must be declared nullable: false`,
        });
      }
    });
  });
export type TableDeclaration = z.input<typeof tableDeclarationSchema>;
export type TableShape = z.output<typeof tableDeclarationSchema>;

/** Validates a table declaration; throws INVALID_DECLARATION listing every problem with its path. */
export function parseTableDeclaration(table: string, declaration: unknown): TableShape {
  const result = tableDeclarationSchema.safeParse(declaration);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "(declaration)"}: ${i.message}`);
    throw new LakehouseError(
      "INVALID_DECLARATION",
      `Declaration of ${table} is invalid:\n  ${problems.join("\n  ")}`,
    );
  }
  return result.data;
}
