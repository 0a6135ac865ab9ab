import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { LakehouseError } from "../errors.ts";
import { SerialQueue } from "../serial-queue.ts";
import { bootstrapMetadata } from "./metadata.ts";

export interface FileLockOptions {
  /** Keep the file open this long after the last operation, so bursts do not reopen it. Default 200 ms. */
  idleReleaseMs?: number;
  /** Give up waiting for another process's lock after this long. Default 30 s. */
  lockTimeoutMs?: number;
}

const LOCK_CONFLICT = /Could not set lock on file|Conflicting lock/i;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One DuckDB file as this process shares it. DuckDB lets one process hold a database file
 * read-write and does not guard a second instance in the same process, so every adapter of a
 * file in this process goes through this one object: one queue, one instance, opened for work and
 * closed once idle, so another process (a kit's Governance Writer, the CLI) can take its turn.
 * Opening waits out another process's lock with backoff, up to `lockTimeoutMs`.
 */
export class SharedDuckDbFile {
  private static readonly files = new Map<string, SharedDuckDbFile>();
  private readonly queue = new SerialQueue();
  private instance: DuckDBInstance | null = null;
  private conn: DuckDBConnection | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private refs = 0;
  private active = 0;
  /** Holds in progress (see `hold`): the file stays open while any runs. */
  private holds = 0;
  /** Counts operations, so an idle close only happens if none ran since it was scheduled. */
  private operations = 0;
  /** Incremented on every open: cached table shapes from an earlier open may be stale. */
  generation = 0;

  private idleReleaseMs = 200;
  private lockTimeoutMs = 30_000;

  private constructor(readonly file: string) {}

  /**
   * The shared handle of a file (created on first use); release it with `release()`. Lock
   * options given here apply to the file in this process from now on (the latest opener's win).
   */
  static acquire(file: string, options: FileLockOptions = {}): SharedDuckDbFile {
    let shared = SharedDuckDbFile.files.get(file);
    if (!shared) {
      shared = new SharedDuckDbFile(file);
      SharedDuckDbFile.files.set(file, shared);
    }
    shared.idleReleaseMs = options.idleReleaseMs ?? shared.idleReleaseMs;
    shared.lockTimeoutMs = options.lockTimeoutMs ?? shared.lockTimeoutMs;
    shared.refs += 1;
    return shared;
  }

  /** Runs `task` with an open connection, after every task queued before it. */
  run<T>(task: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      this.active += 1;
      this.operations += 1;
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = null;
      try {
        return await task(await this.open());
      } finally {
        this.active -= 1;
        this.scheduleIdleClose();
      }
    });
  }

  /**
   * Keeps the file open until `task` settles, however long the gaps between its operations (a
   * governed write runs Postgres steps between its lakehouse steps); released as usual after.
   */
  async hold<T>(task: () => Promise<T>): Promise<T> {
    this.holds += 1;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    try {
      return await task();
    } finally {
      this.holds -= 1;
      this.scheduleIdleClose();
    }
  }

  /**
   * Drops one reference; the last one closes the file once queued work is done. The entry stays
   * in the registry, so a later adapter reuses this queue rather than racing a second instance.
   */
  async release(): Promise<void> {
    this.refs -= 1;
    if (this.refs > 0) return;
    await this.queue.run(async () => this.closeNow());
  }

  private async open(): Promise<DuckDBConnection> {
    if (this.conn) return this.conn;
    const started = Date.now();
    let wait = 10;
    for (;;) {
      try {
        this.instance = await DuckDBInstance.create(this.file);
        break;
      } catch (error) {
        const message = (error as Error).message;
        if (!LOCK_CONFLICT.test(message)) {
          throw new LakehouseError(
            "STATEMENT_FAILED",
            `Could not open the local lakehouse at ${this.file}: ${message}`,
          );
        }
        if (Date.now() - started >= this.lockTimeoutMs) {
          throw new LakehouseError(
            "LAKEHOUSE_BUSY",
            `The local lakehouse at ${this.file} stayed locked by another process for ${Math.round(this.lockTimeoutMs / 1000)} s (${message}). Processes release it when idle; stop that process if it is stuck.`,
          );
        }
        // Jittered backoff, so two waiting processes do not retry in lockstep.
        await delay(wait / 2 + Math.random() * wait);
        wait = Math.min(wait * 2, 250);
      }
    }
    const conn = await this.instance.connect();
    // Commit timestamps and TIMESTAMP columns are instants; rendering them in UTC keeps reads canonical.
    await conn.run("SET TimeZone = 'UTC'");
    await bootstrapMetadata(conn);
    this.conn = conn;
    this.generation += 1;
    return conn;
  }

  private scheduleIdleClose(): void {
    if (this.active > 0 || this.holds > 0 || !this.conn || this.idleTimer) return;
    const seen = this.operations;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      // Through the queue, so it never closes under a task; skipped if work ran meanwhile.
      void this.queue.run(async () => {
        if (this.operations === seen && this.holds === 0) this.closeNow();
      });
    }, this.idleReleaseMs);
    // An idle lakehouse must not keep the process alive.
    this.idleTimer.unref();
  }

  private closeNow(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.conn?.closeSync();
    this.instance?.closeSync();
    this.conn = null;
    this.instance = null;
  }
}
