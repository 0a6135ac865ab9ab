import { describe, expect, it } from "vitest";
import { workspaceUrl } from "./host.ts";

describe("workspaceUrl", () => {
  it("adds https:// when the host has no scheme, keeps http:// for local fakes, drops trailing slashes", () => {
    expect(workspaceUrl("adb-1.azuredatabricks.net")).toBe("https://adb-1.azuredatabricks.net");
    expect(workspaceUrl(" https://dbc-1.cloud.databricks.com/ ")).toBe("https://dbc-1.cloud.databricks.com");
    expect(workspaceUrl("http://127.0.0.1:4010//")).toBe("http://127.0.0.1:4010");
  });

  it("refuses an empty or unparsable host with what to set", () => {
    expect(() => workspaceUrl("  ")).toThrow(/DATABRICKS_HOST/);
    expect(() => workspaceUrl("https://exa mple")).toThrow(/not a workspace URL/);
  });
});
