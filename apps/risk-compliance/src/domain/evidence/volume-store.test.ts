import { createHash } from "node:crypto";
import { appWorkspaceClient, files } from "@appbase/databricks";
import { type FakeWorkspace, fileRoutes, startFakeWorkspace } from "@appbase/databricks/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addEntities, createGovernedTestDatabase } from "../../testing/test-database.ts";
import { alertQueue } from "../alerts/alert-queue.ts";
import { raiseAlert } from "../alerts/raise-alert.ts";
import { escalateAlert } from "../cases/escalate.ts";
import { addEvidence } from "./add-evidence.ts";
import { volumeStore } from "./evidence-store.ts";

// Evidence files to a Unity Catalog volume through the Files API, against the fake workspace's file routes.
const VOLUME = "/Volumes/main/risk_compliance/case_evidence";
let fake: FakeWorkspace;
let volume: ReturnType<typeof fileRoutes>;
let db: Awaited<ReturnType<typeof createGovernedTestDatabase>>;

beforeAll(async () => {
  volume = fileRoutes({ volumes: ["main.risk_compliance.case_evidence"] });
  fake = await startFakeWorkspace({ routes: volume.routes });
  db = await createGovernedTestDatabase();
  await addEntities(db, ["E1"]);
}, 120_000);
afterAll(async () => {
  await fake?.close();
  await db?.close();
});

const store = () =>
  volumeStore(
    files(
      appWorkspaceClient({
        DATABRICKS_HOST: fake.host,
        DATABRICKS_CLIENT_ID: fake.clientId,
        DATABRICKS_CLIENT_SECRET: fake.clientSecret,
      }),
    ),
    VOLUME,
  );

describe("evidence files in a volume", () => {
  it("uploads the bytes under the case, records the volume path and SHA-256, and reads them back", async () => {
    const { alert } = await raiseAlert(db.pool, {
      entityId: "E1",
      ruleId: "VOL-1",
      ruleName: "Wire to a high-risk jurisdiction",
      severity: "medium",
      score: 60,
      firedAt: new Date("2026-12-01T10:00:00Z"),
    });
    const claimed = await alertQueue.claim(db.pool, { id: alert.id, claimant: "ana" });
    const kase = await escalateAlert(db.pool, {
      alertId: alert.id,
      alertVersion: claimed.version,
      actor: "ana",
      riskLevel: "medium",
    });
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0a]);
    const added = await addEvidence(db.pool, store(), {
      caseId: kase.id,
      expectedVersion: kase.version,
      actor: "ana",
      item: {
        kind: "file",
        title: "Bank statement",
        fileName: "statement.pdf",
        contentType: "application/pdf",
        bytes,
      },
    });
    expect(added).toMatchObject({ storage: "volume", sizeBytes: bytes.length });
    expect(added.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(added.storagePath).toMatch(new RegExp(`^${VOLUME}/${kase.id}/[0-9a-f-]+-statement.pdf$`));
    expect(volume.file(added.storagePath!)).toEqual(Buffer.from(bytes));
    expect(await store().get(added.storagePath!)).toEqual(bytes);
  });

  it("never overwrites a stored file and refuses paths outside the volume", async () => {
    const s = store();
    await s.put("case-1/a.txt", new Uint8Array([1]));
    await expect(s.put("case-1/a.txt", new Uint8Array([2]))).rejects.toThrow();
    expect(volume.file(`${VOLUME}/case-1/a.txt`)).toEqual(Buffer.from([1]));
    await expect(s.put("../escape.txt", new Uint8Array([1]))).rejects.toThrow(/Unsafe/);
    await expect(s.get("/Volumes/main/other/vol/x.txt")).rejects.toThrow(/not in/);
  });
});
