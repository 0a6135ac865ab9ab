import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { scratchDir } from "../testing/scratch-dir.ts";
import { planNodeModules } from "./flatten-node-modules.ts";

/** A pnpm-style standalone folder: packages in .pnpm/<id>/node_modules/<name>, dependencies as sibling links. */
function store(root: string, packages: Record<string, Record<string, string>>): void {
  for (const [id, deps] of Object.entries(packages)) {
    // pnpm spells a scoped package's store id with "+" (@swc+helpers@0.5.0).
    const name = id.slice(0, id.lastIndexOf("@")).replace("+", "/");
    const dir = join(root, "node_modules/.pnpm", id, "node_modules", name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({ name, version: id.slice(id.lastIndexOf("@") + 1) }),
    );
    for (const [dep, depId] of Object.entries(deps)) {
      const link = join(root, "node_modules/.pnpm", id, "node_modules", dep);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(
        relative(dirname(link), join(root, "node_modules/.pnpm", depId, "node_modules", dep)),
        link,
      );
    }
  }
}

function link(root: string, from: string, id: string, name: string): void {
  const path = join(root, from);
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(relative(dirname(path), join(root, "node_modules/.pnpm", id, "node_modules", name)), path);
}

describe("planNodeModules", () => {
  it("copies every link, hoists dependencies and nests a second version where Node will look for it", () => {
    const root = scratchDir("flatten-");
    store(root, {
      "next@16.0.0": { "@swc/helpers": "@swc+helpers@0.5.0", semver: "semver@7.0.0" },
      "pg@8.0.0": { "pg-pool": "pg-pool@3.0.0" },
      "pg-pool@3.0.0": {},
      "@swc+helpers@0.5.0": {},
      "semver@7.0.0": {},
      "sharp@0.35.0": { semver: "semver@6.0.0" },
      "semver@6.0.0": {},
    });
    link(root, "apps/kit/node_modules/next", "next@16.0.0", "next");
    link(root, "apps/kit/.next/node_modules/pg-abc123", "pg@8.0.0", "pg");
    link(root, "apps/kit/node_modules/sharp", "sharp@0.35.0", "sharp");
    const plan = Object.fromEntries(
      planNodeModules(root).map((copy) => [copy.to, relative(root, copy.from)]),
    );
    expect(plan).toEqual({
      "apps/kit/node_modules/next": "node_modules/.pnpm/next@16.0.0/node_modules/next",
      "apps/kit/.next/node_modules/pg-abc123": "node_modules/.pnpm/pg@8.0.0/node_modules/pg",
      "apps/kit/node_modules/sharp": "node_modules/.pnpm/sharp@0.35.0/node_modules/sharp",
      "node_modules/@swc/helpers": "node_modules/.pnpm/@swc+helpers@0.5.0/node_modules/@swc/helpers",
      "node_modules/semver": "node_modules/.pnpm/semver@7.0.0/node_modules/semver",
      "node_modules/pg-pool": "node_modules/.pnpm/pg-pool@3.0.0/node_modules/pg-pool",
      "apps/kit/node_modules/sharp/node_modules/semver":
        "node_modules/.pnpm/semver@6.0.0/node_modules/semver",
    });
  });
});
