import { EventEmitter } from "node:events";
import { recordGauge, withSpan } from "@appbase/telemetry";
import { LakehouseError } from "../errors.ts";
import type { Lakehouse, TableDescription } from "../lakehouse.ts";
import type { Predicate } from "../predicate.ts";
import { SerialQueue } from "../serial-queue.ts";
import { type Row, type TypedColumn, typedColumns } from "../values.ts";
import { type ResolvedSyncedTable, resolveSyncedTable, type SyncedTableDeclaration } from "./declaration.ts";
import { dropIndexesForLoad, rebuildIndexes } from "./deferred-indexes.ts";
import { keyOf, keysAfter, keysNotNull, keysPredicate, servingRows } from "./source-rows.ts";
import { StatusStore, type SyncedTableState, type SyncedTableStatus } from "./status-store.ts";
import type { SqlRunner, SyncPostgres } from "./sync-postgres.ts";
import { deleteKeys, ensureTargetTable, insertRows, targetName } from "./target-table.ts";

export interface SyncEngineOptions {
  lakehouse: Lakehouse;
  /** The target Postgres: `poolSyncPostgres(pool)` for any server, `pgliteSyncPostgres(db)` in process. */
  postgres: SyncPostgres;
  tables: readonly SyncedTableDeclaration[];
  /** Catalog for sources written as `schema.table`. Default "main". */
  sourceCatalog?: string;
  /** Postgres schema of the status table `<schema>.synced_table_status`. Default "appbase_meta". */
  statusSchema?: string;
  /** Pause between CONTINUOUS cycles. Default 1000 ms. */
  continuousIntervalMs?: number;
  /** Rows per page when a snapshot reads the source. Default: 2M cells' worth (500k rows of 4 columns, 90k of 22). */
  snapshotPageSize?: number;
  /** Called as rows are written, for progress bars. */
  onProgress?: (progress: SyncProgress) => void;
}

export interface SyncProgress {
  name: string;
  mode: "snapshot" | "incremental";
  rowsDone: number;
  /** Known for incremental runs; a paged snapshot does not count the source first. */
  rowsTotal?: number;
}

/**
 * How a run copies: `auto` by the table's policy (SNAPSHOT, or the change feed after the first
 * snapshot); `snapshot` forces a full copy (after the source was recreated, e.g. a reseed);
 * `incremental` insists on the change feed and fails when the table was never synced.
 */
export type SyncRunMode = "auto" | "snapshot" | "incremental";

export interface SyncRunResult {
  name: string;
  mode: "snapshot" | "incremental" | "up-to-date";
  fromVersion: number | null;
  toVersion: number;
  rowsWritten: number;
  keysDeleted: number;
  status: SyncedTableStatus;
}

const KEY_BATCH = 500;
/**
 * Cells per snapshot page. Each page is one scan of the source (a filter and a top-N), so pages as
 * large as memory allows: at 50k rows a 6M-row source took 120 scans and bound the sync's CPU.
 */
const SNAPSHOT_PAGE_CELLS = 2_000_000;

/**
 * The local Synced Tables engine: copies Delta tables from the lakehouse into Postgres. SNAPSHOT
 * replaces the whole content in one transaction; TRIGGERED applies the change feed since
 * last_processed_commit_version; CONTINUOUS does the same in a loop. Emits "synced" with a
 * SyncRunResult after every successful run and "failed" with { name, error } after a failed one.
 */
export class SyncedTablesEngine extends EventEmitter {
  private readonly tables: Map<string, ResolvedSyncedTable>;
  private readonly store: StatusStore;
  private readonly queues = new Map<string, SerialQueue>();
  private readonly loops = new Map<string, Promise<void>>();
  private stopping: AbortController | null = null;
  private ready: Promise<void> | null = null;

  constructor(private readonly options: SyncEngineOptions) {
    super();
    const catalog = options.sourceCatalog ?? "main";
    this.tables = new Map(options.tables.map((d) => resolveSyncedTable(d, catalog)).map((t) => [t.name, t]));
    this.store = new StatusStore(options.postgres, options.statusSchema ?? "appbase_meta");
  }

  /** Names (`schema.table`) of the declared synced tables. */
  names(): string[] {
    return [...this.tables.keys()].sort();
  }

  private table(name: string): ResolvedSyncedTable {
    const t = this.tables.get(name);
    if (!t)
      throw new LakehouseError(
        "TABLE_OR_VIEW_NOT_FOUND",
        `No synced table named ${name}; declared: ${this.names().join(", ") || "(none)"}.`,
      );
    return t;
  }

  private init(): Promise<void> {
    this.ready ??= this.store.ensure();
    return this.ready;
  }

  /** Status of one synced table, or of all declared ones plus any with a stored status. */
  async status(name?: string): Promise<SyncedTableStatus[]> {
    await this.init();
    if (name) return [await this.statusOf(this.table(name))];
    const stored = (await this.store.names()).filter((s) => !this.tables.has(s.name));
    const all = [
      ...[...this.tables.values()].map((t) => this.statusOf(t)),
      ...stored.map((s) => this.store.get(s.name, s.source, s.policy)),
    ];
    return (await Promise.all(all)).sort((a, b) => a.name.localeCompare(b.name));
  }

  private statusOf(t: ResolvedSyncedTable): Promise<SyncedTableStatus> {
    return this.store.get(t.name, t.source, t.schedulingPolicy);
  }

  /** Runs one sync of a table now, by its policy (or `mode`); the first run of any policy is a snapshot. */
  run(name: string, options: { mode?: SyncRunMode } = {}): Promise<SyncRunResult> {
    const t = this.table(name);
    let queue = this.queues.get(t.name);
    if (!queue) {
      queue = new SerialQueue();
      this.queues.set(t.name, queue);
    }
    return queue.run(() => this.runNow(t, options.mode ?? "auto"));
  }

  /** Runs every declared table once, in name order. */
  async runAll(options: { mode?: SyncRunMode } = {}): Promise<SyncRunResult[]> {
    const results: SyncRunResult[] = [];
    for (const name of this.names()) results.push(await this.run(name, options));
    return results;
  }

  private idleState(t: ResolvedSyncedTable): SyncedTableState {
    return t.schedulingPolicy === "CONTINUOUS" && this.loops.has(t.name)
      ? "SYNCED_TABLE_ONLINE_CONTINUOUS_UPDATE"
      : "SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE";
  }

  private runNow(t: ResolvedSyncedTable, mode: SyncRunMode): Promise<SyncRunResult> {
    const attributes = { "appbase.sync.table": t.name, "appbase.sync.source": t.source };
    return withSpan(`sync run ${t.name}`, attributes, async (span) => {
      const result = await this.runOnce(t, mode);
      span.setAttributes({
        "appbase.sync.mode": result.mode,
        "appbase.sync.to_version": result.toVersion,
        "appbase.sync.rows_written": result.rowsWritten,
      });
      await this.recordLag(t, result);
      return result;
    });
  }

  /**
   * Sync lag as a gauge (`appbase.sync.lag`, seconds): how long the newest source commit took to be
   * served, 0 when the run found nothing new. A failure to read history costs the sample, not the run.
   */
  private async recordLag(t: ResolvedSyncedTable, result: SyncRunResult): Promise<void> {
    let lagSeconds = 0;
    if (result.mode !== "up-to-date") {
      const [latest] = await this.options.lakehouse.history(t.source, { limit: 1 }).catch(() => []);
      if (!latest) return;
      lagSeconds = Math.max(0, (Date.now() - Date.parse(latest.timestamp)) / 1000);
    }
    recordGauge("appbase.sync.lag", lagSeconds, { "appbase.sync.table": t.name }, { unit: "s" });
  }

  private async runOnce(t: ResolvedSyncedTable, mode: SyncRunMode): Promise<SyncRunResult> {
    await this.init();
    const before = await this.statusOf(t);
    try {
      const source = await this.describeSource(t);
      const last = before.last_processed_commit_version;
      if (mode === "incremental" && (last === null || source.version < last)) {
        throw new LakehouseError(
          "DELTA_VERSION_NOT_FOUND",
          last === null
            ? `Synced table ${t.name} was never synced, so there is no change feed position to continue from; run it with mode "snapshot" (appbase sync run ${t.name} --mode snapshot).`
            : `Source ${t.source} is at version ${source.version}, behind the last processed version ${last} (it was recreated); run a snapshot (appbase sync run ${t.name} --mode snapshot).`,
        );
      }
      // A source recreated since the last sync restarts its versions: only a snapshot is correct then.
      const result =
        mode === "snapshot" ||
        (mode === "auto" && (t.schedulingPolicy === "SNAPSHOT" || last === null || source.version < last))
          ? await this.snapshot(t, source, before)
          : await this.incremental(t, source, before, last!);
      this.emit("synced", result);
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failed: SyncedTableState =
        before.last_processed_commit_version === null
          ? "SYNCED_TABLE_OFFLINE_FAILED"
          : "SYNCED_TABLE_ONLINE_PIPELINE_FAILED";
      await this.store.put({ ...before, detailed_state: failed, message });
      this.emit("failed", { name: t.name, error });
      throw error;
    }
  }

  private async describeSource(t: ResolvedSyncedTable): Promise<TableDescription & { typed: TypedColumn[] }> {
    const source = await this.options.lakehouse.describeTable(t.source);
    if (!source)
      throw new LakehouseError(
        "TABLE_OR_VIEW_NOT_FOUND",
        `Source table ${t.source} of synced table ${t.name} does not exist; load the gold data first.`,
      );
    const names = new Set(source.columns.map((c) => c.name));
    for (const k of [...t.primaryKey, ...(t.timeseriesKey ? [t.timeseriesKey] : [])]) {
      if (!names.has(k))
        throw new LakehouseError(
          "INVALID_DECLARATION",
          `Synced table ${t.name}: key column "${k}" is not a column of ${t.source}.`,
        );
    }
    return { ...source, typed: typedColumns(source.columns) };
  }

  private async snapshot(
    t: ResolvedSyncedTable,
    source: TableDescription & { typed: TypedColumn[] },
    before: SyncedTableStatus,
  ): Promise<SyncRunResult> {
    const first = before.last_processed_commit_version === null;
    await this.store.put({
      ...before,
      detailed_state: first
        ? "SYNCED_TABLE_PROVISIONING_INITIAL_SNAPSHOT"
        : "SYNCED_TABLE_ONLINE_TRIGGERED_UPDATE",
      message: null,
    });
    const types = await ensureTargetTable(this.options.postgres, t, source.typed);
    let rowsWritten = 0;
    const pageSize =
      this.options.snapshotPageSize ?? Math.ceil(SNAPSHOT_PAGE_CELLS / Math.max(source.columns.length, 1));
    const keyed = [...t.primaryKey, ...(t.timeseriesKey ? [t.timeseriesKey] : [])];
    const pageOrder = [...keyed, ...source.columns.map((c) => c.name).filter((n) => !keyed.includes(n))];
    // Keyset pages in key order at a fixed version, so memory holds about two pages, not the whole
    // source, and each page is a filter plus a top-N rather than a sort of every row before an OFFSET.
    const read = (where: Predicate, limit?: number) =>
      this.options.lakehouse.read(t.source, {
        asOf: { version: source.version },
        where,
        // A total order, so rows that share a key (a timeseries) arrive together and in one order.
        orderBy: pageOrder,
        limit,
      });
    const keyTuple = (row: Row) => t.primaryKey.map((k) => row[k] as string | number | boolean);
    const readPage = (after: Row | null) =>
      read(after ? keysAfter(keyTuple(after), t.primaryKey) : { and: keysNotNull(t.primaryKey) }, pageSize);
    const status = await this.commit(t, before, source.version, async (client) => {
      // One transaction: readers see the old content until COMMIT, then the new one — the swap is
      // atomic, and the table keeps its identity (grants, the app's indexes, dependent views). The
      // indexes are dropped for the load and rebuilt, each in one sort, before COMMIT.
      const rebuild = await dropIndexesForLoad(client, t);
      await client.query(`TRUNCATE ${targetName(t)}`);
      let next = readPage(null);
      let rowsRead = 0;
      for (;;) {
        const page = await next;
        // A full page may end inside a key's rows: those wait for the next page, which starts after
        // the last complete key. A page that one key fills whole is completed by reading that key.
        let complete = page;
        let after: Row | null = null;
        if (page.length === pageSize) {
          const lastKey = keyOf(page.at(-1)!, t.primaryKey);
          let cut = page.length;
          while (cut > 0 && keyOf(page[cut - 1]!, t.primaryKey) === lastKey) cut -= 1;
          complete = cut > 0 ? page.slice(0, cut) : await read(keysPredicate([lastKey!], t.primaryKey));
          after = complete.at(-1)!;
          // The lakehouse reads the next page while Postgres writes this one.
          next = readPage(after);
        }
        // The page holds whole keys, so each key's winner is final.
        const rows = [...servingRows(t.source, complete, t.primaryKey, t.timeseriesKey).values()];
        try {
          await insertRows(client, t, source.typed, rows, types);
        } catch (error) {
          if (after) await next.catch(() => undefined);
          throw error;
        }
        rowsWritten += rows.length;
        rowsRead += complete.length;
        this.progress(t, "snapshot", rowsRead);
        if (!after) break;
      }
      await rebuildIndexes(client, rebuild);
    });
    // Fresh planner statistics for the new content (PGlite has no autovacuum to do it).
    await this.options.postgres.query(`ANALYZE ${targetName(t)}`);
    return {
      name: t.name,
      mode: "snapshot",
      fromVersion: null,
      toVersion: source.version,
      rowsWritten,
      keysDeleted: 0,
      status,
    };
  }

  private async incremental(
    t: ResolvedSyncedTable,
    source: TableDescription & { typed: TypedColumn[] },
    before: SyncedTableStatus,
    last: number,
  ): Promise<SyncRunResult> {
    if (source.version === last) {
      const status: SyncedTableStatus = {
        ...before,
        detailed_state: this.idleState(t),
        last_sync_time: new Date().toISOString(),
        message: null,
      };
      await this.store.put(status);
      return {
        name: t.name,
        mode: "up-to-date",
        fromVersion: last,
        toVersion: last,
        rowsWritten: 0,
        keysDeleted: 0,
        status,
      };
    }
    await this.store.put({
      ...before,
      detailed_state:
        t.schedulingPolicy === "CONTINUOUS"
          ? "SYNCED_TABLE_ONLINE_CONTINUOUS_UPDATE"
          : "SYNCED_TABLE_ONLINE_TRIGGERED_UPDATE",
    });
    const types = await ensureTargetTable(this.options.postgres, t, source.typed);
    const changes = await this.options.lakehouse.changes(t.source, {
      fromVersion: last + 1,
      toVersion: source.version,
    });
    const keys = [
      ...new Set(changes.map((c) => keyOf(c, t.primaryKey)).filter((k): k is string => k !== null)),
    ];
    // Each touched key is re-read from the source at the target version: this applies inserts,
    // updates, deletes and key changes alike, and keeps "latest timeseries row wins" exact.
    const fresh: Row[] = [];
    for (let i = 0; i < keys.length; i += KEY_BATCH) {
      const where = keysPredicate(keys.slice(i, i + KEY_BATCH), t.primaryKey);
      const rows = await this.options.lakehouse.read(t.source, { asOf: { version: source.version }, where });
      fresh.push(...servingRows(t.source, rows, t.primaryKey, t.timeseriesKey).values());
    }
    const keyColumns = t.primaryKey.map((k) => source.typed.find((c) => c.name === k)!);
    const status = await this.commit(t, before, source.version, async (client) => {
      await deleteKeys(client, t, keyColumns, keys);
      await insertRows(client, t, source.typed, fresh, types, (done) =>
        this.progress(t, "incremental", done, fresh.length),
      );
    });
    return {
      name: t.name,
      mode: "incremental",
      fromVersion: last + 1,
      toVersion: source.version,
      rowsWritten: fresh.length,
      keysDeleted: keys.length,
      status,
    };
  }

  /** Writes data and the new status in one Postgres transaction. */
  private async commit(
    t: ResolvedSyncedTable,
    before: SyncedTableStatus,
    version: number,
    write: (tx: SqlRunner) => Promise<void>,
  ): Promise<SyncedTableStatus> {
    const status: SyncedTableStatus = {
      ...before,
      detailed_state: this.idleState(t),
      last_sync_time: new Date().toISOString(),
      last_processed_commit_version: version,
      message: null,
    };
    await this.options.postgres.transaction(async (tx) => {
      await write(tx);
      await this.store.put(status, tx);
    });
    return status;
  }

  private progress(
    t: ResolvedSyncedTable,
    mode: SyncProgress["mode"],
    rowsDone: number,
    rowsTotal?: number,
  ): void {
    this.options.onProgress?.({ name: t.name, mode, rowsDone, rowsTotal });
  }

  /** Starts the CONTINUOUS loop of every CONTINUOUS table (or the named one). Failures are retried next cycle. */
  startContinuous(name?: string): void {
    this.stopping ??= new AbortController();
    const signal = this.stopping.signal;
    const targets = name
      ? [this.table(name)]
      : [...this.tables.values()].filter((t) => t.schedulingPolicy === "CONTINUOUS");
    for (const t of targets) {
      if (this.loops.has(t.name)) continue;
      const interval = this.options.continuousIntervalMs ?? 1000;
      const loop = (async () => {
        while (!signal.aborted) {
          await this.run(t.name).catch(() => undefined); // status and the "failed" event carry the error
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, interval);
            signal.addEventListener(
              "abort",
              () => {
                clearTimeout(timer);
                resolve();
              },
              { once: true },
            );
          });
        }
      })();
      this.loops.set(t.name, loop);
    }
  }

  /** Stops the continuous loops and waits for a running cycle to finish. */
  async stop(): Promise<void> {
    this.stopping?.abort();
    await Promise.all(this.loops.values());
    this.loops.clear();
    this.stopping = null;
  }
}
