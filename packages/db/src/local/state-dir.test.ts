import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findRepoRoot, lakebasePaths, resolveStateDir } from "./state-dir.ts";

describe("resolveStateDir", () => {
  it("uses APPBASE_STATE_DIR when set", () => {
    expect(resolveStateDir({ APPBASE_STATE_DIR: "/var/tmp/appbase-state" })).toBe("/var/tmp/appbase-state");
  });

  it("defaults to .appbase in the repo root", () => {
    const root = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));
    expect(root).toBeDefined();
    expect(resolveStateDir({})).toBe(path.join(root!, ".appbase"));
  });

  it("finds the nearest ancestor with pnpm-workspace.yaml", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "appbase-root-"));
    try {
      await writeFile(path.join(dir, "pnpm-workspace.yaml"), "packages: []\n");
      await mkdir(path.join(dir, "apps/kit/src"), { recursive: true });
      expect(findRepoRoot(path.join(dir, "apps/kit/src"))).toBe(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("lays out the local Lakebase files under <state>/lakebase", () => {
    expect(lakebasePaths("/s")).toEqual({
      dir: "/s/lakebase",
      dataDir: "/s/lakebase/data",
      branchesDir: "/s/lakebase/branches",
      processFile: "/s/lakebase/process.json",
      logFile: "/s/lakebase/server.log",
    });
  });
});
