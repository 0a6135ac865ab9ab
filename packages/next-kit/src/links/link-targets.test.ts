import { workspaceClient } from "@appbase/databricks";
import { describe, expect, it } from "vitest";
import { createLinkTargets } from "./link-targets.ts";
import { kitAppVariable, linkedKitBindings } from "./linked-kit-bindings.ts";

const HOST = "https://adb-1.azuredatabricks.net";

/** The Apps API as `GET /api/2.0/apps/{name}` answers it: an App with its `url` (platform §2.2). */
function fakeApps(apps: Record<string, { url?: string }>) {
  const calls: string[] = [];
  const fetch = async (input: string | URL | Request) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    calls.push(url.pathname);
    const name = decodeURIComponent(url.pathname.replace("/api/2.0/apps/", ""));
    const app = apps[name];
    if (!app)
      return Response.json(
        { error_code: "RESOURCE_DOES_NOT_EXIST", message: `App ${name} does not exist.` },
        { status: 404 },
      );
    return Response.json({ name, ...app, compute_status: { state: "ACTIVE" } });
  };
  const client = () =>
    workspaceClient({
      host: HOST,
      auth: { identity: "service-principal", token: async () => "token", invalidate: () => {} },
      fetch: fetch as typeof globalThis.fetch,
      retry: { attempts: 1 },
    });
  return { calls, client };
}

describe("link targets", () => {
  it("are the kits appbase up serves, locally", async () => {
    const targets = createLinkTargets(() => ({
      APPBASE_KITS: JSON.stringify([{ id: "customer-hub", title: "Hub", url: "http://127.0.0.1:3101" }]),
    }));
    expect(await targets()).toEqual([{ id: "customer-hub", title: "Hub", url: "http://127.0.0.1:3101" }]);
  });

  it("are the bound apps' URLs from the Apps API on Databricks, read once; an unknown app is left out", async () => {
    const apps = fakeApps({
      "customer-hub-prod": { url: "https://customer-hub-prod-1.aws.databricksapps.com" },
    });
    const warnings: string[] = [];
    const targets = createLinkTargets(
      () => ({
        [kitAppVariable("customer-hub")]: "customer-hub-prod",
        [kitAppVariable("agent-ops")]: "agent-ops-prod",
      }),
      { client: apps.client, logger: { warn: (line) => warnings.push(line) } },
    );
    const expected = [{ id: "customer-hub", url: "https://customer-hub-prod-1.aws.databricksapps.com" }];
    expect(await targets()).toEqual(expected);
    expect(await targets()).toEqual(expected);
    expect(apps.calls.filter((p) => p.endsWith("customer-hub-prod"))).toHaveLength(1);
    expect(warnings.join("\n")).toMatch(/could not read app agent-ops-prod \(APPBASE_APP_AGENT_OPS\)/);
  });

  it("retry a failed lookup after a minute, not on every render", async () => {
    let clock = 0;
    const apps = fakeApps({});
    const targets = createLinkTargets(() => ({ [kitAppVariable("agent-ops")]: "agent-ops-prod" }), {
      client: apps.client,
      logger: { warn: () => {} },
      now: () => clock,
    });
    await targets();
    await targets();
    expect(apps.calls).toHaveLength(1);
    clock = 61_000;
    await targets();
    expect(apps.calls).toHaveLength(2);
  });

  it("are none when nothing is bound", async () => {
    expect(await createLinkTargets(() => ({}))()).toEqual([]);
  });

  it("come from one optional app binding per linked kit", () => {
    expect(linkedKitBindings(["customer-hub"])).toEqual({
      APPBASE_APP_CUSTOMER_HUB: expect.objectContaining({
        resource: "customer-hub-app",
        type: "app",
        optional: true,
      }),
    });
  });
});
