import { rm } from "node:fs/promises";
import path from "node:path";
import { LOCAL_MAIN_BRANCH } from "../main-branch.ts";
import { type LocalLakebase, serveLocalLakebase } from "../serve.ts";
import { assertBranchId, LocalBranchError } from "./branch-errors.ts";
import {
  type BranchRecord,
  type BranchRegistry,
  readRegistry,
  type SnapshotRecord,
  writeRegistry,
} from "./branch-registry.ts";
import { dumpLive, readSnapshotFile, writeSnapshotFile } from "./snapshot-file.ts";

/** The root branch of the local Lakebase: the data folder the process has always served. */
export { LOCAL_MAIN_BRANCH };

export interface LocalBranch {
  name: string;
  /** Undefined for the root branch. */
  parent?: string;
  url: string;
  port: number;
  createdAt: string;
  sourceTime: string;
  expireTime?: string;
}

export interface LocalSnapshot {
  branch: string;
  takenAt: string;
  lsn: string;
  bytes: number;
  reason: SnapshotRecord["reason"];
}

export interface RestoreResult {
  branch: LocalBranch;
  /** The snapshot time the branch now holds: the latest kept point at or before the requested time. */
  restoredTo: string;
  /** The branch's state just before the restore (later writes included), kept as a child branch. */
  backup: LocalBranch;
}

export interface BranchHostOptions {
  /** The served root branch (the local Lakebase's own data folder). */
  main: LocalLakebase;
  /** Folder for the registry, branch data folders and snapshots (`<stateDir>/lakebase/branches`). */
  dir: string;
  /** Snapshots kept per branch; the oldest go first. */
  keepSnapshots?: number;
  /** Lifetime of the backup branch a restore leaves behind. */
  backupTtlSeconds?: number;
  now?: () => Date;
}

const DAY_SECONDS = 86_400;

/**
 * The branches of one local Lakebase process. Each branch is its own PGlite data folder, started
 * from a tarball of its parent, served on its own port by the same process. Points in time are
 * the snapshots this host has taken (periodic, manual, and before every reset or restore); a
 * point between two snapshots resolves to the earlier one. Operations run one at a time.
 */
export class BranchHost {
  private readonly served = new Map<string, LocalLakebase>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;

  private constructor(
    private readonly options: BranchHostOptions,
    private registry: BranchRegistry,
  ) {
    this.now = options.now ?? (() => new Date());
    this.served.set(LOCAL_MAIN_BRANCH, options.main);
  }

  /** Loads the registry and serves every registered branch again (on its recorded port when free). */
  static async open(options: BranchHostOptions): Promise<BranchHost> {
    const host = new BranchHost(options, await readRegistry(options.dir));
    for (const record of host.registry.branches) {
      const lakebase = await serveLocalLakebase({
        dataDir: host.dataDir(record.name),
        port: record.port,
      }).catch(() => serveLocalLakebase({ dataDir: host.dataDir(record.name), port: 0 }));
      host.served.set(record.name, lakebase);
      record.port = lakebase.port;
    }
    await writeRegistry(options.dir, host.registry);
    return host;
  }

  /** Every branch, the root first. */
  list(): LocalBranch[] {
    const main = this.options.main;
    const root: LocalBranch = {
      name: LOCAL_MAIN_BRANCH,
      url: main.url,
      port: main.port,
      createdAt: "",
      sourceTime: "",
    };
    return [root, ...this.registry.branches.map((record) => this.describe(record))];
  }

  /** One branch; NOT_FOUND names the branches that exist. */
  get(name: string): LocalBranch {
    const branch = this.list().find((candidate) => candidate.name === name);
    if (!branch) throw this.notFound(name);
    return branch;
  }

  /** Kept snapshots, oldest first (of one branch, or all). */
  snapshots(branch?: string): LocalSnapshot[] {
    return this.registry.snapshots
      .filter((snapshot) => branch === undefined || snapshot.branch === branch)
      .map(({ file: _file, ...snapshot }) => snapshot);
  }

  /** Creates `name` from `parent`'s current data, or from its latest snapshot at or before `at`. */
  create(input: { name: string; parent?: string; at?: Date; ttlSeconds?: number }): Promise<LocalBranch> {
    return this.serialized(async () => {
      assertBranchId(input.name);
      const parent = input.parent ?? LOCAL_MAIN_BRANCH;
      if (this.served.has(input.name))
        throw new LocalBranchError(
          "ALREADY_EXISTS",
          `Branch "${input.name}" already exists; pick another name or delete it first.`,
        );
      const parentDb = this.servedBranch(parent);
      const { data, sourceTime } = input.at
        ? await this.snapshotData(parent, input.at)
        : { data: await dumpLive(parentDb.pglite), sourceTime: this.now().toISOString() };
      const lakebase = await serveLocalLakebase({
        dataDir: this.dataDir(input.name),
        port: 0,
        loadDataDir: data,
      });
      this.served.set(input.name, lakebase);
      const createdAt = this.now();
      const record: BranchRecord = {
        name: input.name,
        parent,
        createdAt: createdAt.toISOString(),
        sourceTime,
        port: lakebase.port,
        ...(input.ttlSeconds
          ? { expireTime: new Date(createdAt.getTime() + input.ttlSeconds * 1000).toISOString() }
          : {}),
      };
      this.registry.branches.push(record);
      await this.save();
      return this.describe(record);
    });
  }

  /** Deletes a branch, its data and its snapshots. The root and branches with children cannot be deleted. */
  delete(name: string): Promise<void> {
    return this.serialized(async () => {
      const record = this.record(name);
      const children = this.registry.branches
        .filter((branch) => branch.parent === name)
        .map((branch) => branch.name);
      if (children.length > 0)
        throw new LocalBranchError(
          "FAILED_PRECONDITION",
          `Branch "${name}" has children (${children.join(", ")}); delete them first.`,
        );
      await this.served.get(name)?.stop();
      this.served.delete(name);
      this.registry.branches = this.registry.branches.filter((branch) => branch !== record);
      this.registry.snapshots = this.registry.snapshots.filter((snapshot) => snapshot.branch !== name);
      await this.save();
      await rm(path.join(this.options.dir, name), { recursive: true, force: true });
    });
  }

  /** Replaces a branch's data with its parent's current data (a snapshot of the old state is kept first). */
  reset(name: string): Promise<LocalBranch> {
    return this.serialized(async () => {
      const record = this.record(name);
      await this.takeSnapshot(name, "before-reset");
      const data = await dumpLive(this.servedBranch(record.parent).pglite);
      await this.servedBranch(name).replaceData(data);
      record.sourceTime = this.now().toISOString();
      await this.save();
      return this.describe(record);
    });
  }

  /**
   * Restores a branch in place to its latest snapshot at or before `at`. Writes made after that
   * point are not lost: the state just before the restore becomes the child branch `backup`.
   */
  restore(name: string, at: Date, backupName?: string): Promise<RestoreResult> {
    return this.serialized(async () => {
      const served = this.servedBranch(name);
      const { data, sourceTime } = await this.snapshotData(name, at);
      const backup = backupName ?? `${name}-before-restore-${compactTime(this.now())}`.slice(0, 63);
      assertBranchId(backup);
      if (this.served.has(backup))
        throw new LocalBranchError(
          "ALREADY_EXISTS",
          `Branch "${backup}" already exists; name the backup branch.`,
        );
      const backupLakebase = await serveLocalLakebase({
        dataDir: this.dataDir(backup),
        port: 0,
        loadDataDir: await dumpLive(served.pglite),
      });
      this.served.set(backup, backupLakebase);
      const now = this.now();
      const backupRecord: BranchRecord = {
        name: backup,
        parent: name,
        createdAt: now.toISOString(),
        sourceTime: now.toISOString(),
        port: backupLakebase.port,
        expireTime: new Date(
          now.getTime() + (this.options.backupTtlSeconds ?? 7 * DAY_SECONDS) * 1000,
        ).toISOString(),
      };
      this.registry.branches.push(backupRecord);
      await served.replaceData(data);
      const record = this.registry.branches.find((branch) => branch.name === name);
      if (record) record.sourceTime = sourceTime;
      await this.save();
      return { branch: this.get(name), restoredTo: sourceTime, backup: this.describe(backupRecord) };
    });
  }

  /** Takes a snapshot of a branch now. */
  snapshot(name: string, reason: "manual" | "periodic" = "manual"): Promise<LocalSnapshot> {
    return this.serialized(() => this.takeSnapshot(name, reason));
  }

  /** The periodic work: a snapshot of every branch whose WAL moved since its last one, then TTL cleanup. */
  async tick(): Promise<{ snapshots: string[]; expired: string[] }> {
    const snapshots: string[] = [];
    for (const name of this.served.keys()) {
      const last = this.registry.snapshots.filter((snapshot) => snapshot.branch === name).at(-1);
      const lsn = await currentLsn(this.servedBranch(name)).catch(() => undefined);
      if (lsn === undefined || lsn === last?.lsn) continue;
      await this.snapshot(name, "periodic");
      snapshots.push(name);
    }
    return { snapshots, expired: await this.deleteExpired() };
  }

  /** Deletes branches whose expire time has passed (children before parents); returns their names. */
  async deleteExpired(): Promise<string[]> {
    const now = this.now().getTime();
    const deleted: string[] = [];
    for (;;) {
      const expired = this.registry.branches.find(
        (branch) =>
          branch.expireTime !== undefined &&
          Date.parse(branch.expireTime) <= now &&
          !this.registry.branches.some((child) => child.parent === branch.name),
      );
      if (!expired) return deleted;
      await this.delete(expired.name);
      deleted.push(expired.name);
    }
  }

  /** Sets or clears (`undefined`) a branch's expire time. */
  setExpiry(name: string, expireTime: Date | undefined): Promise<LocalBranch> {
    return this.serialized(async () => {
      const record = this.record(name);
      if (expireTime) record.expireTime = expireTime.toISOString();
      else delete record.expireTime;
      await this.save();
      return this.describe(record);
    });
  }

  /** Stops serving the branches (not the root, which its owner stops). */
  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    for (const [name, lakebase] of this.served) if (name !== LOCAL_MAIN_BRANCH) await lakebase.stop();
  }

  private async takeSnapshot(name: string, reason: SnapshotRecord["reason"]): Promise<LocalSnapshot> {
    const served = this.servedBranch(name);
    const takenAt = this.now();
    const lsn = (await currentLsn(served).catch(() => undefined)) ?? "";
    const file = path.join(this.options.dir, name, "snapshots", `${takenAt.getTime()}.tar.gz`);
    const bytes = await writeSnapshotFile(file, await dumpLive(served.pglite, "gzip"));
    const record: SnapshotRecord = { branch: name, takenAt: takenAt.toISOString(), lsn, file, bytes, reason };
    this.registry.snapshots.push(record);
    const own = this.registry.snapshots.filter((snapshot) => snapshot.branch === name);
    const drop = own.slice(0, Math.max(0, own.length - (this.options.keepSnapshots ?? 24)));
    this.registry.snapshots = this.registry.snapshots.filter((snapshot) => !drop.includes(snapshot));
    await this.save();
    for (const old of drop) await rm(old.file, { force: true });
    const { file: _file, ...snapshot } = record;
    return snapshot;
  }

  private async snapshotData(branch: string, at: Date): Promise<{ data: Blob; sourceTime: string }> {
    this.servedBranch(branch);
    const kept = this.registry.snapshots.filter((snapshot) => snapshot.branch === branch);
    const usable = kept.filter((snapshot) => Date.parse(snapshot.takenAt) <= at.getTime()).at(-1);
    if (!usable) {
      const earliest = kept[0]?.takenAt;
      throw new LocalBranchError(
        "FAILED_PRECONDITION",
        earliest
          ? `The local Lakebase keeps "${branch}" from ${earliest} on; ${at.toISOString()} is earlier. Pick a later time.`
          : `The local Lakebase has no snapshot of "${branch}" yet; take one with \`appbase branch snapshot ${branch}\`.`,
      );
    }
    return { data: await readSnapshotFile(usable.file), sourceTime: usable.takenAt };
  }

  private describe(record: BranchRecord): LocalBranch {
    const lakebase = this.servedBranch(record.name);
    return {
      name: record.name,
      parent: record.parent,
      url: lakebase.url,
      port: lakebase.port,
      createdAt: record.createdAt,
      sourceTime: record.sourceTime,
      ...(record.expireTime ? { expireTime: record.expireTime } : {}),
    };
  }

  private record(name: string): BranchRecord {
    if (name === LOCAL_MAIN_BRANCH)
      throw new LocalBranchError(
        "FAILED_PRECONDITION",
        `"${LOCAL_MAIN_BRANCH}" is the root branch; it cannot be reset, deleted or given an expiry.`,
      );
    const record = this.registry.branches.find((branch) => branch.name === name);
    if (!record) throw this.notFound(name);
    return record;
  }

  private servedBranch(name: string): LocalLakebase {
    const lakebase = this.served.get(name);
    if (!lakebase) throw this.notFound(name);
    return lakebase;
  }

  private notFound(name: string): LocalBranchError {
    return new LocalBranchError(
      "NOT_FOUND",
      `No branch "${name.slice(0, 80)}"; branches: ${[...this.served.keys()].join(", ")}.`,
    );
  }

  private dataDir(name: string): string {
    return path.join(this.options.dir, name, "data");
  }

  private save(): Promise<void> {
    return writeRegistry(this.options.dir, this.registry);
  }

  private serialized<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation, operation);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

async function currentLsn(lakebase: LocalLakebase): Promise<string> {
  const result = await lakebase.pglite.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn");
  const lsn = result.rows[0]?.lsn;
  if (!lsn) throw new Error("no WAL position");
  return lsn;
}

function compactTime(time: Date): string {
  return time.toISOString().replace(/[-:]/g, "").replace("T", "t").slice(0, 15);
}
