import { type FakeWorkspace, startFakeWorkspace } from "@appbase/databricks/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createKitCaller, KitCallError } from "./kit-call.ts";

const risk = { id: "risk-compliance", title: "Risk", url: "http://risk.test/" };

/** A called kit: records what reached it and answers as defineRoute does. */
function calledKit(answer: (body: unknown) => { status: number; json: unknown }) {
  const seen: { url: string; headers: Headers; body: unknown }[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    if (!url.startsWith("http://risk.test")) return globalThis.fetch(input, init);
    const body = JSON.parse(String(init?.body));
    seen.push({ url, headers: new Headers(init?.headers), body });
    const { status, json } = answer(body);
    return Response.json(json, { status });
  };
  return { seen, fetch: fetch as typeof globalThis.fetch };
}

let fake: FakeWorkspace | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("createKitCaller", () => {
  it("locally posts to the bound kit's URL as the caller's app user (the local identity cookie)", async () => {
    const kit = calledKit(() => ({ status: 200, json: { ok: true, data: { caseId: "c-1" } } }));
    const callKit = createKitCaller({
      caller: "agent-ops",
      targets: async () => [risk],
      mode: () => "local",
      fetch: kit.fetch,
    });
    const data = await callKit({ kit: "risk-compliance", path: "/api/intake/triage", body: { a: 1 } });
    expect(data).toEqual({ caseId: "c-1" });
    expect(kit.seen[0]?.url).toBe("http://risk.test/api/intake/triage");
    expect(kit.seen[0]?.headers.get("cookie")).toBe("appbase_local_user=agent-ops-app");
    expect(kit.seen[0]?.headers.has("authorization")).toBe(false);
    expect(kit.seen[0]?.body).toEqual({ a: 1 });
  });

  it("on Databricks carries a bearer token of the app's service principal (OAuth M2M)", async () => {
    fake = await startFakeWorkspace();
    const kit = calledKit(() => ({ status: 200, json: { ok: true, data: null } }));
    const callKit = createKitCaller({
      caller: "agent-ops",
      targets: async () => [risk],
      mode: () => "apps",
      principal: () => ({ host: fake?.host, clientId: fake?.clientId, clientSecret: fake?.clientSecret }),
      fetch: kit.fetch,
    });
    await callKit({ kit: "risk-compliance", path: "/api/intake/triage", body: {} });
    await callKit({ kit: "risk-compliance", path: "/api/intake/triage", body: {} });
    expect(kit.seen[0]?.headers.get("authorization")).toMatch(/^Bearer \S+/);
    expect(kit.seen[0]?.headers.has("cookie")).toBe(false);
    expect(fake.calls("oidc.token")).toBe(1);
  });

  it("says a kit that is not deployed is not deployed, naming the binding", async () => {
    const callKit = createKitCaller({ caller: "agent-ops", targets: async () => [], mode: () => "local" });
    await expect(callKit({ kit: "risk-compliance", path: "/api/x", body: {} })).rejects.toThrow(
      /risk-compliance is not deployed here.*APPBASE_APP_RISK_COMPLIANCE/,
    );
  });

  it("passes the called kit's refusal on with its status and field errors", async () => {
    const kit = calledKit(() => ({
      status: 400,
      json: { ok: false, error: { message: "Check the fields.", fieldErrors: { alertIds: ["too many"] } } },
    }));
    const callKit = createKitCaller({
      caller: "agent-ops",
      targets: async () => [risk],
      mode: () => "local",
      fetch: kit.fetch,
    });
    const failure = await callKit<never>({ kit: "risk-compliance", path: "/api/x", body: {} }).catch(
      (e: KitCallError) => e,
    );
    expect(failure).toBeInstanceOf(KitCallError);
    expect(failure.status).toBe(400);
    expect(failure.message).toBe("Risk refused /api/x (HTTP 400): Check the fields. (alertIds: too many)");
  });

  it("refuses to call as nobody on Databricks when the service principal is not injected", async () => {
    const callKit = createKitCaller({
      caller: "agent-ops",
      targets: async () => [risk],
      mode: () => "apps",
      principal: () => ({}),
    });
    await expect(callKit({ kit: "risk-compliance", path: "/api/x", body: {} })).rejects.toThrow(
      /service principal is not injected/,
    );
  });
});
