import { afterEach, describe, expect, it } from "vitest";
import { clientFor } from "../testing/client-for.ts";
import {
  type FakeWorkspace,
  lakebaseCredentialRoutes,
  startFakeWorkspace,
  syncedTableRoutes,
} from "../testing/index.ts";
import { currentUser } from "./identity.ts";
import { generateDatabaseCredential, getSyncedTable } from "./lakebase.ts";

let fake: FakeWorkspace | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});
const endpoint = "projects/app/branches/production/endpoints/primary";

describe("Lakebase credentials, synced tables and SCIM Me", () => {
  it("mints a database credential for a known endpoint and refuses unknown and denied ones", async () => {
    const lakebase = lakebaseCredentialRoutes({ endpoints: [endpoint] });
    fake = await startFakeWorkspace({ routes: lakebase.routes });
    const { client } = clientFor(fake);
    const credential = await generateDatabaseCredential(client, endpoint, 900);
    expect(lakebase.isValidCredential(credential.token)).toBe(true);
    expect(credential.expiresAt - Date.now()).toBeGreaterThan(890_000);
    await expect(generateDatabaseCredential(client, endpoint, 60)).rejects.toMatchObject({
      status: 400,
      errorCode: "INVALID_PARAMETER_VALUE",
    });
    await expect(
      generateDatabaseCredential(client, "projects/x/branches/y/endpoints/z"),
    ).rejects.toMatchObject({ status: 404 });
    lakebase.deny(endpoint);
    await expect(generateDatabaseCredential(client, endpoint)).rejects.toThrow(
      /HTTP 403 PERMISSION_DENIED.*grant the app's service principal/,
    );
  });

  it("reads a synced table's status", async () => {
    const synced = syncedTableRoutes({
      "main.customer.profile": { detailed_state: "SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE", pipeline_id: "p1" },
    });
    fake = await startFakeWorkspace({ routes: synced.routes });
    const { client } = clientFor(fake);
    expect(await getSyncedTable(client, "main.customer.profile")).toMatchObject({
      name: "synced_tables/main.customer.profile",
      status: { detailed_state: "SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE" },
    });
    await expect(getSyncedTable(client, "main.customer.nope")).rejects.toMatchObject({ status: 404 });
  });

  it("returns the signed-in user's groups from SCIM Me with their token", async () => {
    fake = await startFakeWorkspace();
    fake.addUser("u-1", { userName: "ana@example.com", groups: ["analysts", "admins"] });
    const { client } = clientFor(fake);
    expect(await currentUser(client.asUser("u-1"))).toEqual({
      userName: "ana@example.com",
      groups: ["analysts", "admins"],
    });
  });
});
