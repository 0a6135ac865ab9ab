import type { SpawnSyncReturns } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { deployBlockers } from "./deploy-kit.ts";

const repoRoot = resolve(import.meta.dirname, "../../../..");
const result = (status: number | null, error?: Error) =>
  ({ status, error, stdout: "", stderr: "" }) as unknown as SpawnSyncReturns<string>;

describe("deployBlockers", () => {
  it("says how to install the Databricks CLI when it is missing", () => {
    const blockers = deployBlockers({ repoRoot, kit: "customer-hub", target: "dev", variables: {} }, (() =>
      result(null, new Error("ENOENT"))) as never);
    expect(blockers).toEqual([
      expect.stringMatching(/Databricks CLI \(databricks\) is not installed: install it/),
    ]);
  });

  it("lists the missing login, unknown target and variables without values", () => {
    const run = ((_cli: string, args: string[]) => result(args[0] === "--version" ? 0 : 1)) as never;
    const blockers = deployBlockers(
      { repoRoot, kit: "customer-hub", target: "qa", variables: { catalog: "main" } },
      run,
    );
    expect(blockers).toEqual([
      expect.stringMatching(/not authenticated to a workspace: run `databricks auth login/),
      "Target qa is not in the bundle: use one of dev, staging, prod.",
      // The Genie space is optional now: the bundle binds it only when bundle.ts asks, so it needs no value.
      expect.stringMatching(/^Bundle variables without a value: admin_group, source_catalog\./),
    ]);
  });

  it("has nothing to say when the CLI is ready and every variable has a value", () => {
    const run = (() => result(0)) as never;
    const variables = {
      catalog: "main",
      admin_group: "admins",
      genie_space_name: "g",
      genie_space_id: "1",
      source_catalog: "gold",
    };
    expect(deployBlockers({ repoRoot, kit: "customer-hub", target: "prod", variables }, run)).toEqual([]);
  });
});
