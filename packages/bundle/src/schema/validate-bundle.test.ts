import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scratchDir } from "../testing/scratch-dir.ts";
import { loadBundleSchema } from "./schema-source.ts";
import { formatProblem, validateBundleFile } from "./validate-bundle.ts";

const repoRoot = resolve(import.meta.dirname, "../../../..");
const example = join(repoRoot, "..", "shared", "databricks", "example.databricks.yml");
let schema: Record<string, unknown>;

beforeAll(() => {
  schema = loadBundleSchema({ repoRoot, useCli: false }).schema;
});

function bundleDir(main: string, includes: Record<string, string> = {}): string {
  const dir = scratchDir("bundle-schema-");
  writeFileSync(join(dir, "databricks.yml"), main);
  for (const [name, text] of Object.entries(includes)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe("validateBundleFile", () => {
  it("accepts the shared example bundle", () => {
    const dir = bundleDir("");
    copyFileSync(example, join(dir, "databricks.yml"));
    mkdirSync(join(dir, "resources"));
    writeFileSync(join(dir, "resources", "empty.yml"), "{}\n");
    expect(validateBundleFile(join(dir, "databricks.yml"), schema).problems).toEqual([]);
  });

  it("rejects valueFrom in inline app config and names the line", () => {
    const text = readFileSync(example, "utf8").replace("value_from: postgres", "valueFrom: postgres");
    const dir = bundleDir(text.replace("include:\n  - resources/*.yml\n", ""));
    const { problems } = validateBundleFile(join(dir, "databricks.yml"), schema);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('unknown key "valueFrom"');
    const line =
      text
        .replace("include:\n  - resources/*.yml\n", "")
        .split("\n")
        .findIndex((l) => l.includes("valueFrom")) + 1;
    expect(problems[0]?.line).toBe(line);
  });

  it("rejects an unknown permission and lists the allowed ones", () => {
    const text = readFileSync(example, "utf8")
      .replace("include:\n  - resources/*.yml\n", "")
      .replace("permission: CAN_USE", "permission: CAN_READ_EVERYTHING");
    const { problems } = validateBundleFile(join(bundleDir(text), "databricks.yml"), schema);
    expect(problems.map((p) => p.path)).toEqual([
      "resources.apps.opsapp.resources[1].sql_warehouse.permission",
    ]);
    expect(problems[0]?.message).toContain('"CAN_USE"');
  });

  it("validates included files merged with the root and reports the included file", () => {
    const main = "bundle:\n  name: demo\ninclude:\n  - resources/*.yml\n";
    const app = [
      "resources:",
      "  apps:",
      "    demo:",
      "      name: demo-app",
      "      source_code_path: ./app",
      "      resources:",
      "        - name: postgres",
      "          postgres:",
      "            branch: projects/p/branches/b",
      "            database: projects/p/branches/b/databases/d",
      "            permission: CAN_CONNECT_AND_CREATE",
      "            instance: nope",
      "",
    ].join("\n");
    const dir = bundleDir(main, { "resources/app.yml": app });
    const { problems } = validateBundleFile(join(dir, "databricks.yml"), schema);
    expect(problems.map((p) => formatProblem(p, dir))).toEqual([
      'resources/app.yml:12: resources.apps.demo.resources[0].postgres.instance: unknown key "instance": not allowed here (check the spelling; databricks.yml uses snake_case, e.g. value_from)',
    ]);
  });

  it("reports an include that matches nothing and a key set twice", () => {
    const main = "bundle:\n  name: demo\ninclude:\n  - resources/*.yml\n  - missing/*.yml\n";
    const dir = bundleDir(main, { "resources/a.yml": "bundle:\n  name: other\n" });
    const messages = validateBundleFile(join(dir, "databricks.yml"), schema).problems.map((p) => p.message);
    expect(messages).toEqual([
      expect.stringContaining("bundle.name is also set in databricks.yml"),
      'include "missing/*.yml" matches no file: fix the glob or remove it',
    ]);
  });
});
