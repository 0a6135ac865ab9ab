import { describe, expect, it } from "vitest";
import { detectRuntimeMode } from "./runtime-mode.ts";

describe("detectRuntimeMode", () => {
  it.each([
    [{ DATABRICKS_APP_NAME: "customer-hub", DATABRICKS_APP_PORT: "8000" }, "apps"],
    [{}, "local"],
    [{ DATABRICKS_APP_NAME: "customer-hub" }, "local"],
    [{ DATABRICKS_APP_PORT: "8000" }, "local"],
    [{ DATABRICKS_APP_NAME: "", DATABRICKS_APP_PORT: "8000" }, "local"],
    [{ DATABRICKS_HOST: "https://x.cloud.databricks.com", DATABRICKS_CLIENT_ID: "id" }, "local"],
  ])("%j → %s", (env, mode) => {
    expect(detectRuntimeMode(env)).toBe(mode);
  });
});
