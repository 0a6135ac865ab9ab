import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { actionId, SCENARIOS } from "./http-load.ts";

let kitDir: string;
beforeEach(() => {
  kitDir = mkdtempSync(join(tmpdir(), "http-load-"));
});
afterEach(() => {
  rmSync(kitDir, { recursive: true, force: true });
});

const action = { file: "apps/customer-hub/src/actions/notes.ts", exportedName: "addNoteAction" };

describe("actionId", () => {
  it("finds a server action's id in the build's manifest by file and export", () => {
    mkdirSync(join(kitDir, ".next", "server"), { recursive: true });
    writeFileSync(
      join(kitDir, ".next", "server", "server-reference-manifest.json"),
      JSON.stringify({
        node: {
          "7f01": { filename: "apps/customer-hub/src/actions/notes.ts", exportedName: "editNoteAction" },
          "7f02": { filename: "apps/customer-hub/src/actions/notes.ts", exportedName: "addNoteAction" },
          "7f03": { filename: "apps/other/src/actions/notes.ts", exportedName: "addNoteAction" },
        },
      }),
    );
    expect(actionId(kitDir, "/repo", action)).toBe("7f02");
    expect(() => actionId(kitDir, "/repo", { ...action, exportedName: "gone" })).toThrow(/no action gone/);
  });

  it("says to build first when the kit has no production build", () => {
    expect(() => actionId(kitDir, "/repo", action)).toThrow(/no production build; run `next build`/);
  });
});

describe("SCENARIOS", () => {
  it("covers every kit's busiest read page and main mutation", () => {
    expect(SCENARIOS.map((s) => s.kit)).toEqual([
      "customer-hub",
      "operations-portal",
      "risk-compliance",
      "agent-ops",
    ]);
  });

  it("gives each request its own write (a fresh request id, or another row)", () => {
    const setup = { customerId: "C0000001", assetId: "AS1", alertIds: ["a0", "a1"] };
    for (const s of SCENARIOS) {
      const [a, b] = [s.mutation.input(1, setup), s.mutation.input(1, setup)];
      if ("requestId" in a) expect(a.requestId).not.toEqual(b.requestId);
      else expect(s.mutation.input(0, setup)).not.toEqual(a);
    }
  });
});
