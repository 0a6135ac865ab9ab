import { existsSync, lstatSync, readdirSync, realpathSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";

/** One copy the staged folder needs: a real folder or file (`from`, absolute) to `to` (relative to the output). */
export interface PlannedCopy {
  from: string;
  to: string;
}

const STORE = join("node_modules", ".pnpm");

/** Package entries of a node_modules folder, scoped ones as `@scope/name`. */
function entriesOf(modules: string): string[] {
  if (!existsSync(modules)) return [];
  return readdirSync(modules).flatMap((name) => {
    if (name.startsWith(".")) return [];
    if (name.startsWith("@")) return readdirSync(join(modules, name)).map((inner) => `${name}/${inner}`);
    return [name];
  });
}

/** The dependencies pnpm links next to a store package: its siblings in `.pnpm/<id>/node_modules`. */
function storeDependencies(real: string): Map<string, string> {
  const deps = new Map<string, string>();
  const marker = `${sep}.pnpm${sep}`;
  const at = real.indexOf(marker);
  if (at < 0) return deps;
  const idEnd = real.indexOf(`${sep}node_modules${sep}`, at + marker.length);
  if (idEnd < 0) return deps;
  const modules = real.slice(0, idEnd + `${sep}node_modules`.length);
  for (const name of entriesOf(modules)) {
    const path = join(modules, name);
    const target = realpathSync(path);
    if (target !== real) deps.set(name, target);
  }
  return deps;
}

function symlinksOutsideStore(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (relative(root, path) === STORE) continue;
      if (entry.isSymbolicLink()) found.push(path);
      else if (entry.isDirectory()) walk(path);
    }
  };
  walk(root);
  return found;
}

/**
 * Turns Next's standalone output for a pnpm workspace (packages in `node_modules/.pnpm`, reached through
 * symlinks) into a plan of plain folders Node resolves the same way: every link becomes a real copy,
 * each package's dependencies are placed where Node's lookup from that copy finds them (hoisted to the
 * top-level node_modules, or nested when another version already sits there). Workspace uploads do not
 * keep symlinks, so the staged folder must not need any.
 */
export function planNodeModules(standalone: string): PlannedCopy[] {
  const placed = new Map<string, string>(); // relative location → realpath
  const queue: string[] = [];
  const place = (location: string, real: string) => {
    placed.set(location, real);
    queue.push(location);
  };
  for (const link of symlinksOutsideStore(standalone)) {
    place(relative(standalone, link), realpathSync(link));
  }
  const visible = (from: string, name: string): string | undefined => {
    let dir = from;
    for (;;) {
      const candidate = join(dir, "node_modules", name);
      const hit = placed.get(candidate);
      if (hit) return hit;
      if (dir === "." || dir === "") return undefined;
      const parent = dirname(dir);
      dir = parent === dir ? "." : parent;
    }
  };
  while (queue.length > 0) {
    const location = queue.shift() as string;
    const real = placed.get(location) as string;
    if (!lstatSync(real).isDirectory()) continue;
    for (const [name, dependency] of storeDependencies(real)) {
      const seen = visible(location, name);
      if (seen === dependency) continue;
      // Nothing by that name is visible: hoist to the top. Another version is: nest it under this package.
      place(
        seen === undefined ? join("node_modules", name) : join(location, "node_modules", name),
        dependency,
      );
    }
  }
  return [...placed].map(([to, from]) => ({ from, to }));
}
