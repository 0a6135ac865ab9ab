import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { skeletonFiles } from "./skeleton-files.ts";

const repoRoot = resolve(import.meta.dirname, "../../../..");

// customer-hub's skeleton has nothing kit-specific beyond its id; agent-ops adds a worker to its
// server, native packages to its next.config and queue metrics to its instrumentation, and shares the rest.
const KIT_SPECIFIC: Record<string, readonly string[]> = {
  "customer-hub": [],
  "agent-ops": ["src/server/kit.ts", "next.config.ts", "src/instrumentation.ts"],
};

describe.each(Object.entries(KIT_SPECIFIC))("the scaffold's skeleton is %s's", (kit, own) => {
  const files = Object.entries(skeletonFiles({ kit })).filter(([path]) => !own.includes(path));
  it.each(files)("%s", (path, text) => {
    expect(text).toBe(readFileSync(join(repoRoot, "apps", kit, path), "utf8"));
  });
});
