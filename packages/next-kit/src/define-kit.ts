// The one declaration of a kit (apps/<kit>/kit.ts). Pure data and types: no next, no react, no
// server wiring, so the CLI, the bundle generator and the e2e suites import kit.ts through tsx.
import type { AppEnv, AppEnvDeclaration, LocalUser } from "@appbase/bindings";
import { defineLocalUsers } from "@appbase/bindings";
import type { KitMatrix } from "@appbase/grants";
import type { GovernedTable } from "@appbase/lakehouse/governance";
import type { PgTable } from "drizzle-orm/pg-core";
import type pg from "pg";
import { z } from "zod";
import { type EntityLinks, entityLinkIssues } from "./links/entity-links.ts";

/** One entry of the app shell's navigation; the first is the kit's home page. */
export interface KitNavLink {
  readonly href: `/${string}`;
  readonly label: string;
}

/** What `appbase up` and `appbase seed` hand a kit's `seed`, after the served tables are synced. */
export interface KitSeedContext {
  /** The database the kit runs on, with every migration applied. */
  pool: pg.Pool;
  /** The named scale of this seed (a numeric `--scale` maps to the nearest name). */
  scale: "tiny" | "default" | "large";
  /** The synthetic data's seed: same seed, same data. */
  seed: number;
  /** The local lakehouse folder (`<stateDir>/lakehouse`), as kits get it in APPBASE_LAKEHOUSE_DIR. */
  lakehouseDir: string;
  /** Prints one progress line, prefixed with the kit id. */
  log: (line: string) => void;
}

/** What a kit's seed reports, printed after it. */
export interface KitSeedResult {
  summary: string;
}

export interface KitDeclaration<
  P extends string = string,
  R extends string = string,
  D extends AppEnvDeclaration = AppEnvDeclaration,
> {
  /** Kebab-case id: the app folder, the bundle, the Postgres application name. Equals `matrix.kit`. */
  readonly id: string;
  /** The product name: the page title, the shell header, the kit switcher, the bundle. Written only here. */
  readonly title: string;
  /** One sentence for the page metadata and the bundle. */
  readonly description: string;
  /** The local port `appbase up` serves the kit on; unique across kits. */
  readonly port: number;
  /** The kit's own Postgres schema (a drizzle `pgSchema`), where its drizzle-kit migrations live. */
  readonly schema: { readonly schemaName: string };
  /** Who may do what: the only source of permissions, roles, and UC and Lakebase grants. */
  readonly matrix: KitMatrix<P, R>;
  /** Every resource the kit binds in app.yaml (bundles/<kit>/bundle.ts renders it). */
  readonly appEnv: AppEnv<D>;
  /** The people the local identity switcher offers; the first is the default. */
  readonly localUsers: readonly LocalUser[];
  /** The shell's navigation; the first link is the home page. */
  readonly nav: readonly [KitNavLink, ...KitNavLink[]];
  /**
   * The entities other kits may link to by id, each with the page that shows one, e.g.
   * `{ customer: { path: "/customers/:id", label: "customer" } }`; served at `/go/{entity}/{id}`.
   */
  readonly links?: EntityLinks;
  /** Served (synced) tables from @appbase/datasets the kit reads; its bundle syncs these. */
  readonly servedTables: readonly PgTable[];
  /** Tables whose authority is the lakehouse (governed silver/bronze), when the kit has any. */
  readonly governed?: readonly GovernedTable[];
  /** The kit's state tables a branch diff shows (`appbase branch diff --kit`, `migrate --preview`); each needs a primary key. */
  readonly diffTables?: readonly PgTable[];
  /** Demo data for `appbase up`/`seed`, run after migrations and the served-table sync. */
  readonly seed?: (ctx: KitSeedContext) => Promise<KitSeedResult>;
}

/** A validated kit declaration: what every tool reads. */
export type KitDefinition<
  P extends string = string,
  R extends string = string,
  D extends AppEnvDeclaration = AppEnvDeclaration,
> = KitDeclaration<P, R, D> & {
  readonly home: string;
  /** The kit's Postgres schema name, e.g. `customer_hub`. */
  readonly schemaName: string;
};

/** Marks what defineKit returned, so discovery can tell a kit.ts that forgot to call it. */
export const KIT_DEFINITION = Symbol.for("appbase.kit-definition");

const KIT_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

const declarationSchema = z.object({
  id: z.string().regex(KIT_ID, "write the kit id in kebab-case, e.g. customer-hub"),
  title: z.string().trim().min(1, "give the kit a title").max(60),
  description: z.string().trim().min(1, "describe the kit in one sentence").max(200),
  port: z.number().int().min(1024).max(65535),
  schemaName: z.string().regex(/^[a-z_][a-z0-9_]*$/, "the schema name must be lower_snake_case"),
  nav: z
    .array(z.object({ href: z.string().regex(/^\/[a-z0-9/_-]*$/), label: z.string().min(1).max(40) }))
    .min(1, "give the shell at least one navigation link"),
});

/** A kit declaration that contradicts itself; lists every problem with the field to fix. */
export class KitDeclarationError extends Error {
  constructor(
    readonly kit: string,
    readonly issues: readonly string[],
  ) {
    super(`Kit "${kit}" (kit.ts) is invalid:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "KitDeclarationError";
  }
}

/** Whether a module's default export is a kit declared with defineKit. */
export function isKitDefinition(value: unknown): value is KitDefinition {
  return typeof value === "object" && value !== null && KIT_DEFINITION in value;
}

/** Declares a kit in apps/<kit>/kit.ts; every cross-reference is checked, so a mistake fails at import. */
export function defineKit<const P extends string, const R extends string, D extends AppEnvDeclaration>(
  declaration: KitDeclaration<P, R, D>,
): KitDefinition<P, R, D> {
  const schemaName = declaration.schema.schemaName;
  const parsed = declarationSchema.safeParse({ ...declaration, schemaName });
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((i) => `${i.path.join(".") || "kit"}: ${i.message}`);
  issues.push(...entityLinkIssues(declaration.links));
  if (declaration.matrix.kit !== declaration.id)
    issues.push(`matrix: it declares kit "${declaration.matrix.kit}"; write kit: "${declaration.id}"`);
  const groups = new Set(declaration.matrix.groups.map((g) => g.name));
  for (const user of declaration.localUsers) {
    const unknown = user.groups.filter((g) => !groups.has(g));
    if (unknown.length > 0)
      issues.push(`localUsers.${user.id}: group(s) ${unknown.join(", ")} are not in the matrix's groups`);
  }
  if (issues.length > 0) throw new KitDeclarationError(declaration.id, issues);
  return Object.defineProperty(
    {
      ...declaration,
      localUsers: defineLocalUsers(declaration.localUsers),
      home: declaration.nav[0].href,
      schemaName,
    },
    KIT_DEFINITION,
    { value: true },
  );
}
