import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseAppYaml } from "@appbase/bindings";
import type { KitDefinition } from "@appbase/next-kit/define-kit";
import { generateDrizzleJson } from "drizzle-kit/api";
import { beforeAll, describe, expect, it } from "vitest";
import { checkKit } from "../gate/check-kit.ts";
import { formatViolation } from "../gate/violation.ts";
import { validateKitBundle } from "../repository.ts";
import { loadBundleSchema } from "../schema/schema-source.ts";
import { scratchDir } from "../testing/scratch-dir.ts";
import { kitNames } from "./kit-names.ts";
import { scaffoldKit, starterKit } from "./scaffold-kit.ts";

const repoRoot = resolve(import.meta.dirname, "../../../..");
let schema: Record<string, unknown>;
beforeAll(() => {
  schema = loadBundleSchema({ repoRoot, useCli: false }).schema;
});

/** A scratch repository that sees the real workspace packages, with the new kit scaffolded into it. */
async function scaffolded(kit: string): Promise<string> {
  const root = scratchDir("new-kit-");
  writeFileSync(join(root, "pnpm-workspace.yaml"), "packages: [apps/*, packages/*, bundles/*]\n");
  symlinkSync(join(repoRoot, "packages"), join(root, "packages"));
  mkdirSync(join(root, "node_modules", "@appbase"), { recursive: true });
  for (const name of ["bindings", "bundle", "grants", "db", "next-kit", "ui"]) {
    symlinkSync(join(repoRoot, "packages", name), join(root, "node_modules", "@appbase", name));
  }
  symlinkSync(
    join(repoRoot, "packages/bundle/node_modules/drizzle-orm"),
    join(root, "node_modules/drizzle-orm"),
  );
  await scaffoldKit({ repoRoot: root, kit, usedPorts: [3101, 3102], now: 1_795_000_000_000 });
  // What `pnpm install` does for the new workspace package.
  symlinkSync(join(root, "apps", kit), join(root, "node_modules", "@appbase", kit));
  return root;
}

describe("appbase new kit", () => {
  it("scaffolds a kit that passes the portability gate", async () => {
    const root = await scaffolded("field-service");
    expect(
      checkKit(root, { kit: "field-service", dir: join(root, "apps/field-service") }).map((v) =>
        formatViolation(v, root),
      ),
    ).toEqual([]);
  });

  it("scaffolds a bundle that passes the schema and matches its bundle.ts declaration", async () => {
    const root = await scaffolded("field-service");
    const report = await validateKitBundle(root, "field-service", schema);
    expect(report.problems).toEqual([]);
    expect(report.drift).toEqual([]);
  });

  it("writes a kit.ts that declares what the scaffold rendered the bundle from", async () => {
    const root = await scaffolded("field-service");
    const kit = (await import(pathToFileURL(join(root, "apps/field-service/kit.ts")).href))
      .default as KitDefinition;
    const expected = starterKit(kitNames("field-service", { usedPorts: [3101, 3102] }));
    expect({ ...kit, appEnv: kit.appEnv.declaration, schema: kit.schemaName }).toEqual({
      ...expected,
      appEnv: expected.appEnv.declaration,
      schema: expected.schemaName,
    });
    expect(kit).toMatchObject({
      id: "field-service",
      title: "Field Service",
      port: 3103,
      schemaName: "field_service",
    });
    const appYaml = parseAppYaml(readFileSync(join(root, "bundles/field-service/app.yaml"), "utf8"));
    expect(appYaml).toEqual({
      command: ["node", "start.mjs"],
      env: [{ name: "LAKEBASE_ENDPOINT", valueFrom: "postgres" }],
    });
  });

  it("writes the drizzle-kit migration of the drizzle table it declares", async () => {
    const root = await scaffolded("field-service");
    const schema = await import(pathToFileURL(join(root, "apps/field-service/src/db/schema/index.ts")).href);
    const snapshot = JSON.parse(
      readFileSync(join(root, "apps/field-service/drizzle/meta/0000_snapshot.json"), "utf8"),
    );
    expect(generateDrizzleJson(schema, snapshot.prevId, ["field_service"]).tables).toEqual(snapshot.tables);
    expect(readFileSync(join(root, "apps/field-service/drizzle/0000_initial.sql"), "utf8")).toContain(
      'CREATE TABLE "field_service"."items"',
    );
    const journal = JSON.parse(
      readFileSync(join(root, "apps/field-service/drizzle/meta/_journal.json"), "utf8"),
    );
    expect(journal.entries.map((e: { tag: string }) => e.tag)).toEqual(["0000_initial"]);
  });

  it("writes every skeleton file, the matrix in kit.ts's src and one wrapped action with its test", async () => {
    const root = await scaffolded("field-service");
    const files = (await import("node:fs")).readdirSync(join(root, "apps/field-service"), {
      recursive: true,
    });
    expect(files).toEqual(
      expect.arrayContaining([
        "kit.ts",
        "src/server/kit.ts",
        "src/server/kit.test.ts",
        "src/actions/identity.ts",
        "src/actions/items.ts",
        "src/actions/items.test.ts",
        "src/matrix.ts",
        "src/app/layout.tsx",
        "src/app/error.tsx",
        "src/app/loading.tsx",
        "src/proxy.ts",
        "src/app/api/health/route.ts",
      ]),
    );
  });

  it("refuses an id that is not kebab-case or already taken", async () => {
    const root = await scaffolded("field-service");
    await expect(scaffoldKit({ repoRoot: root, kit: "Field_Service", usedPorts: [] })).rejects.toThrow(
      /must be kebab-case/,
    );
    await expect(scaffoldKit({ repoRoot: root, kit: "field-service", usedPorts: [] })).rejects.toThrow(
      /apps\/field-service already exists/,
    );
  });
});
