import { m2mTokenSource, workspaceClient } from "@appbase/databricks";
import {
  type BranchRoutes,
  branchRoutes,
  type FakeWorkspace,
  startFakeWorkspace,
  unavailable,
} from "@appbase/databricks/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LakebaseBranches } from "./lakebase-branches.ts";

let fake: FakeWorkspace;
let routes: BranchRoutes;
let branches: LakebaseBranches;
const waits: number[] = [];

beforeAll(async () => {
  routes = branchRoutes({
    projects: ["my-app"],
    pollsBeforeDone: 2,
    endpointHost: (uid) => `${uid}.database.test-region.cloud.databricks.com`,
  });
  fake = await startFakeWorkspace({ routes: routes.routes });
  const client = workspaceClient({
    host: fake.host,
    auth: m2mTokenSource({ host: fake.host, clientId: fake.clientId, clientSecret: fake.clientSecret }),
    retry: { attempts: 3, baseDelayMs: 1 },
  });
  branches = new LakebaseBranches({
    client,
    project: "my-app",
    pageSize: 3,
    pollIntervalMs: 1000,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
});

afterAll(async () => {
  await fake?.close();
});

describe("Lakebase Autoscaling branches (REST, against the fake workspace)", () => {
  it("creates a branch with a read-write endpoint, polling each operation until done with backoff", async () => {
    waits.length = 0;
    const at = new Date(Date.now() - 3_600_000);
    const branch = await branches.create({ name: "preview-1", at, ttlSeconds: 86_400 });
    expect(branch).toMatchObject({
      name: "preview-1",
      parent: "production",
      state: "READY",
      sourceTime: at.toISOString(),
      connection: {
        kind: "lakebase-endpoint",
        endpoint: "projects/my-app/branches/preview-1/endpoints/primary",
      },
    });
    expect(branch.connection.kind === "lakebase-endpoint" && branch.connection.host).toMatch(
      /^ep-.*\.databricks\.com$/,
    );
    // two operations (branch, endpoint), each answered done:false twice: 3 polls each, 1 s then 2 s then 4 s
    expect(waits).toEqual([1000, 2000, 4000, 1000, 2000, 4000]);
    const created = fake.seen.filter((seen) => seen.route === "postgres.create-branch").at(-1);
    expect(created?.body).toEqual({
      spec: {
        source_branch: "projects/my-app/branches/production",
        source_branch_time: at.toISOString(),
        ttl: "86400s",
      },
    });
  });

  it("lists branches across pages and patches the expiration", async () => {
    for (const name of ["a-1", "a-2"]) await branches.create({ name });
    const pagesBefore = fake.calls("postgres.list-branches");
    const listed = await branches.list();
    expect(listed.map((b) => b.name).sort()).toEqual(["a-1", "a-2", "preview-1", "production"]);
    expect(fake.calls("postgres.list-branches") - pagesBefore).toBe(2); // 3 + 1, next_page_token followed
    const expireTime = new Date(Date.now() + 60_000);
    const patched = await branches.setExpiry("a-1", expireTime);
    // the fake accepts only update_mask=spec.expiration, as the reference documents for expiry
    expect(patched.expireTime).toBe(expireTime.toISOString());
  });

  it("restores by creating a branch at the time, leaving the original with its later writes", async () => {
    const at = new Date(Date.now() - 60_000);
    const outcome = await branches.restore("production", at);
    expect(outcome.restored).toMatchObject({ parent: "production", sourceTime: at.toISOString() });
    expect(outcome.laterWrites.name).toBe("production");
    await branches.delete(outcome.restored.name);
    await expect(branches.get(outcome.restored.name)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("names the documented errors: NOT_FOUND, ALREADY_EXISTS, INVALID_PARAMETER_VALUE, a failed operation, no reset API", async () => {
    await expect(branches.get("missing")).rejects.toMatchObject({ name: "BranchError", code: "NOT_FOUND" });
    await expect(branches.create({ name: "preview-1" })).rejects.toMatchObject({ code: "ALREADY_EXISTS" });
    await expect(branches.create({ name: "Bad_Id" })).rejects.toMatchObject({
      code: "INVALID_PARAMETER_VALUE",
    });
    await expect(
      branches.create({ name: "later", at: new Date(Date.now() + 3_600_000) }),
    ).rejects.toMatchObject({
      code: "INVALID_PARAMETER_VALUE",
    });
    routes.failNextOperation("RESOURCE_EXHAUSTED", "Project branch limit reached");
    await expect(branches.create({ name: "one-too-many" })).rejects.toThrow(
      "operation failed: [RESOURCE_EXHAUSTED] Project branch limit reached",
    );
    await expect(branches.reset("preview-1")).rejects.toMatchObject({ code: "NOT_SUPPORTED" });
  });

  it("retries a 503 on a poll (GET is idempotent) and still completes", async () => {
    fake.inject("postgres.get-operation", unavailable());
    const before = fake.calls("postgres.get-operation");
    await branches.delete("a-2");
    expect(fake.calls("postgres.get-operation") - before).toBe(4); // 503, then done:false twice, then done
    expect((await branches.list()).map((b) => b.name)).not.toContain("a-2");
  });
});
