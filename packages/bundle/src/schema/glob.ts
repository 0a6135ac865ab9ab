import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

function segmentPattern(segment: string): RegExp {
  const escaped = segment
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, "[^/]*")
    .replace(/\?/g, "[^/]");
  return new RegExp(`^${escaped}$`);
}

/**
 * Expands a bundle `include` glob (`resources/*.yml`, `targets/**\/*.yml`) relative to `base`, sorted.
 * Node 20 has no fs.glob, and the patterns bundles use are simple, so this covers `*`, `?` and `**`.
 */
export function expandGlob(base: string, pattern: string): string[] {
  const parts = pattern.split("/").filter((part) => part !== "" && part !== ".");
  const found: string[] = [];
  const walk = (dir: string, index: number): void => {
    if (index === parts.length) {
      if (existsSync(dir) && statSync(dir).isFile()) found.push(dir);
      return;
    }
    const part = parts[index]!;
    if (part === "**") {
      walk(dir, index + 1);
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name), index);
      }
      return;
    }
    if (!/[*?]/.test(part)) {
      const next = join(dir, part);
      if (existsSync(next)) walk(next, index + 1);
      return;
    }
    const regex = segmentPattern(part);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (regex.test(entry.name)) walk(join(dir, entry.name), index + 1);
    }
  };
  if (existsSync(base)) walk(base, 0);
  return [...new Set(found)].sort((a, b) => relative(base, a).localeCompare(relative(base, b)));
}
