import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { apiError, ok, type RouteModule, type RouteReply } from "../route.ts";

// Lakebase Autoscaling branches and endpoints (api-shapes §4.2-4.5): create/update/delete answer a
// long-running Operation polled with GET …/operations/{id}; GETs return `status` without `spec`;
// a done operation always carries `response` (deletes: google.protobuf.Empty).

const ID = /^[a-z][a-z0-9-]{0,62}$/;
const DURATION = /^(\d+)s$/;
const BRANCH_METADATA = { "@type": "type.googleapis.com/databricks.postgres.v1.BranchOperationMetadata" };
const ENDPOINT_METADATA = { "@type": "type.googleapis.com/databricks.postgres.v1.EndpointOperationMetadata" };
const EMPTY = { "@type": "type.googleapis.com/google.protobuf.Empty" };
const MAX_TTL_SECONDS = 30 * 86_400;

const expiry = {
  ttl: z.string().regex(DURATION, { error: 'ttl must be a duration such as "604800s"' }).optional(),
  expire_time: z.iso.datetime({ offset: true }).optional(),
  no_expiry: z.boolean().optional(),
};
const branchBody = z.object({
  spec: z
    .object({
      source_branch: z.string().max(300).optional(),
      source_branch_time: z.iso.datetime({ offset: true }).optional(),
      source_branch_lsn: z.string().max(40).optional(),
      is_protected: z.boolean().optional(),
      ...expiry,
    })
    .optional(),
});
const endpointBody = z.object({
  spec: z.object({ endpoint_type: z.enum(["ENDPOINT_TYPE_READ_WRITE", "ENDPOINT_TYPE_READ_ONLY"]) }).loose(),
});

interface StoredBranch {
  name: string;
  branch_id: string;
  parent: string;
  uid: string;
  create_time: string;
  update_time: string;
  status: Record<string, unknown> & { current_state: string; expire_time?: string };
}

interface StoredEndpoint {
  name: string;
  endpoint_id: string;
  parent: string;
  uid: string;
  create_time: string;
  update_time: string;
  status: Record<string, unknown>;
}

interface PendingOperation {
  operation: { name: string; metadata: object; done: boolean; response?: unknown; error?: object };
  /** GETs left before it is done (the real service answers `done: false` first). */
  pollsLeft: number;
  complete: () => void;
}

export interface BranchRouteOptions {
  /** Projects that exist; each starts with its default branch `production` and endpoint `primary`. */
  projects: readonly string[];
  /** GETs of an operation answered `done: false` before it completes (default 1). */
  pollsBeforeDone?: number;
  now?: () => Date;
  /**
   * The host an endpoint answers on, from its uid. The platform names one per region; a local workspace has no
   * region, so the default is a loopback name (`*.localhost`), and a test that needs the platform's shape passes it.
   */
  endpointHost?: (endpointUid: string) => string;
}

export interface BranchRoutes {
  routes: RouteModule[];
  branches(project: string): StoredBranch[];
  /** The next create/update/delete operation finishes with this error instead (`done` + `error`). */
  failNextOperation(errorCode: string, message: string): void;
}

/** The Lakebase Autoscaling branch and endpoint routes of the fake workspace, with operations to poll. */
export function branchRoutes(options: BranchRouteOptions): BranchRoutes {
  const now = () => (options.now ?? (() => new Date()))();
  const endpointHost = options.endpointHost ?? ((uid: string) => `${uid}.lakebase.localhost`);
  const branches = new Map<string, StoredBranch>();
  const endpoints = new Map<string, StoredEndpoint>();
  const operations = new Map<string, PendingOperation>();
  let nextFailure: { error_code: string; message: string } | undefined;

  const addEndpoint = (branchName: string, endpointId: string, type: string) => {
    const time = now().toISOString();
    const uid = `ep-${randomBytes(10).toString("hex")}`;
    const endpoint: StoredEndpoint = {
      name: `${branchName}/endpoints/${endpointId}`,
      endpoint_id: endpointId,
      parent: branchName,
      uid,
      create_time: time,
      update_time: time,
      status: {
        endpoint_id: endpointId,
        endpoint_type: type,
        current_state: "ACTIVE",
        autoscaling_limit_min_cu: 0.5,
        autoscaling_limit_max_cu: 2,
        suspend_timeout_duration: "300s",
        disabled: false,
        settings: {},
        hosts: { host: endpointHost(uid) },
      },
    };
    endpoints.set(endpoint.name, endpoint);
    return endpoint;
  };
  const addBranch = (project: string, branchId: string, status: Record<string, unknown>) => {
    const time = now().toISOString();
    const branch: StoredBranch = {
      name: `projects/${project}/branches/${branchId}`,
      branch_id: branchId,
      parent: `projects/${project}`,
      uid: `br-${randomBytes(10).toString("hex")}`,
      create_time: time,
      update_time: time,
      status: {
        branch_id: branchId,
        current_state: "READY",
        state_change_time: time,
        default: false,
        is_protected: false,
        logical_size_bytes: 0,
        ...status,
      },
    };
    branches.set(branch.name, branch);
    return branch;
  };
  for (const project of options.projects) {
    const production = addBranch(project, "production", { default: true });
    addEndpoint(production.name, "primary", "ENDPOINT_TYPE_READ_WRITE");
  }

  /** Starts an operation on `resource`; `apply` runs when it completes and returns the response. */
  const startOperation = (resource: string, metadata: object, apply: () => unknown): RouteReply => {
    const name = `${resource}/operations/${randomUUID()}`;
    const failure = nextFailure;
    nextFailure = undefined;
    const pending: PendingOperation = {
      operation: { name, metadata, done: false },
      pollsLeft: options.pollsBeforeDone ?? 1,
      complete: () => {
        pending.operation.done = true;
        if (failure) pending.operation.error = { ...failure, details: [] };
        else pending.operation.response = apply();
      },
    };
    operations.set(name, pending);
    if (pending.pollsLeft <= 0) pending.complete();
    return ok({ ...pending.operation });
  };

  const expiryOf = (
    spec: z.infer<typeof branchBody>["spec"],
    from: Date,
  ): string | undefined | RouteReply => {
    const set = [spec?.ttl, spec?.expire_time, spec?.no_expiry].filter((v) => v !== undefined);
    if (set.length > 1)
      return apiError(400, "INVALID_PARAMETER_VALUE", "Set only one of ttl, expire_time and no_expiry.");
    if (spec?.ttl) {
      const seconds = Number(DURATION.exec(spec.ttl)?.[1]);
      if (seconds > MAX_TTL_SECONDS)
        return apiError(400, "INVALID_PARAMETER_VALUE", "ttl must be at most 30 days.");
      return new Date(from.getTime() + seconds * 1000).toISOString();
    }
    return spec?.expire_time;
  };

  const invalid = (issues: z.core.$ZodIssue[]) =>
    apiError(
      400,
      "INVALID_PARAMETER_VALUE",
      issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "),
    );
  const projectMissing = (project: string) =>
    options.projects.includes(project)
      ? undefined
      : apiError(404, "NOT_FOUND", `project id not found: ${project}`);
  const branchOf = (project: string, branch: string) =>
    branches.get(`projects/${project}/branches/${branch}`);
  const branchMissing = (branch: string) => apiError(404, "NOT_FOUND", `branch id not found: ${branch}`);
  /** GET shape: status, no spec (api-shapes §4.3). */
  const view = <T extends object>(resource: T): T => structuredClone(resource);

  const page = <T extends object>(items: T[], query: URLSearchParams, key: string) => {
    const size = Math.min(Math.max(Number(query.get("page_size") ?? 100) || 100, 1), 100);
    const start = Number(query.get("page_token") ?? 0) || 0;
    const slice = items.slice(start, start + size);
    const next = start + size < items.length ? String(start + size) : undefined;
    return ok({ [key]: slice.map(view), ...(next ? { next_page_token: next } : {}) });
  };

  const routes: RouteModule[] = [
    {
      name: "postgres.create-branch",
      method: "POST",
      path: "/api/2.0/postgres/projects/{project}/branches",
      handle: ({ params, query, body }) => {
        const project = params.project as string;
        const missing = projectMissing(project);
        if (missing) return missing;
        const branchId = query.get("branch_id") ?? "";
        if (!branchId)
          return apiError(
            400,
            "INVALID_PARAMETER_VALUE",
            `Field 'branch_id' is required, expected non-default value (not "")!`,
          );
        if (!ID.test(branchId))
          return apiError(
            400,
            "INVALID_PARAMETER_VALUE",
            "branch_id must be 1-63 lowercase letters, digits or '-', starting with a letter.",
          );
        const parsed = branchBody.safeParse(body ?? {});
        if (!parsed.success) return invalid(parsed.error.issues);
        const spec = parsed.data.spec;
        if (branchOf(project, branchId) && query.get("replace_existing") !== "true")
          return apiError(409, "ALREADY_EXISTS", `branch ${branchId} already exists`);
        const source = spec?.source_branch ?? `projects/${project}/branches/production`;
        const sourceBranch = branches.get(source);
        if (!sourceBranch) return apiError(404, "NOT_FOUND", `source branch not found: ${source}`);
        const created = now();
        if (spec?.source_branch_time && Date.parse(spec.source_branch_time) > created.getTime())
          return apiError(400, "INVALID_PARAMETER_VALUE", "source_branch_time must not be in the future.");
        const expireTime = expiryOf(spec, created);
        if (typeof expireTime === "object") return expireTime;
        return startOperation(`projects/${project}/branches/${branchId}`, BRANCH_METADATA, () =>
          view(
            addBranch(project, branchId, {
              source_branch: source,
              source_branch_lsn: "0/1A2B3C4",
              source_branch_time: spec?.source_branch_time ?? created.toISOString(),
              ...(expireTime ? { expire_time: expireTime } : {}),
            }),
          ),
        );
      },
    },
    {
      name: "postgres.list-branches",
      method: "GET",
      path: "/api/2.0/postgres/projects/{project}/branches",
      handle: ({ params, query }) => {
        const project = params.project as string;
        const missing = projectMissing(project);
        if (missing) return missing;
        const prefix = `projects/${project}/branches/`;
        return page(
          [...branches.values()].filter((b) => b.name.startsWith(prefix)),
          query,
          "branches",
        );
      },
    },
    {
      name: "postgres.get-branch",
      method: "GET",
      path: "/api/2.0/postgres/projects/{project}/branches/{branch}",
      handle: ({ params }) => {
        const branch = branchOf(params.project as string, params.branch as string);
        return branch ? ok(view(branch)) : branchMissing(params.branch as string);
      },
    },
    {
      name: "postgres.update-branch",
      method: "PATCH",
      path: "/api/2.0/postgres/projects/{project}/branches/{branch}",
      handle: ({ params, query, body }) => {
        const branch = branchOf(params.project as string, params.branch as string);
        if (!branch) return branchMissing(params.branch as string);
        const mask = query.get("update_mask") ?? "";
        if (mask !== "spec.expiration")
          return apiError(
            400,
            "INVALID_PARAMETER_VALUE",
            `update_mask "${mask.slice(0, 100)}" is not supported here; use spec.expiration.`,
          );
        const parsed = branchBody.safeParse(body ?? {});
        if (!parsed.success) return invalid(parsed.error.issues);
        const expireTime = expiryOf(parsed.data.spec, now());
        if (typeof expireTime === "object") return expireTime;
        return startOperation(branch.name, BRANCH_METADATA, () => {
          if (expireTime) branch.status.expire_time = expireTime;
          else delete branch.status.expire_time;
          branch.update_time = now().toISOString();
          return view(branch);
        });
      },
    },
    {
      name: "postgres.delete-branch",
      method: "DELETE",
      path: "/api/2.0/postgres/projects/{project}/branches/{branch}",
      handle: ({ params }) => {
        const branch = branchOf(params.project as string, params.branch as string);
        if (!branch) return branchMissing(params.branch as string);
        return startOperation(branch.name, BRANCH_METADATA, () => {
          branches.delete(branch.name);
          for (const key of endpoints.keys()) if (key.startsWith(`${branch.name}/`)) endpoints.delete(key);
          return EMPTY;
        });
      },
    },
    {
      name: "postgres.create-endpoint",
      method: "POST",
      path: "/api/2.0/postgres/projects/{project}/branches/{branch}/endpoints",
      handle: ({ params, query, body }) => {
        const branch = branchOf(params.project as string, params.branch as string);
        if (!branch) return branchMissing(params.branch as string);
        const endpointId = query.get("endpoint_id") ?? "";
        if (!endpointId)
          return apiError(
            400,
            "INVALID_PARAMETER_VALUE",
            `Field 'endpoint_id' is required, expected non-default value (not "")!`,
          );
        if (!ID.test(endpointId))
          return apiError(
            400,
            "INVALID_PARAMETER_VALUE",
            "endpoint_id must be 1-63 lowercase letters, digits or '-'.",
          );
        const parsed = endpointBody.safeParse(body ?? {});
        if (!parsed.success) return invalid(parsed.error.issues);
        if (endpoints.has(`${branch.name}/endpoints/${endpointId}`))
          return apiError(409, "ALREADY_EXISTS", `endpoint ${endpointId} already exists`);
        const type = parsed.data.spec.endpoint_type;
        const readWrite = [...endpoints.values()].some(
          (e) => e.parent === branch.name && e.status.endpoint_type === "ENDPOINT_TYPE_READ_WRITE",
        );
        if (type === "ENDPOINT_TYPE_READ_WRITE" && readWrite)
          return apiError(400, "INVALID_PARAMETER_VALUE", "A branch can only have one READ_WRITE endpoint.");
        return startOperation(`${branch.name}/endpoints/${endpointId}`, ENDPOINT_METADATA, () =>
          view(addEndpoint(branch.name, endpointId, type)),
        );
      },
    },
    {
      name: "postgres.list-endpoints",
      method: "GET",
      path: "/api/2.0/postgres/projects/{project}/branches/{branch}/endpoints",
      handle: ({ params, query }) => {
        const branch = branchOf(params.project as string, params.branch as string);
        if (!branch) return branchMissing(params.branch as string);
        return page(
          [...endpoints.values()].filter((e) => e.parent === branch.name),
          query,
          "endpoints",
        );
      },
    },
    ...[
      "/api/2.0/postgres/projects/{project}/branches/{branch}/operations/{operation}",
      "/api/2.0/postgres/projects/{project}/branches/{branch}/endpoints/{endpoint}/operations/{operation}",
    ].map(
      (path): RouteModule => ({
        name: "postgres.get-operation",
        method: "GET",
        path,
        handle: ({ path: requestPath }) => {
          const name = requestPath.replace(/^\/api\/2\.0\/postgres\//, "");
          const pending = operations.get(name);
          if (!pending) return apiError(404, "NOT_FOUND", `operation not found: ${name}`);
          if (!pending.operation.done) {
            pending.pollsLeft -= 1;
            if (pending.pollsLeft < 0) pending.complete();
          }
          return ok({ ...pending.operation });
        },
      }),
    ),
  ];

  return {
    routes,
    branches: (project) => [...branches.values()].filter((b) => b.parent === `projects/${project}`).map(view),
    failNextOperation: (errorCode, message) => {
      nextFailure = { error_code: errorCode, message };
    },
  };
}
