// The root export only: kit servers load this adapter, and @appbase/db/local is the process side.
import { LOCAL_MAIN_BRANCH, lakebaseStatus } from "@appbase/db";
import type { LocalBranch, RestoreResult } from "@appbase/db/local";
import {
  type Branch,
  BranchError,
  type BranchErrorCode,
  type BranchPort,
  type CreateBranchInput,
} from "../branch-port.ts";

const KNOWN_CODES: readonly BranchErrorCode[] = [
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "INVALID_PARAMETER_VALUE",
  "FAILED_PRECONDITION",
];

function toBranch(branch: LocalBranch): Branch {
  return {
    name: branch.name,
    ...(branch.parent ? { parent: branch.parent } : {}),
    state: "READY",
    ...(branch.sourceTime ? { sourceTime: branch.sourceTime } : {}),
    ...(branch.createdAt ? { createdAt: branch.createdAt } : {}),
    ...(branch.expireTime ? { expireTime: branch.expireTime } : {}),
    connection: { kind: "url", url: branch.url },
  };
}

/**
 * The branch port on the local Lakebase: calls the control API of the running process (its URL is
 * in the process file). Restore is in place; the writes after the restore point stay on a backup
 * child branch, which `laterWrites` names.
 */
export class LocalBranches implements BranchPort {
  readonly platform = "local";
  readonly defaultBranch = LOCAL_MAIN_BRANCH;

  constructor(private readonly controlUrl: string) {}

  /** The adapter for the running local Lakebase of `stateDir`; says how to start it when it is not running. */
  static async connect(stateDir: string): Promise<LocalBranches> {
    const status = await lakebaseStatus({ stateDir });
    if (status.state !== "running")
      throw new BranchError(
        "UNAVAILABLE",
        "The local Lakebase is not running: start it with `pnpm appbase lakebase start`.",
      );
    if (!status.branchControlUrl)
      throw new BranchError(
        "UNAVAILABLE",
        "The running local Lakebase predates branches: restart it (`pnpm appbase lakebase stop` then `start`).",
      );
    return new LocalBranches(status.branchControlUrl);
  }

  async list(): Promise<Branch[]> {
    const { branches } = await this.call<{ branches: LocalBranch[] }>("GET", "/branches");
    return branches.map(toBranch);
  }

  async get(name: string): Promise<Branch> {
    return toBranch(await this.call<LocalBranch>("GET", `/branches/${encodeURIComponent(name)}`));
  }

  async create(input: CreateBranchInput): Promise<Branch> {
    return toBranch(
      await this.call<LocalBranch>("POST", "/branches", {
        name: input.name,
        parent: input.parent,
        at: input.at?.toISOString(),
        ttlSeconds: input.ttlSeconds,
      }),
    );
  }

  async delete(name: string): Promise<void> {
    await this.call("DELETE", `/branches/${encodeURIComponent(name)}`);
  }

  async reset(name: string): Promise<Branch> {
    return toBranch(await this.call<LocalBranch>("POST", `/branches/${encodeURIComponent(name)}/reset`));
  }

  async restore(name: string, at: Date) {
    const result = await this.call<RestoreResult>("POST", `/branches/${encodeURIComponent(name)}/restore`, {
      at: at.toISOString(),
    });
    return {
      restored: toBranch(result.branch),
      restoredTo: result.restoredTo,
      laterWrites: toBranch(result.backup),
    };
  }

  async setExpiry(name: string, expireTime: Date | undefined): Promise<Branch> {
    return toBranch(
      await this.call<LocalBranch>("PATCH", `/branches/${encodeURIComponent(name)}`, {
        expireTime: expireTime?.toISOString() ?? null,
      }),
    );
  }

  /** Expiry is judged by the local Lakebase's clock (it also runs this on its own timer). */
  async deleteExpired(): Promise<string[]> {
    return (await this.call<{ deleted: string[] }>("POST", "/expired")).deleted;
  }

  /** Takes a snapshot now: a point in time `create --at` and `restore` can use. */
  async snapshot(name: string): Promise<{ branch: string; takenAt: string; bytes: number }> {
    return this.call("POST", `/branches/${encodeURIComponent(name)}/snapshots`);
  }

  /** The kept points in time of a branch, oldest first. */
  async snapshots(
    name: string,
  ): Promise<{ branch: string; takenAt: string; bytes: number; reason: string }[]> {
    return (await this.call<{ snapshots: [] }>("GET", `/branches/${encodeURIComponent(name)}/snapshots`))
      .snapshots;
  }

  private async call<T = unknown>(method: string, path: string, body?: object): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.controlUrl}${path}`, {
        method,
        ...(body ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      throw new BranchError(
        "UNAVAILABLE",
        `The local Lakebase's branch control API (${this.controlUrl}) did not answer: ${(error as Error).message}`,
      );
    }
    const json = (await response.json().catch(() => ({}))) as { error_code?: string; message?: string };
    if (!response.ok) {
      const code = KNOWN_CODES.find((known) => known === json.error_code) ?? "OPERATION_FAILED";
      throw new BranchError(code, json.message ?? `${method} ${path} failed with HTTP ${response.status}.`);
    }
    return json as T;
  }
}
