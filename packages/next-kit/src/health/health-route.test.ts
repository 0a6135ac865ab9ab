import { describe, expect, it } from "vitest";
import { createHealthRoute } from "./health-route.ts";

describe("createHealthRoute", () => {
  it("is 200 when the database answers and 503 with the reason when it does not", async () => {
    const base = { kit: "k", version: "1.0.0", mode: () => "local Lakebase" };
    const ok = await createHealthRoute({ ...base, pingDatabase: async () => {} })();
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      ok: true,
      status: "ok",
      mode: "local Lakebase",
      version: "1.0.0",
      database: { reachable: true },
    });
    const down = await createHealthRoute({
      ...base,
      pingDatabase: () => Promise.reject(new Error("ECONNREFUSED")),
    })();
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({
      ok: false,
      status: "degraded",
      database: { reachable: false, error: "ECONNREFUSED" },
    });
  });
});
