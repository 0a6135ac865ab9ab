import { cpSync, existsSync, lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";

/** Counts the files under a folder, following symlinks the way the copy will. */
export function countFiles(dir: string): number {
  let count = 0;
  const seen = new Set<string>();
  const walk = (current: string) => {
    const real = realpathSync(current);
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of readdirSync(current)) {
      const path = join(current, entry);
      const stats = statSync(path, { throwIfNoEntry: false });
      if (!stats) continue;
      if (stats.isDirectory()) walk(path);
      else count++;
    }
  };
  if (existsSync(dir)) walk(dir);
  return count;
}

/**
 * Copies a tree with every symlink replaced by what it points to: pnpm's standalone output links into
 * `.pnpm`, and a workspace upload does not keep links. Reports each file copied.
 */
export function copyTreeDereferenced(from: string, to: string, onFile: () => void): void {
  cpSync(from, to, {
    recursive: true,
    dereference: true,
    filter: (source) => {
      const stats = lstatSync(source, { throwIfNoEntry: false });
      if (stats && !stats.isDirectory()) onFile();
      return true;
    },
  });
}
