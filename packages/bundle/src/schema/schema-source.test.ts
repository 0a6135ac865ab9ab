import { chmodSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { scratchDir } from "../testing/scratch-dir.ts";
import { loadBundleSchema } from "./schema-source.ts";

const repoRoot = resolve(import.meta.dirname, "../../../..");

describe("loadBundleSchema", () => {
  it("asks the Databricks CLI first (`databricks bundle schema`)", () => {
    const dir = scratchDir("fake-cli-");
    const cli = join(dir, "databricks");
    writeFileSync(
      cli,
      '#!/bin/sh\n[ "$1 $2" = "bundle schema" ] && echo \'{"type":"object","title":"from-cli"}\'\n',
    );
    chmodSync(cli, 0o755);
    const loaded = loadBundleSchema({ repoRoot, env: { APPBASE_DATABRICKS_CLI: cli } });
    expect(loaded.source).toEqual({ kind: "databricks-cli", location: cli });
    expect(loaded.schema.title).toBe("from-cli");
  });

  it("falls back to APPBASE_BUNDLE_SCHEMA, then to ../shared/databricks", () => {
    const file = join(scratchDir("schema-"), "schema.json");
    writeFileSync(file, '{"type":"object","title":"from-env"}');
    const missingCli = { APPBASE_DATABRICKS_CLI: "/nonexistent/databricks" };
    expect(
      loadBundleSchema({ repoRoot, env: { ...missingCli, APPBASE_BUNDLE_SCHEMA: file } }).source.kind,
    ).toBe("APPBASE_BUNDLE_SCHEMA");
    const shared = loadBundleSchema({ repoRoot, env: missingCli });
    expect(shared.source).toEqual({
      kind: "shared",
      location: join(repoRoot, "..", "shared", "databricks", "bundle-jsonschema.json"),
    });
  });

  it("names the variable when APPBASE_BUNDLE_SCHEMA points nowhere", () => {
    expect(() =>
      loadBundleSchema({ repoRoot, useCli: false, env: { APPBASE_BUNDLE_SCHEMA: "/nope/schema.json" } }),
    ).toThrow(/APPBASE_BUNDLE_SCHEMA points at \/nope\/schema.json, which does not exist/);
  });
});
