import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { listBundles, validateKitBundle } from "./repository.ts";
import { loadBundleSchema } from "./schema/schema-source.ts";

const repoRoot = resolve(import.meta.dirname, "../../..");

// CI's schema check: every bundle in the repository passes the official schema and matches its declaration.
describe("repository bundles", () => {
  const schema = loadBundleSchema({ repoRoot, useCli: false }).schema;
  it.each(listBundles(repoRoot))("%s validates and is generated from its declarations", async (kit) => {
    const report = await validateKitBundle(repoRoot, kit, schema);
    expect(report.problems).toEqual([]);
    expect(report.drift).toEqual([]);
  });

  it("finds the customer-hub bundle", () => {
    expect(listBundles(repoRoot)).toContain("customer-hub");
  });
});
