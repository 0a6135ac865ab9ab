/**
 * The branch port: what AppBase does with Lakebase branches, the same locally and on Databricks.
 * Adapters: `@appbase/branches/local` (the local Lakebase process) and `@appbase/branches/databricks`
 * (the Lakebase Autoscaling REST API).
 */
export interface Branch {
  /** The branch id, e.g. `preview-42`. */
  name: string;
  /** The branch it was created from; undefined for a root branch. */
  parent?: string;
  /** `READY` when it can be used (Lakebase's `BranchStatusState`; locally always `READY`). */
  state: string;
  /** When the parent's data it started from was current (a point in time when created from one). */
  sourceTime?: string;
  createdAt?: string;
  expireTime?: string;
  /** How a kit reaches it: a Postgres URL locally, a `LAKEBASE_ENDPOINT` resource path on Databricks. */
  connection: { kind: "url"; url: string } | { kind: "lakebase-endpoint"; endpoint: string; host?: string };
}

export interface CreateBranchInput {
  name: string;
  /** Defaults to the adapter's default (root) branch. */
  parent?: string;
  /** A point in time of the parent; omitted: its current data. */
  at?: Date;
  /** Delete the branch after this many seconds. */
  ttlSeconds?: number;
}

export interface RestoreOutcome {
  /** The branch that now holds the data as of `restoredTo`. */
  restored: Branch;
  /** The exact point restored to (locally the kept snapshot at or before the time asked for). */
  restoredTo: string;
  /** The branch that holds the writes made after `restoredTo`, which the restored branch no longer has. */
  laterWrites: Branch;
}

export interface BranchPort {
  readonly platform: "local" | "databricks";
  /** The root branch kits run on by default (`main` locally, `production` on Databricks). */
  readonly defaultBranch: string;
  list(): Promise<Branch[]>;
  get(name: string): Promise<Branch>;
  create(input: CreateBranchInput): Promise<Branch>;
  delete(name: string): Promise<void>;
  /** Replaces a branch's data with its parent's current data. */
  reset(name: string): Promise<Branch>;
  /** Brings a branch's data back to a time before now; see `RestoreOutcome` for where later writes go. */
  restore(name: string, at: Date): Promise<RestoreOutcome>;
  /** Sets (or with `undefined` removes) when a branch expires. */
  setExpiry(name: string, expireTime: Date | undefined): Promise<Branch>;
  /** Deletes branches whose expire time has passed; returns their names. */
  deleteExpired(now?: Date): Promise<string[]>;
}

export type BranchErrorCode =
  | "NOT_FOUND"
  | "ALREADY_EXISTS"
  | "INVALID_PARAMETER_VALUE"
  | "FAILED_PRECONDITION"
  | "PERMISSION_DENIED"
  | "OPERATION_FAILED"
  | "NOT_SUPPORTED"
  | "UNAVAILABLE";

/** A branch operation that failed, with the platform's error code and a message a person can act on. */
export class BranchError extends Error {
  constructor(
    readonly code: BranchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "BranchError";
  }
}

/** Connection URL or endpoint of a branch, for messages and env. */
export function describeConnection(branch: Branch): string {
  return branch.connection.kind === "url" ? branch.connection.url : branch.connection.endpoint;
}
