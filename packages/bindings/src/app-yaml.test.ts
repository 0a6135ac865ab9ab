import { describe, expect, it } from "vitest";
import {
  fromBundleAppConfig,
  generateAppYaml,
  parseAppYaml,
  toBundleAppConfig,
  validateAppYaml,
} from "./app-yaml.ts";
import { type AppYaml, AppYamlError } from "./app-yaml-schema.ts";
import { defineAppEnv } from "./define-app-env.ts";

const hubYaml = `command: ["npm", "run", "start"]
env:
  - name: LAKEBASE_ENDPOINT
    valueFrom: postgres
  - name: WAREHOUSE_ID
    valueFrom: "sql_warehouse"
  - name: PAGE_SIZE
    value: "50"
`;

function problemsOf(text: string): string[] {
  try {
    parseAppYaml(text, { file: "bundles/hub/app.yaml" });
  } catch (error) {
    expect(error).toBeInstanceOf(AppYamlError);
    expect((error as Error).message).toMatch(/^bundles\/hub\/app\.yaml is not valid:/);
    return (error as AppYamlError).problems.map((problem) => `${problem.path}: ${problem.message}`);
  }
  throw new Error("expected parseAppYaml to reject the file");
}

describe("parseAppYaml", () => {
  it("reads command and env", () => {
    expect(parseAppYaml(hubYaml)).toEqual({
      command: ["npm", "run", "start"],
      env: [
        { name: "LAKEBASE_ENDPOINT", valueFrom: "postgres" },
        { name: "WAREHOUSE_ID", valueFrom: "sql_warehouse" },
        { name: "PAGE_SIZE", value: "50" },
      ],
    });
  });

  it("accepts a file without env, and an empty env", () => {
    expect(parseAppYaml("command: [node, server.js]").env).toEqual([]);
    expect(parseAppYaml("command: [node, server.js]\nenv:\n").env).toEqual([]);
  });

  it.each([
    [
      "a string command",
      "command: npm run start",
      /command: command must be a sequence, not a string: .*command: \["npm", "run", "start"\]/,
    ],
    ["a missing command", "env: []", /command: command is required/],
    ["an empty command", "command: []", /command: command must not be empty/],
    [
      "a number in command",
      "command: [node, 8000]",
      /command\[1\]: each command item must be a string: quote it \("8000"\)/,
    ],
    [
      "the nested valueFrom form",
      "command: [x]\nenv:\n  - name: DB\n    valueFrom:\n      resource: database",
      /env\[0\]\.valueFrom: valueFrom must be the resource key as a plain string .*nested form \{resource: …\}/,
    ],
    [
      "an empty valueFrom",
      'command: [x]\nenv:\n  - name: DB\n    valueFrom: ""',
      /env\[0\]\.valueFrom: valueFrom must not be empty/,
    ],
    [
      "both value and valueFrom",
      "command: [x]\nenv:\n  - name: A\n    value: a\n    valueFrom: b",
      /env\[0\]: A has both value and valueFrom/,
    ],
    [
      "neither value nor valueFrom",
      "command: [x]\nenv:\n  - name: A",
      /env\[0\]: A needs value .* or valueFrom/,
    ],
    [
      "an unquoted number value",
      "command: [x]\nenv:\n  - name: PORT\n    value: 8000",
      /env\[0\]\.value: value must be a string: quote it \(value: "8000"\)/,
    ],
    [
      "an unquoted boolean value",
      "command: [x]\nenv:\n  - name: ON\n    value: true",
      /quote it \(value: "true"\)/,
    ],
    [
      "the bundle spelling value_from",
      "command: [x]\nenv:\n  - name: A\n    value_from: b",
      /env\[0\]: value_from is the databricks\.yml spelling; app\.yaml uses valueFrom/,
    ],
    [
      "an unknown env key",
      "command: [x]\nenv:\n  - name: A\n    value: b\n    secret: c",
      /env\[0\]: unknown key\(s\) secret/,
    ],
    [
      "a bad variable name",
      "command: [x]\nenv:\n  - name: 9LIVES\n    value: b",
      /env\[0\]\.name: name must be an environment variable name/,
    ],
    [
      "a duplicate name",
      "command: [x]\nenv:\n  - name: A\n    value: a\n  - name: A\n    value: b",
      /env\[1\]\.name: A is set more than once/,
    ],
    [
      "an unknown top-level key",
      "command: [x]\nresources: []",
      /: unknown key\(s\) resources: only command and env are allowed/,
    ],
    ["env as a mapping", "command: [x]\nenv:\n  A: b", /env: env must be a sequence/],
    ["a YAML syntax error", "command: [x\n", /line \d+, column \d+: YAML syntax error/],
    ["a sequence document", "- a\n- b", /expected a mapping with `command` and `env`/],
    ["an empty document", "", /expected a mapping/],
  ])("rejects %s", (_case, text, message) => {
    expect(problemsOf(text).join("\n")).toMatch(message);
  });

  it("reports every problem at once", () => {
    expect(problemsOf("command: npm start\nenv:\n  - name: A\n  - name: B\n    value: 1")).toHaveLength(3);
  });
});

describe("generateAppYaml", () => {
  const model: AppYaml = {
    command: ["npx", "next", "start", "-p", "8000"],
    env: [
      { name: "LAKEBASE_ENDPOINT", valueFrom: "postgres" },
      { name: "PAGE_SIZE", value: "50" },
      { name: "FLAG", value: "true" },
      { name: "EMPTY", value: "" },
      { name: "NOTE", value: "a: colon # and hash" },
    ],
  };

  it("round-trips through parseAppYaml", () => {
    expect(parseAppYaml(generateAppYaml(model))).toEqual(model);
    const again = parseAppYaml(generateAppYaml(parseAppYaml(hubYaml)));
    expect(again).toEqual(parseAppYaml(hubYaml));
  });

  it("writes command as a sequence and keeps number-like values strings", () => {
    const text = generateAppYaml(model);
    expect(text).toContain("command:\n  - npx\n  - next\n");
    expect(text).toContain('value: "50"');
    expect(text).toContain('value: "true"');
  });

  it("is stable: same model, same bytes; key order fixed", () => {
    const shuffled: AppYaml = {
      env: [{ valueFrom: "postgres", name: "LAKEBASE_ENDPOINT" }],
      command: ["node"],
    } as AppYaml;
    expect(generateAppYaml(shuffled)).toBe(
      "command:\n  - node\nenv:\n  - name: LAKEBASE_ENDPOINT\n    valueFrom: postgres\n",
    );
    expect(generateAppYaml(model)).toBe(generateAppYaml(structuredClone(model)));
  });

  it("puts a header comment first", () => {
    expect(
      generateAppYaml({ command: ["node"], env: [] }, { header: "Generated by appbase.\nDo not edit." }),
    ).toMatch(/^# Generated by appbase\.\n# Do not edit\.\n/);
  });

  it("refuses to write an invalid model", () => {
    expect(() => generateAppYaml({ command: [], env: [] })).toThrow(/command must not be empty/);
    expect(() =>
      generateAppYaml({ command: ["x"], env: [{ name: "A", value: "1", valueFrom: "r" }] }),
    ).toThrow(/both value and valueFrom/);
  });

  it("can be generated from an app env declaration", () => {
    const appEnv = defineAppEnv({
      bindings: { LAKEBASE_ENDPOINT: { resource: "postgres", type: "postgres", description: "state" } },
      values: { PAGE_SIZE: { default: "50" } },
    });
    const text = generateAppYaml({ command: ["npm", "run", "start"], env: appEnv.appYamlEnv() });
    expect(text).not.toMatch(/PGHOST|PGUSER|PGDATABASE|PGPORT|PGSSLMODE|PGAPPNAME|PGPASSWORD/);
    expect(
      validateAppYaml(parseAppYaml(text), { resourceKeys: ["postgres"], expectedEnv: appEnv.appYamlEnv() }),
    ).toEqual([]);
  });
});

describe("validateAppYaml", () => {
  const appYaml = parseAppYaml(hubYaml);

  it("accepts valueFrom keys the app has", () => {
    expect(validateAppYaml(appYaml, { resourceKeys: ["postgres", "sql_warehouse"] })).toEqual([]);
  });

  it("names a valueFrom key the app lacks and lists the ones it has", () => {
    expect(validateAppYaml(appYaml, { resourceKeys: ["postgres"] })).toEqual([
      {
        path: "env[1].valueFrom",
        message: expect.stringMatching(
          /^WAREHOUSE_ID reads resource `sql_warehouse`, which the app does not have \(its resources: postgres\)/,
        ),
      },
    ]);
  });

  it.each(["PGHOST", "PGUSER", "PGDATABASE", "PGPORT", "PGSSLMODE", "PGAPPNAME", "DATABRICKS_HOST"])(
    "rejects the injected variable %s",
    (name) => {
      const withInjected = { ...appYaml, env: [...appYaml.env, { name, value: "x" }] };
      expect(validateAppYaml(withInjected, { resourceKeys: ["postgres", "sql_warehouse"] })).toEqual([
        { path: "env[3]", message: `${name} is injected by Databricks Apps: remove it from app.yaml` },
      ]);
    },
  );

  it("rejects PGPASSWORD outright", () => {
    const withPassword = { ...appYaml, env: [{ name: "PGPASSWORD", valueFrom: "secret" }] };
    expect(validateAppYaml(withPassword, { resourceKeys: ["secret"] })[0]?.message).toMatch(
      /must never be set/,
    );
  });

  it("checks the entries an app env declaration expects", () => {
    const expectedEnv = [
      { name: "LAKEBASE_ENDPOINT", valueFrom: "pg" },
      { name: "GENIE_SPACE_ID", valueFrom: "genie" },
      { name: "PAGE_SIZE", value: "10" },
    ];
    const problems = validateAppYaml(appYaml, { resourceKeys: ["postgres", "sql_warehouse"], expectedEnv });
    expect(problems.map((problem) => problem.message)).toEqual([
      "LAKEBASE_ENDPOINT must use `valueFrom: pg` (the app declares it as that resource)",
      "GENIE_SPACE_ID is missing: add `- name: GENIE_SPACE_ID / valueFrom: genie`",
    ]);
  });
});

describe("bundle inline config (value_from)", () => {
  it("converts app.yaml to snake case and back", () => {
    const appYaml = parseAppYaml(hubYaml);
    const config = toBundleAppConfig(appYaml);
    expect(config.env).toEqual([
      { name: "LAKEBASE_ENDPOINT", value_from: "postgres" },
      { name: "WAREHOUSE_ID", value_from: "sql_warehouse" },
      { name: "PAGE_SIZE", value: "50" },
    ]);
    expect(fromBundleAppConfig(config)).toEqual(appYaml);
  });

  it("rejects valueFrom in databricks.yml, as the CLI ignores it there", () => {
    expect(() =>
      fromBundleAppConfig(
        { command: ["x"], env: [{ name: "A", valueFrom: "postgres" }] },
        { file: "databricks.yml" },
      ),
    ).toThrow(/^databricks\.yml is not valid:\n- env\[0\]: use value_from in databricks\.yml/);
  });

  it("rejects a string command and the nested form there too", () => {
    expect(() =>
      fromBundleAppConfig({ command: "npm start", env: [{ name: "A", value_from: { resource: "x" } }] }),
    ).toThrow(/command must be a sequence[\s\S]*value_from must be the resource key as a plain string/);
  });
});
