import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkKit } from "./check-kit.ts";
import { formatViolation } from "./violation.ts";

const repoRoot = resolve(import.meta.dirname, "../../../..");

/** The kits under apps/: folders whose package.json carries an `appbase` manifest. */
function kits(): { kit: string; dir: string }[] {
  const apps = join(repoRoot, "apps");
  if (!existsSync(apps)) return [];
  return readdirSync(apps)
    .map((name) => join(apps, name))
    .filter((dir) => existsSync(join(dir, "package.json")))
    .flatMap((dir) => {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
        appbase?: { kit?: string };
      };
      return pkg.appbase?.kit ? [{ kit: pkg.appbase.kit, dir }] : [];
    });
}

// CI's portability gate: what `appbase check` runs, over every kit in the repository.
describe("portability gate over the repository", () => {
  it.each(kits().map((kit) => [kit.kit, kit]))("%s passes", (_name, kit) => {
    expect(checkKit(repoRoot, kit).map((v) => formatViolation(v, repoRoot))).toEqual([]);
  });
});
