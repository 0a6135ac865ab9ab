import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseAppYaml } from "@appbase/bindings";
import { beforeAll, describe, expect, it } from "vitest";
import { checkKit } from "../gate/check-kit.ts";
import { formatViolation } from "../gate/violation.ts";
import { validateKitBundle } from "../repository.ts";
import { loadBundleSchema } from "../schema/schema-source.ts";
import { scratchDir } from "../testing/scratch-dir.ts";
import { scaffoldKit } from "./scaffold-kit.ts";

const repoRoot = resolve(import.meta.dirname, "../../../..");
let schema: Record<string, unknown>;
beforeAll(() => {
  schema = loadBundleSchema({ repoRoot, useCli: false }).schema;
});

/** A scratch repository that sees the real workspace packages, with the new kit scaffolded into it. */
function scaffolded(kit: string): string {
  const root = scratchDir("new-kit-");
  writeFileSync(join(root, "pnpm-workspace.yaml"), "packages: [apps/*, packages/*, bundles/*]\n");
  symlinkSync(join(repoRoot, "packages"), join(root, "packages"));
  mkdirSync(join(root, "node_modules", "@appbase"), { recursive: true });
  for (const name of ["bindings", "bundle", "grants", "db", "next-kit"]) {
    symlinkSync(join(repoRoot, "packages", name), join(root, "node_modules", "@appbase", name));
  }
  scaffoldKit({ repoRoot: root, kit, usedPorts: [3101, 3102], now: 1_795_000_000_000 });
  // What `pnpm install` does for the new workspace package.
  symlinkSync(join(root, "apps", kit), join(root, "node_modules", "@appbase", kit));
  return root;
}

describe("appbase new kit", () => {
  it("scaffolds a kit that passes the portability gate", () => {
    const root = scaffolded("field-service");
    expect(
      checkKit(root, { kit: "field-service", dir: join(root, "apps/field-service") }).map((v) =>
        formatViolation(v, root),
      ),
    ).toEqual([]);
  });

  it("scaffolds a bundle that passes the schema and matches its bundle.ts declaration", async () => {
    const root = scaffolded("field-service");
    const report = await validateKitBundle(root, "field-service", schema);
    expect(report.problems).toEqual([]);
    expect(report.drift).toEqual([]);
  });

  it("gives the kit its own port, schema and Lakebase binding", () => {
    const root = scaffolded("field-service");
    const manifest = JSON.parse(readFileSync(join(root, "apps/field-service/package.json"), "utf8"));
    expect(manifest.appbase).toEqual({
      kit: "field-service",
      title: "Field Service",
      port: 3103,
      schema: "field_service",
      migrations: "drizzle",
      health: "/api/health",
    });
    const appYaml = parseAppYaml(readFileSync(join(root, "bundles/field-service/app.yaml"), "utf8"));
    expect(appYaml).toEqual({
      command: ["node", "start.mjs"],
      env: [{ name: "LAKEBASE_ENDPOINT", valueFrom: "postgres" }],
    });
    expect(readFileSync(join(root, "apps/field-service/drizzle/0000_initial.sql"), "utf8")).toContain(
      'CREATE TABLE "field_service"."items"',
    );
  });

  it("refuses an id that is not kebab-case or already taken", () => {
    const root = scaffolded("field-service");
    expect(() => scaffoldKit({ repoRoot: root, kit: "Field_Service", usedPorts: [] })).toThrow(
      /must be kebab-case/,
    );
    expect(() => scaffoldKit({ repoRoot: root, kit: "field-service", usedPorts: [] })).toThrow(
      /apps\/field-service already exists/,
    );
  });
});
