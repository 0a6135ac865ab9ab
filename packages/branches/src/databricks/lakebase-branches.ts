import { DatabricksApiError, type WorkspaceClient } from "@appbase/databricks";
import { z } from "zod";
import {
  type Branch,
  BranchError,
  type BranchErrorCode,
  type BranchPort,
  type CreateBranchInput,
  type RestoreOutcome,
} from "../branch-port.ts";

// Shapes from databricks-api-shapes.md §4.2-4.4. GETs carry `status`, not `spec`.
const branchSchema = z.looseObject({
  name: z.string(),
  branch_id: z.string().optional(),
  create_time: z.string().optional(),
  status: z
    .looseObject({
      current_state: z.string().optional(),
      default: z.boolean().optional(),
      source_branch: z.string().optional(),
      source_branch_time: z.string().optional(),
      expire_time: z.string().optional(),
    })
    .optional(),
});
const endpointSchema = z.looseObject({
  name: z.string(),
  status: z
    .looseObject({
      endpoint_type: z.string().optional(),
      hosts: z.looseObject({ host: z.string().optional() }).optional(),
    })
    .optional(),
});
const operationSchema = z.looseObject({
  name: z.string(),
  done: z.boolean().optional(),
  error: z.looseObject({ error_code: z.string().optional(), message: z.string().optional() }).optional(),
  response: z.unknown().optional(),
});
const branchPage = z.object({
  branches: z.array(branchSchema).optional(),
  next_page_token: z.string().optional(),
});
const endpointPage = z.object({
  endpoints: z.array(endpointSchema).optional(),
  next_page_token: z.string().optional(),
});

type ApiBranch = z.infer<typeof branchSchema>;

export interface LakebaseBranchesOptions {
  client: WorkspaceClient;
  /** The Lakebase project id (`projects/{project}`). */
  project: string;
  /** First wait between operation polls (doubles up to 60 s, as the Go SDK's waiter). Default 1000. */
  pollIntervalMs?: number;
  /** Give up waiting for an operation after this long. Default 20 minutes. */
  timeoutMs?: number;
  /** Branches per list page (the API allows up to 100). */
  pageSize?: number;
  /** How to wait between polls (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
}

const KNOWN: readonly BranchErrorCode[] = [
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "INVALID_PARAMETER_VALUE",
  "PERMISSION_DENIED",
];
const DAY_SECONDS = 86_400;

/**
 * The branch port on Lakebase Autoscaling (`/api/2.0/postgres/projects/{p}/branches`). A branch
 * gets a read-write endpoint `primary` (kits bind to it as `LAKEBASE_ENDPOINT`). Lakebase has no
 * reset or in-place restore API: `reset` is refused with NOT_SUPPORTED, and `restore` creates a new
 * branch from the source branch at the given time, leaving the original (with its later writes) as is.
 */
export class LakebaseBranches implements BranchPort {
  readonly platform = "databricks";
  readonly defaultBranch = "production";

  constructor(private readonly options: LakebaseBranchesOptions) {}

  private get base(): string {
    return `/api/2.0/postgres/projects/${encodeURIComponent(this.options.project)}/branches`;
  }

  private branchPath(name: string): string {
    return `projects/${this.options.project}/branches/${name}`;
  }

  async list(): Promise<Branch[]> {
    const out: Branch[] = [];
    let pageToken: string | undefined;
    do {
      const page = await this.call({
        method: "GET",
        path: this.base,
        query: { page_size: this.options.pageSize ?? 100, page_token: pageToken },
        response: branchPage,
        operation: `Lakebase list branches of ${this.options.project}`,
      });
      for (const branch of page.branches ?? [])
        out.push(this.toBranch(branch, await this.readWriteEndpoint(branch.name)));
      pageToken = page.next_page_token || undefined;
    } while (pageToken);
    return out;
  }

  async get(name: string): Promise<Branch> {
    const branch = await this.call({
      method: "GET",
      path: `${this.base}/${encodeURIComponent(name)}`,
      response: branchSchema,
      operation: `Lakebase get branch ${name}`,
    });
    return this.toBranch(branch, await this.readWriteEndpoint(branch.name));
  }

  async create(input: CreateBranchInput): Promise<Branch> {
    const parent = input.parent ?? this.defaultBranch;
    const spec = {
      source_branch: this.branchPath(parent),
      ...(input.at ? { source_branch_time: input.at.toISOString() } : {}),
      ...(input.ttlSeconds ? { ttl: `${input.ttlSeconds}s` } : { no_expiry: true }),
    };
    const operation = await this.call({
      method: "POST",
      path: this.base,
      query: { branch_id: input.name },
      body: { spec },
      response: operationSchema,
      operation: `Lakebase create branch ${input.name}`,
    });
    const branch = branchSchema.parse(await this.wait(operation, `create branch ${input.name}`));
    const endpointOperation = await this.call({
      method: "POST",
      path: `${this.base}/${encodeURIComponent(input.name)}/endpoints`,
      query: { endpoint_id: "primary" },
      body: { spec: { endpoint_type: "ENDPOINT_TYPE_READ_WRITE" } },
      response: operationSchema,
      operation: `Lakebase create endpoint of ${input.name}`,
    });
    const endpoint = endpointSchema.parse(
      await this.wait(endpointOperation, `create endpoint of ${input.name}`),
    );
    return this.toBranch(branch, endpoint);
  }

  async delete(name: string): Promise<void> {
    const operation = await this.call({
      method: "DELETE",
      path: `${this.base}/${encodeURIComponent(name)}`,
      response: operationSchema,
      operation: `Lakebase delete branch ${name}`,
    });
    await this.wait(operation, `delete branch ${name}`);
  }

  async reset(name: string): Promise<Branch> {
    throw new BranchError(
      "NOT_SUPPORTED",
      `Lakebase has no reset API (reset is in the workspace UI only). Reset "${name}" there, or delete it and create it again from its parent.`,
    );
  }

  async restore(name: string, at: Date): Promise<RestoreOutcome> {
    const original = await this.get(name);
    const restored = await this.create({
      name: `${name}-at-${at.toISOString().replace(/[-:]/g, "").replace("T", "t").slice(0, 15)}`.slice(0, 63),
      parent: name,
      at,
      ttlSeconds: 7 * DAY_SECONDS,
    });
    return { restored, restoredTo: at.toISOString(), laterWrites: original };
  }

  async setExpiry(name: string, expireTime: Date | undefined): Promise<Branch> {
    const operation = await this.call({
      method: "PATCH",
      path: `${this.base}/${encodeURIComponent(name)}`,
      query: { update_mask: "spec.expiration" },
      body: { spec: expireTime ? { expire_time: expireTime.toISOString() } : { no_expiry: true } },
      response: operationSchema,
      operation: `Lakebase update branch ${name}`,
    });
    const branch = branchSchema.parse(await this.wait(operation, `update branch ${name}`));
    return this.toBranch(branch, await this.readWriteEndpoint(branch.name));
  }

  /** Lakebase deletes expired branches itself; this removes any still listed past their expire time. */
  async deleteExpired(now = new Date()): Promise<string[]> {
    const expired = (await this.list()).filter(
      (branch) => branch.expireTime !== undefined && Date.parse(branch.expireTime) <= now.getTime(),
    );
    for (const branch of expired) await this.delete(branch.name);
    return expired.map((branch) => branch.name);
  }

  /** Polls `GET /api/2.0/postgres/{operation name}` with backoff until done; returns its `response`. */
  private async wait(operation: z.infer<typeof operationSchema>, what: string): Promise<unknown> {
    const sleep = this.options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
    const deadline = Date.now() + (this.options.timeoutMs ?? 20 * 60_000);
    let delay = this.options.pollIntervalMs ?? 1000;
    let current = operation;
    while (!current.done) {
      if (Date.now() > deadline)
        throw new BranchError(
          "OPERATION_FAILED",
          `Lakebase ${what} did not finish in time; check ${current.name} later.`,
        );
      await sleep(delay);
      delay = Math.min(delay * 2, 60_000);
      current = await this.call({
        method: "GET",
        path: `/api/2.0/postgres/${current.name}`,
        response: operationSchema,
        operation: `Lakebase ${what} (poll)`,
      });
    }
    if (current.error)
      throw new BranchError(
        KNOWN.find((code) => code === current.error?.error_code) ?? "OPERATION_FAILED",
        `Lakebase ${what}: operation failed: [${current.error.error_code ?? "UNKNOWN"}] ${current.error.message ?? ""}`.trim(),
      );
    if (current.response === undefined || current.response === null)
      throw new BranchError(
        "OPERATION_FAILED",
        `Lakebase ${what}: operation completed but no response available.`,
      );
    return current.response;
  }

  private async readWriteEndpoint(branchName: string): Promise<z.infer<typeof endpointSchema> | undefined> {
    const branchId = branchName.split("/").at(-1) ?? branchName;
    const page = await this.call({
      method: "GET",
      path: `${this.base}/${encodeURIComponent(branchId)}/endpoints`,
      response: endpointPage,
      operation: `Lakebase list endpoints of ${branchId}`,
    });
    return page.endpoints?.find((endpoint) => endpoint.status?.endpoint_type === "ENDPOINT_TYPE_READ_WRITE");
  }

  private toBranch(branch: ApiBranch, endpoint: z.infer<typeof endpointSchema> | undefined): Branch {
    const status = branch.status ?? {};
    const name = branch.branch_id ?? branch.name.split("/").at(-1) ?? branch.name;
    const parent = status.source_branch?.split("/").at(-1);
    return {
      name,
      ...(parent ? { parent } : {}),
      state: status.current_state ?? "UNKNOWN",
      ...(status.source_branch_time ? { sourceTime: status.source_branch_time } : {}),
      ...(branch.create_time ? { createdAt: branch.create_time } : {}),
      ...(status.expire_time ? { expireTime: status.expire_time } : {}),
      connection: {
        kind: "lakebase-endpoint",
        endpoint: endpoint?.name ?? `${branch.name}/endpoints/primary`,
        ...(endpoint?.status?.hosts?.host ? { host: endpoint.status.hosts.host } : {}),
      },
    };
  }

  /** One API call; the platform's error becomes a BranchError with its `error_code`. */
  private async call<T>(
    request: Parameters<WorkspaceClient["request"]>[0] & { response: z.ZodType<T> },
  ): Promise<T> {
    try {
      return await this.options.client.request(request);
    } catch (error) {
      if (error instanceof DatabricksApiError) {
        const code =
          KNOWN.find((known) => known === error.errorCode) ??
          (error.kind === "unreachable" ? "UNAVAILABLE" : "OPERATION_FAILED");
        throw new BranchError(code, error.message);
      }
      throw error;
    }
  }
}
