import {
  DatabricksApiError,
  files,
  StatementFailedError,
  sqlStatements,
  type WorkspaceClient,
} from "@appbase/databricks";
import { declarationFromDrizzle } from "@appbase/lakehouse/delta-ddl";
import { jsonlLine, type Scale } from "@appbase/synthetic-data";
import { z } from "zod";
import { type GoldTable, toGoldRow } from "./land-gold.ts";

// `appbase data land`: the synthetic gold tables into a workspace's catalog, where the kit's synced
// tables read them. Each table is written as JSON Lines into a Unity Catalog volume (Files API), then
// created by `CREATE OR REPLACE TABLE … AS SELECT <columns> FROM read_files(<dir>, format => 'json',
// schema => <the Delta schema>)` on a SQL warehouse (Statement Execution API).
// Why JSON Lines and not Parquet: the rows are JSON already, the schema handed to read_files is the
// Delta declaration derived from the same drizzle table as the synced copy (so the types are exact,
// not inferred from the files), and it needs no new dependency; the files are read once and dropped
// with the next landing. A re-run overwrites the files, deletes parts it no longer writes and
// replaces each table, so nothing is duplicated.

const identifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,254}$/, "use letters, digits and underscores, starting with a letter");

export const landTargetSchema = z.object({
  /** The catalog the bundle's `source_catalog` names: the synced tables' sources live here. */
  catalog: identifier,
  /** `schema.volume` in that catalog for the uploaded files (created when missing). */
  landingSchema: identifier,
  volume: identifier,
  warehouseId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, "a SQL warehouse id, e.g. a1b2c3d4e5f6a7b8"),
});
export type LandTarget = z.infer<typeof landTargetSchema>;

/** Rows per uploaded file: bounded memory and one progress step per file. */
const ROWS_PER_PART = 50_000;

export type LandingEvent =
  | { table: string; phase: "upload"; rowsDone: number; rowsTotal: number }
  | { table: string; phase: "created"; rows: number };

/** A landing step that failed, with what to do about it. */
export class LandingError extends Error {
  override name = "LandingError";
}

const quoted = (...names: string[]) => names.map((n) => `\`${n}\``).join(".");
const sqlString = (text: string) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

/** Runs `work`; a Databricks failure becomes a LandingError naming the step and what to do. */
async function step<T>(what: string, hint: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StatementFailedError) {
      const next =
        error.state === "TIMED_OUT"
          ? "The warehouse did not finish in time (it may be starting): run the same command again; landing is idempotent."
          : hint;
      throw new LandingError(`${what} failed: ${error.serverMessage ?? error.message} ${next}`);
    }
    if (error instanceof DatabricksApiError) {
      const next =
        error.status === 404 && what.startsWith("SQL")
          ? "Check --warehouse names a SQL warehouse of this workspace."
          : hint;
      throw new LandingError(`${what} failed: ${error.message} ${next}`);
    }
    throw error;
  }
}

/**
 * Lands `tables` in `target.catalog` as `<catalog>.<schema>.<table>`, each replaced as a whole.
 * Returns the row count per table, as the warehouse counted it after the table was created.
 */
export async function landGoldOnDatabricks(options: {
  client: WorkspaceClient;
  target: LandTarget;
  tables: readonly GoldTable[];
  seed: number;
  scale: Scale;
  epoch: string;
  onProgress?: (event: LandingEvent) => void;
  /** Statement polling (tests make it instant). */
  poll?: { initialMs?: number; maxMs?: number; timeoutMs?: number };
  rowsPerPart?: number;
}): Promise<Map<string, number>> {
  const target = landTargetSchema.parse(options.target);
  const sql = sqlStatements(options.client, { warehouseId: target.warehouseId, poll: options.poll });
  const volume = files(options.client);
  const run = (statement: string) => sql.execute({ statement, parameters: [] });
  const perPart = options.rowsPerPart ?? ROWS_PER_PART;
  const { catalog } = target;
  const volumeName = `${catalog}.${target.landingSchema}.${target.volume}`;

  const schemas = new Set([target.landingSchema, ...options.tables.map((t) => t.source.split(".")[0] ?? "")]);
  for (const schema of schemas) {
    await step(
      `SQL: CREATE SCHEMA ${catalog}.${schema}`,
      `Check that catalog ${catalog} exists (--catalog or the bundle's source_catalog) and the caller has USE CATALOG and CREATE SCHEMA on it.`,
      () => run(`CREATE SCHEMA IF NOT EXISTS ${quoted(catalog, schema)}`),
    );
  }
  await step(
    `SQL: CREATE VOLUME ${volumeName}`,
    `The caller needs USE SCHEMA and CREATE VOLUME on ${catalog}.${target.landingSchema}, or name an existing volume with --volume.`,
    () => run(`CREATE VOLUME IF NOT EXISTS ${quoted(catalog, target.landingSchema, target.volume)}`),
  );

  const landed = new Map<string, number>();
  for (const gold of options.tables) {
    const [schema = "", table = ""] = gold.source.split(".");
    const full = `${catalog}.${gold.source}`;
    const dir = `/Volumes/${catalog}/${target.landingSchema}/${target.volume}/${schema}/${table}`;
    const declaration = declarationFromDrizzle(gold.served);
    const jsonColumns = new Set(gold.dataset.columns.filter((c) => c.type === "json").map((c) => c.name));
    const rowsTotal = gold.dataset.defaultRows(options.scale);
    const uploadHint = `The caller needs WRITE VOLUME on ${volumeName}.`;

    await step(`Creating ${dir}`, uploadHint, () => volume.createDirectory(dir));
    const written: string[] = [];
    let text = "";
    let inPart = 0;
    let rowsDone = 0;
    const flush = async () => {
      const path = `${dir}/part-${String(written.length).padStart(5, "0")}.jsonl`;
      await step(`Uploading ${path}`, uploadHint, () => volume.upload(path, Buffer.from(text, "utf8")));
      written.push(path);
      rowsDone += inPart;
      text = "";
      inPart = 0;
      options.onProgress?.({ table: full, phase: "upload", rowsDone, rowsTotal });
    };
    const generate = { seed: options.seed, scale: options.scale, epoch: options.epoch };
    for (const row of gold.dataset.rows(generate)) {
      text += jsonlLine(gold.dataset.columns, toGoldRow(row, jsonColumns) as typeof row);
      inPart += 1;
      if (inPart >= perPart) await flush();
    }
    if (inPart > 0 || written.length === 0) await flush();
    // Parts of an earlier, larger landing would be read too (read_files reads the whole directory).
    const stale = ((await step(`Listing ${dir}`, uploadHint, () => volume.list(dir))) ?? []).filter(
      (entry) => !entry.isDirectory && !written.includes(entry.path),
    );
    for (const entry of stale)
      await step(`Deleting ${entry.path}`, uploadHint, () => volume.delete(entry.path));

    const columns = declaration.columns.map((c) => quoted(c.name)).join(", ");
    const schemaText = declaration.columns.map((c) => `${quoted(c.name)} ${c.type}`).join(", ");
    await step(
      `SQL: CREATE OR REPLACE TABLE ${full}`,
      `The caller needs CREATE TABLE (and MODIFY, if the table exists) on ${catalog}.${schema}, READ VOLUME on ${volumeName}, and CAN USE on the warehouse.`,
      () =>
        run(
          `CREATE OR REPLACE TABLE ${quoted(catalog, schema, table)} AS SELECT ${columns} FROM read_files(${sqlString(dir)}, format => 'json', schema => ${sqlString(schemaText)})`,
        ),
    );
    const counted = await step(
      `SQL: counting ${full}`,
      "Run the command again; if the count still differs, open an issue with this output.",
      () => run(`SELECT COUNT(*) AS n FROM ${quoted(catalog, schema, table)}`),
    );
    const rows = Number(counted.rows[0]?.[0] ?? Number.NaN);
    if (rows !== rowsDone) {
      throw new LandingError(
        `${full} holds ${rows} rows after landing, but ${rowsDone} were uploaded: another landing may be writing to ${dir}; run the command again when it is done.`,
      );
    }
    landed.set(gold.source, rows);
    options.onProgress?.({ table: full, phase: "created", rows });
  }
  return landed;
}
