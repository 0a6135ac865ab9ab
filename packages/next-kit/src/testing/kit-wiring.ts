// The checks every kit runs on its own wiring (src/server/kit.test.ts), so no kit carries a copy:
// every server action and route handler is wrapped, and the matrix declares exactly the permissions
// the kit enforces, the proxy sees what it guards, and pages stream behind the shared loading boundary.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { wrappedInfo } from "../action/registry.ts";
import type { KitDefinition } from "../define-kit.ts";
import { KIT_PROXY_MATCHER, kitProxy } from "../proxy/request-guard.ts";

// Route handlers other tools call: the health route is public on purpose (orchestrator and Apps probe
// it), and the entity-link route only redirects to a page, which checks the viewer's permission itself.
const PUBLIC_ROUTES = new Set(["api/health/route.ts", "go/[entity]/[id]/route.ts"]);
// `can(identity, "perm")` and `pageViewer("perm", …)` in pages and components; the wrapper's checks
// are read from the modules.
const PERMISSION = '"([a-z][a-z0-9_-]*(?:\\.[a-z][a-z0-9_-]*)+)"';
const PERMISSION_CHECK = new RegExp(
  `\\bcan\\(\\s*[\\w.?]+\\s*,\\s*${PERMISSION}\\s*\\)|\\bpageViewer\\(\\s*${PERMISSION}`,
  "g",
);

const isSource = (file: string) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file);
const filesUnder = (dir: string) =>
  (readdirSync(dir, { recursive: true }) as string[]).filter(isSource).map((f) => join(dir, f));

/** Modules under src/actions marked "use server": each is a set of server actions. */
export function actionModules(srcDir: string): string[] {
  return filesUnder(join(srcDir, "actions")).filter((file) =>
    /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(readFileSync(file, "utf8")),
  );
}

/** Route handler modules under src/app, except the public ones. */
export function routeModules(srcDir: string): string[] {
  const appDir = join(srcDir, "app");
  return filesUnder(appDir).filter(
    (file) => file.endsWith("route.ts") && !PUBLIC_ROUTES.has(file.slice(appDir.length + 1)),
  );
}

async function exportsOf(file: string): Promise<[string, unknown][]> {
  return Object.entries((await import(pathToFileURL(file).href)) as Record<string, unknown>);
}

/**
 * The permissions a kit enforces: those its wrapped actions and routes check, its `can(…, "perm")`
 * calls, and the permissions that unmask its column rules.
 */
export async function enforcedPermissions(kit: KitDefinition, srcDir: string): Promise<Set<string>> {
  const found = new Set<string>();
  for (const file of [...actionModules(srcDir), ...routeModules(srcDir)])
    for (const [, value] of await exportsOf(file)) {
      const permission = wrappedInfo(value)?.permission;
      if (permission) found.add(permission);
    }
  for (const file of filesUnder(srcDir))
    for (const match of readFileSync(file, "utf8").matchAll(PERMISSION_CHECK))
      found.add((match[1] ?? match[2]) as string);
  for (const rules of Object.values(kit.matrix.columnRules))
    for (const rule of Object.values(rules)) found.add(rule.unmaskedWith);
  for (const rule of Object.values(kit.matrix.rowRules)) for (const p of rule.seeAllWith) found.add(p);
  return found;
}

/**
 * Registers the wiring tests of one kit. Call from the kit's src/server/kit.test.ts, after
 * `vi.mock("next/cache", …)` (action modules import it; it works only inside a Next request).
 */
export function describeKitWiring(kit: KitDefinition, srcUrl: URL): void {
  const srcDir = fileURLToPath(srcUrl);

  describe(`${kit.id}: every server action goes through the one wrapper`, () => {
    it.each(actionModules(srcDir).map((f) => [f.slice(srcDir.length), f]))("%s", async (_name, file) => {
      const exports = await exportsOf(file);
      expect(exports.length).toBeGreaterThan(0);
      for (const [name, value] of exports)
        expect(wrappedInfo(value), `${file} exports ${name} without defineAction`).toBeDefined();
    });
  });

  const routes = routeModules(srcDir);
  if (routes.length > 0)
    describe(`${kit.id}: every route handler goes through the one wrapper`, () => {
      it.each(routes.map((f) => [f.slice(srcDir.length), f]))("%s", async (_name, file) => {
        const handlers = (await exportsOf(file)).filter(([name]) =>
          /^(GET|POST|PUT|PATCH|DELETE)$/.test(name),
        );
        expect(handlers.length).toBeGreaterThan(0);
        for (const [name, value] of handlers)
          expect(wrappedInfo(value), `${file} ${name}`).toMatchObject({ kind: "route" });
      });
    });

  describe(`${kit.id}: pages stream behind the shared loading boundary`, () => {
    it("src/app/loading.tsx is @appbase/next-kit/loading, so the shell is sent before a page's data", () => {
      const boundary = readFileSync(join(srcDir, "app", "loading.tsx"), "utf8");
      expect(boundary).toContain('export { default } from "@appbase/next-kit/loading"');
    });
  });

  describe(`${kit.id}: the proxy guards every request with a body, and only those`, () => {
    it("src/proxy.ts exports kitProxy with KIT_PROXY_MATCHER as its matcher", async () => {
      const proxy = (await import(pathToFileURL(join(srcDir, "proxy.ts")).href)) as {
        proxy?: unknown;
        config?: { matcher?: unknown };
      };
      expect(proxy.proxy).toBe(kitProxy);
      expect(proxy.config?.matcher).toEqual(KIT_PROXY_MATCHER);
    });
  });

  describe(`${kit.id}: the matrix declares exactly the permissions the kit enforces`, () => {
    it("every declared permission is checked somewhere, and every checked one is declared", async () => {
      const enforced = await enforcedPermissions(kit, srcDir);
      expect([...enforced].sort()).toEqual([...kit.matrix.permissions].sort());
    });
  });
}
