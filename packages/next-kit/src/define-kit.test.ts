import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineAppEnv } from "@appbase/bindings";
import { pgSchema } from "drizzle-orm/pg-core";
import { afterAll, describe, expect, it } from "vitest";
import { defineKit, isKitDefinition, type KitDeclaration, KitDeclarationError } from "./define-kit.ts";
import { discoverKits } from "./discover-kits.ts";
import { sampleMatrix } from "./testing/sample-matrix.ts";

const declaration: KitDeclaration<
  "customer.read" | "note.write",
  "viewer" | "account-manager" | "team-lead"
> = {
  id: "customer-hub",
  title: "Sample Hub",
  description: "A kit for tests.",
  port: 3990,
  schema: pgSchema("sample_hub"),
  matrix: sampleMatrix,
  appEnv: defineAppEnv({ bindings: {} }),
  localUsers: [{ id: "vic", email: "vic@example.com", displayName: "Vic", groups: ["customer-hub-viewers"] }],
  nav: [{ href: "/customers", label: "Customers" }],
  servedTables: [],
};

describe("defineKit", () => {
  it("returns the declaration with its home page and schema name, marked as a kit", () => {
    const kit = defineKit(declaration);
    expect(kit).toMatchObject({ id: "customer-hub", home: "/customers", schemaName: "sample_hub" });
    expect(isKitDefinition(kit)).toBe(true);
    expect(isKitDefinition({ ...kit })).toBe(false);
  });

  it.each([
    [{ id: "Sample Hub" }, /id: write the kit id in kebab-case/],
    [{ port: 80 }, /port:/],
    [{ title: " " }, /title: give the kit a title/],
    [{ nav: [] }, /nav: give the shell at least one navigation link/],
    [{ id: "other-kit" }, /matrix: it declares kit "customer-hub"; write kit: "other-kit"/],
    [
      { localUsers: [{ id: "x", email: "x@example.com", displayName: "X", groups: ["nobody"] }] },
      /localUsers\.x: group\(s\) nobody are not in the matrix's groups/,
    ],
  ])("refuses %j, naming the field", (change, message) => {
    expect(() => defineKit({ ...declaration, ...change } as typeof declaration)).toThrow(KitDeclarationError);
    expect(() => defineKit({ ...declaration, ...change } as typeof declaration)).toThrow(message);
  });
});

const fixtureModule = fileURLToPath(new URL("./testing/fixture-kit.ts", import.meta.url));
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A repository whose apps/<folder>/kit.ts has the given body after the imports. */
function repoWith(kits: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "discover-kits-"));
  roots.push(root);
  for (const [folder, body] of Object.entries(kits)) {
    mkdirSync(join(root, "apps", folder), { recursive: true });
    writeFileSync(
      join(root, "apps", folder, "kit.ts"),
      `import { fixtureKit } from ${JSON.stringify(fixtureModule)};\n${body}\n`,
    );
  }
  mkdirSync(join(root, "apps", "not-a-kit"), { recursive: true });
  return root;
}

describe("discoverKits", () => {
  it("finds every apps/<kit>/kit.ts, sorted by port, with its folder and migrations", async () => {
    const root = repoWith({
      "kit-b": 'export default fixtureKit("kit-b", 3991);',
      "kit-a": 'export default fixtureKit("kit-a", 3992);',
    });
    const kits = await discoverKits(root);
    expect(kits.map((k) => [k.id, k.dir, k.migrationsFolder, k.health])).toEqual([
      ["kit-b", join(root, "apps/kit-b"), join(root, "apps/kit-b/drizzle"), "/api/health"],
      ["kit-a", join(root, "apps/kit-a"), join(root, "apps/kit-a/drizzle"), "/api/health"],
    ]);
  });

  it.each([
    [
      "a kit.ts without defineKit",
      { "customer-hub": "export default { id: 'customer-hub' };" },
      /must `export default defineKit/,
    ],
    [
      "an id that is not its folder",
      { elsewhere: 'export default fixtureKit("customer-hub", 3991);' },
      /declares id "customer-hub" but lives in apps\/elsewhere/,
    ],
    [
      "a kit.ts that does not load",
      { "customer-hub": "throw new Error('boom');" },
      /Could not import .*kit\.ts: boom/,
    ],
    [
      "two kits on one port",
      {
        "kit-a": 'export default fixtureKit("kit-a", 3991);',
        "kit-b": 'export default fixtureKit("kit-b", 3991);',
      },
      /Kits kit-a and kit-b both declare port 3991/,
    ],
  ])("refuses %s, naming the file", async (_name, kits, message) => {
    await expect(discoverKits(repoWith(kits))).rejects.toThrow(message);
  });
});
