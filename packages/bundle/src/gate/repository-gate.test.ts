import { basename, resolve } from "node:path";
import { kitFolders } from "@appbase/next-kit/kits";
import { describe, expect, it } from "vitest";
import { checkKit } from "./check-kit.ts";
import { formatViolation } from "./violation.ts";

const repoRoot = resolve(import.meta.dirname, "../../../..");

/** The kits under apps/ (each a folder with a kit.ts, found by the one discovery). */
function kits(): { kit: string; dir: string }[] {
  return kitFolders(repoRoot).map((dir) => ({ kit: basename(dir), dir }));
}

// CI's portability gate: what `appbase check` runs, over every kit in the repository.
describe("portability gate over the repository", () => {
  it.each(kits().map((kit) => [kit.kit, kit]))("%s passes", (_name, kit) => {
    expect(checkKit(repoRoot, kit).map((v) => formatViolation(v, repoRoot))).toEqual([]);
  });
});
