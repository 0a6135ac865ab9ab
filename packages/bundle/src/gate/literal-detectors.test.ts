import { describe, expect, it } from "vitest";
import { ref } from "../generate/ref.ts";
import { detectLiterals } from "./literal-detectors.ts";

// Assembled at runtime so the file itself carries no credential-shaped literal.
const hex = "0123456789abcdef".repeat(2);
const jwt = [
  "eyJhbGciOiJSUzI1NiJ9",
  "eyJzdWIiOiJhcHAiLCJzY29wZSI6ImFsbC1hcGlzIn0",
  "c2lnbmF0dXJlLXZhbHVl",
].join(".");

const rules = (line: string, yaml = false) => detectLiterals(line, { yaml }).map((finding) => finding.rule);

describe("detectLiterals", () => {
  it.each([
    [`const t = "dapi${hex}";`, "a Databricks personal access token"],
    [`secret = "dose${hex}"`, "a Databricks OAuth client secret"],
    [`headers.authorization = "${jwt}"`, "a JWT"],
  ])("names the kind of token in %s", (line, kind) => {
    const findings = detectLiterals(line, { yaml: false });
    expect(findings.map((f) => f.rule)).toEqual(["token"]);
    expect(findings[0]?.message).toContain(kind);
  });

  it("recognises workspace hosts on every cloud and ignores documentation placeholders", () => {
    expect(rules("host: https://adb-1234567890123456.7.azuredatabricks.net", true)).toEqual([
      "workspace-host",
    ]);
    expect(rules('fetch("https://acme-prod.cloud.databricks.com/api")')).toEqual(["workspace-host"]);
    expect(rules('fetch("https://1234567890123456.7.gcp.databricks.com/api")')).toEqual(["workspace-host"]);
    expect(rules("// see https://docs.databricks.com and https://<workspace>.cloud.databricks.com")).toEqual(
      [],
    );
    expect(rules('const accounts = "https://accounts.cloud.databricks.com";')).toEqual([]);
  });

  it("flags workspace object ids in YAML but not references to variables", () => {
    expect(rules("      warehouse_id: 1a2b3c4d5e6f7a8b", true)).toEqual(["workspace-id"]);
    expect(rules(`      id: ${ref("var.sql_warehouse_id")}`, true)).toEqual([]);
    expect(rules("  job_id: 123456789012", true)).toEqual(["workspace-id"]);
  });

  it("flags literal secrets in YAML keys but not bundle references or empty values", () => {
    expect(rules("client_secret: s3cr3t-value", true)).toEqual(["password"]);
    expect(rules(`client_secret: ${ref("var.client_secret")}`, true)).toEqual([]);
    expect(rules("secret:", true)).toEqual([]);
  });

  it("flags connection strings with a password even on loopback", () => {
    expect(rules('const url = "postgres://app:pa55word@127.0.0.1:5432/app";')).toEqual(["connection-string"]);
    // A URL assembled from variables carries no literal value.
    expect(rules(`const url = \`postgres://${ref("user")}@${ref("host")}/db\`;`)).toEqual([]);
    expect(rules('const jdbc = "jdbc:postgresql://db.acme.internal:5432/app";')).toEqual([
      "connection-string",
    ]);
  });
});
