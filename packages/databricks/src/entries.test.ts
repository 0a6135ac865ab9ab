import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));

/** Every source file an entry reaches through relative imports. */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/from\s+["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(join(dirname(file), match[1] as string));
    }
  };
  visit(join(here, entry));
  return [...seen].map((file) => relative(here, file));
}

describe("entries", () => {
  it("the root entry (what kits import in product code) reaches neither the local workspace nor the fakes", () => {
    const files = reachable("index.ts");
    expect(files).toContain("clients/genie.ts");
    expect(files.filter((f) => f.startsWith("local-workspace/") || f.startsWith("testing/"))).toEqual([]);
  });

  it("the local-workspace entry (the rehearsal's) does not reach the testing entry", () => {
    const files = reachable("local-workspace/index.ts");
    expect(files).toContain("local-workspace/server.ts");
    expect(files.filter((f) => f.startsWith("testing/"))).toEqual([]);
  });
});
