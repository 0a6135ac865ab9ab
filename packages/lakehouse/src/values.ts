import { z } from "zod";
import { type Column, type ParsedType, parseDeltaType } from "./column-types.ts";
import { LakehouseError } from "./errors.ts";

/**
 * A cell as the port hands it out: JSON-safe, so the same rows cross an HTTP boundary unchanged.
 * STRING → string, BOOLEAN → boolean, integer and floating types → number (BIGINT must be a safe
 * integer), DECIMAL → exact decimal string, DATE → "YYYY-MM-DD", TIMESTAMP → ISO 8601 UTC
 * ("2026-07-03T09:15:00.000Z"), TIMESTAMP_NTZ → "YYYY-MM-DDTHH:MM:SS.sss".
 */
export type CellValue = string | number | boolean | null;
export type Row = Record<string, CellValue>;
/** What a writer may pass: cells, plus Date for DATE/TIMESTAMP columns; a missing key means NULL. */
export type RowInput = Record<string, CellValue | Date | undefined>;

const INT_RANGE: Record<string, [number, number]> = {
  TINYINT: [-128, 127],
  SMALLINT: [-32768, 32767],
  INT: [-2147483648, 2147483647],
};

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function isoDate(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

// Timestamps arrive as ISO strings with a zone, DuckDB's "2026-07-03 09:15:00.123+00", or Databricks'
// zone-less rendering (which is UTC); all become one canonical ISO string.
function parseInstant(text: string): Date | null {
  let t = text.trim().replace(" ", "T");
  if (/[+-]\d{2}$/.test(t)) t = `${t}:00`;
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(t)) t = `${t}Z`;
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? null : d;
}

const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const NTZ = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)$/;

function decimalFits(text: string, precision: number, scale: number): boolean {
  const m = /^[+-]?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m) return false;
  const intDigits = (m[1] ?? "").replace(/^0+/, "").length;
  const fracDigits = (m[2] ?? "").replace(/0+$/, "").length;
  return fracDigits <= scale && intDigits <= precision - scale;
}

/** Thrown by a cell encoder; the caller adds the row and column. */
class CellError extends Error {}

/**
 * Returns the encoder for a column type: checks a written value and returns its canonical text
 * form, or throws CellError saying what the value must be. Plain functions, not a zod schema per
 * cell: bulk writes encode millions of cells and per-cell zod parsing was the bottleneck
 * (~5 µs/cell measured); `cellSchema` wraps the same checks for zod callers.
 */
export function cellEncoder(type: ParsedType): (value: unknown) => string {
  const fail = (message: string): never => {
    throw new CellError(message);
  };
  switch (type.kind) {
    case "STRING":
      return (v) => {
        if (typeof v !== "string") return fail("must be a string");
        // Synced tables fail on NUL bytes in strings, so refuse them at the door.
        if (v.includes("\u0000")) fail("must not contain NUL (0x00) characters");
        return v;
      };
    case "BOOLEAN":
      return (v) => (typeof v === "boolean" ? String(v) : fail("must be true or false"));
    case "TINYINT":
    case "SMALLINT":
    case "INT": {
      const [min, max] = INT_RANGE[type.kind]!;
      return (v) =>
        typeof v === "number" && Number.isInteger(v) && v >= min && v <= max
          ? String(v)
          : fail(`must be an integer from ${min} to ${max}`);
    }
    case "BIGINT":
      return (v) => {
        if (typeof v === "number")
          return Number.isSafeInteger(v)
            ? String(v)
            : fail("must be a safe integer; pass larger values as a decimal string");
        if (
          typeof v === "string" &&
          /^-?\d{1,19}$/.test(v) &&
          BigInt(v) <= 9223372036854775807n &&
          BigInt(v) >= -9223372036854775808n
        )
          return v;
        return fail("must be a 64-bit integer (number or decimal string)");
      };
    case "FLOAT":
    case "DOUBLE":
      return (v) =>
        typeof v === "number" && Number.isFinite(v) ? String(v) : fail("must be a finite number");
    case "DECIMAL": {
      const { precision, scale } = type;
      return (v) => {
        const text =
          typeof v === "number" && Number.isFinite(v)
            ? String(v)
            : typeof v === "string"
              ? v.trim()
              : fail("must be a decimal number or string");
        return decimalFits(text, precision, scale)
          ? text
          : fail(
              `must be a decimal with at most ${precision - scale} integer and ${scale} fractional digits`,
            );
      };
    }
    case "DATE":
      return (v) => {
        if (v instanceof Date && !Number.isNaN(v.getTime())) return isoDate(v);
        if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))) return v;
        return fail("must be a date YYYY-MM-DD or a Date");
      };
    case "TIMESTAMP":
      return (v) => {
        // Fast path for the canonical form, which is what most writers (and our own reads) produce.
        if (typeof v === "string" && CANONICAL_INSTANT.test(v) && !Number.isNaN(Date.parse(v))) return v;
        const d = v instanceof Date ? v : typeof v === "string" ? parseInstant(v) : null;
        return d && !Number.isNaN(d.getTime())
          ? d.toISOString()
          : fail("must be a Date or an ISO 8601 timestamp");
      };
    case "TIMESTAMP_NTZ":
      return (v) =>
        typeof v === "string" && NTZ.test(v)
          ? v.replace(" ", "T")
          : fail("must be a local timestamp YYYY-MM-DDTHH:MM:SS[.fff] without a zone");
  }
}

/** The zod schema a written value of this type must satisfy; its output is the canonical text form. */
export function cellSchema(type: ParsedType): z.ZodType<string> {
  const encode = cellEncoder(type);
  return z.unknown().transform((value, ctx) => {
    try {
      return encode(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
      return z.NEVER;
    }
  });
}

/** Decodes a cell from its text form (Databricks `data_array`, DuckDB VARCHAR casts) into a port value. */
export function decodeCell(type: ParsedType, text: string | null, where: string): CellValue {
  if (text === null) return null;
  switch (type.kind) {
    case "STRING":
    case "DECIMAL":
    case "DATE":
      return text;
    case "BOOLEAN":
      return text === "true" || text === "1";
    case "TINYINT":
    case "SMALLINT":
    case "INT":
    case "FLOAT":
    case "DOUBLE":
      return Number(text);
    case "BIGINT": {
      const n = Number(text);
      if (!Number.isSafeInteger(n)) {
        throw new LakehouseError(
          "INVALID_ROW",
          `${where}: BIGINT value ${text} is beyond JavaScript's safe integer range; declare the column DECIMAL(20,0) or STRING to read it exactly.`,
        );
      }
      return n;
    }
    case "TIMESTAMP":
      return parseInstant(text)?.toISOString() ?? text;
    case "TIMESTAMP_NTZ":
      return text.replace(" ", "T");
  }
}

/** A column with its type parsed once. */
export interface TypedColumn extends Column {
  parsed: ParsedType;
}

/** Attaches parsed types to columns. */
export function typedColumns(columns: readonly Column[]): TypedColumn[] {
  return columns.map((c) => ({ ...c, parsed: parseDeltaType(c.type)! }));
}

/**
 * Validates rows against a table's columns and returns them as text cells in column order.
 * Throws INVALID_ROW naming the row index and column, and nothing is written.
 */
export function encodeRows(
  table: string,
  columns: readonly TypedColumn[],
  rows: readonly RowInput[],
): (string | null)[][] {
  const encoders = columns.map((c) => cellEncoder(c.parsed));
  const known = new Set(columns.map((c) => c.name));
  return rows.map((row, i) => {
    if (row === null || typeof row !== "object" || Array.isArray(row)) {
      throw new LakehouseError("INVALID_ROW", `${table} rows[${i}] must be an object of column → value.`);
    }
    for (const key of Object.keys(row)) {
      if (!known.has(key)) {
        throw new LakehouseError(
          "INVALID_ROW",
          `${table} rows[${i}] has column "${key}", which the table does not have (columns: ${[...known].join(", ")}).`,
        );
      }
    }
    return columns.map((c, j) => {
      const value = row[c.name];
      if (value === null || value === undefined) {
        if (!c.nullable) {
          throw new LakehouseError(
            "INVALID_ROW",
            `${table} rows[${i}].${c.name} is missing or null, but the column is NOT NULL.`,
          );
        }
        return null;
      }
      try {
        return encoders[j]!(value);
      } catch (error) {
        if (!(error instanceof CellError)) throw error;
        throw new LakehouseError(
          "INVALID_ROW",
          `${table} rows[${i}].${c.name} = ${JSON.stringify(value)} is not a valid ${c.type}: it ${error.message}.`,
        );
      }
    });
  });
}
