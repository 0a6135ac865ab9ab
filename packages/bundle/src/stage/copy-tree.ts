import { cpSync, existsSync, lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { join, sep } from "node:path";

export interface CopyTreeOptions {
  /** Leave out `node_modules/.pnpm` (rebuilt separately as plain folders). */
  skipStore?: boolean;
  /** Leave out symlinks (each is copied on its own from where it points). */
  skipLinks?: boolean;
}

const isStore = (path: string) => path.endsWith(`${sep}node_modules${sep}.pnpm`);

/** Counts the files a copy will write (links followed, the pnpm store optionally left out). */
export function countFiles(dir: string, options: { skipStore?: boolean } = {}): number {
  let count = 0;
  // Only the current chain of folders guards against link cycles: a folder linked twice is copied twice.
  const walk = (current: string, ancestors: ReadonlySet<string>) => {
    const real = realpathSync(current);
    if (ancestors.has(real)) return;
    const chain = new Set(ancestors).add(real);
    for (const entry of readdirSync(current)) {
      const path = join(current, entry);
      if (options.skipStore && isStore(path)) continue;
      const stats = statSync(path, { throwIfNoEntry: false });
      if (!stats) continue;
      if (stats.isDirectory()) walk(path, chain);
      else count++;
    }
  };
  if (existsSync(dir)) walk(dir, new Set());
  return count;
}

/** Copies a tree with links replaced by what they point to (or left out), reporting each file written. */
export function copyTree(from: string, to: string, options: CopyTreeOptions, onFile: () => void): void {
  cpSync(from, to, {
    recursive: true,
    dereference: true,
    filter: (source) => {
      if (options.skipStore && isStore(source)) return false;
      if (options.skipLinks && source !== from && lstatSync(source).isSymbolicLink()) return false;
      const stats = statSync(source, { throwIfNoEntry: false });
      if (stats && !stats.isDirectory()) onFile();
      return true;
    },
  });
}
