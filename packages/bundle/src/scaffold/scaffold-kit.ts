import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { defineAppEnv, lakebaseEndpointBinding } from "@appbase/bindings";
import { defineKit, type KitDefinition } from "@appbase/next-kit/define-kit";
import { kitBundle } from "../generate/from-kit.ts";
import { renderKitBundle } from "../generate/write-kit-bundle.ts";
import { appFiles } from "./app-files.ts";
import { bundleFiles } from "./bundle-files.ts";
import { type KitNames, kitNames } from "./kit-names.ts";
import { starterMatrix } from "./starter-matrix.ts";
import { starterMigration, starterTables } from "./starter-migration.ts";

export interface ScaffoldOptions {
  repoRoot: string;
  kit: string;
  title?: string;
  port?: number;
  /** Ports of the kits that exist, so the new one gets its own. */
  usedPorts: readonly number[];
  /** For reproducible output in tests; defaults to now. */
  now?: number;
}

export interface ScaffoldedKit {
  names: KitNames;
  /** Every file written, relative to the repository. */
  files: string[];
}

/**
 * The declaration the scaffolded kit.ts evaluates to, built in memory: the new kit's packages are not
 * installed yet, so its bundle YAML is rendered from this (scaffold-kit.test.ts proves they agree).
 */
export function starterKit(names: KitNames): KitDefinition {
  return defineKit({
    id: names.kit,
    title: names.title,
    description: `${names.title}, built on the AppBase Starter.`,
    port: names.port,
    schema: starterTables(names).schema,
    matrix: starterMatrix(names),
    appEnv: defineAppEnv({ bindings: { LAKEBASE_ENDPOINT: lakebaseEndpointBinding() } }),
    localUsers: [
      {
        id: "eve",
        email: "eve.editor@example.com",
        displayName: "Eve Editor",
        groups: [`${names.kit}-editors`],
      },
      {
        id: "vic",
        email: "vic.viewer@example.com",
        displayName: "Vic Viewer",
        groups: [`${names.kit}-viewers`],
      },
    ],
    nav: [{ href: "/", label: "Items" }],
    servedTables: [],
  });
}

/** Writes a new kit on the recipe: skeleton, kit.ts, matrix, table and migration, action, bundle, e2e smoke spec. */
export async function scaffoldKit(options: ScaffoldOptions): Promise<ScaffoldedKit> {
  const names = kitNames(options.kit, {
    usedPorts: options.usedPorts,
    ...(options.title ? { title: options.title } : {}),
    ...(options.port ? { port: options.port } : {}),
  });
  for (const dir of [`apps/${names.kit}`, `bundles/${names.kit}`, `e2e/${names.kit}`]) {
    if (existsSync(join(options.repoRoot, dir)))
      throw new Error(`${dir} already exists: pick another kit id or remove it.`);
  }
  const generated = renderKitBundle(kitBundle(starterKit(names)));
  const files: Record<string, string> = {
    ...appFiles(names, await starterMigration(names, options.now ?? Date.now())),
    ...bundleFiles(names),
    [`bundles/${names.kit}/databricks.yml`]: generated["databricks.yml"] ?? "",
    [`bundles/${names.kit}/app.yaml`]: generated["app.yaml"] ?? "",
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(options.repoRoot, path)), { recursive: true });
    writeFileSync(join(options.repoRoot, path), text);
  }
  return { names, files: Object.keys(files).sort() };
}
