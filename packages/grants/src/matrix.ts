import type { Column, Table } from "drizzle-orm";
import type { Principal } from "./principals.ts";
import type { PgSchemaPrivilege, PgTablePrivilege, UcPrivilege } from "./privileges.ts";

/** An app role: which Databricks groups (or named users) hold it and which app permissions it grants. */
export interface RoleDeclaration<P extends string> {
  readonly description: string;
  readonly groups: readonly string[];
  readonly users?: readonly string[];
  readonly permissions: readonly P[];
}

export interface GroupDeclaration {
  readonly name: string;
  readonly description: string;
}

export interface UserDeclaration {
  readonly email: string;
  readonly description: string;
}

/** A Unity Catalog securable inside the kit's catalog (the catalog name is bound at generation time). */
export type UcSecurable =
  | { readonly type: "catalog" }
  | { readonly type: "schema"; readonly schema: string }
  | { readonly type: "table"; readonly schema: string; readonly table: string }
  | { readonly type: "volume"; readonly schema: string; readonly volume: string };

/** A UC schema the kit touches; only `managedByBundle` schemas become bundle `schemas` resources. */
export interface UcSchemaDeclaration {
  readonly name: string;
  readonly description: string;
  /** True for the kit's own schema; false for shared gold schemas another pipeline owns. */
  readonly managedByBundle: boolean;
}

export interface UcGrant {
  readonly principal: Principal;
  readonly on: UcSecurable;
  readonly privileges: readonly UcPrivilege[];
}

/** A Lakebase Postgres schema and its state authority (ARCHITECTURE.md "State authority"). */
export interface LakebaseSchema {
  readonly name: string;
  /** `lakebase`: the app owns it and writes it. `synced`: Synced Tables fill it; read-only to everyone. */
  readonly authority: "lakebase" | "synced";
  readonly description: string;
}

/** A Postgres grant on a schema, on all its tables (now and future), or on one table. */
export type PgGrant =
  | {
      readonly principal: Principal;
      readonly schema: string;
      readonly on: "schema";
      readonly privileges: readonly PgSchemaPrivilege[];
    }
  | {
      readonly principal: Principal;
      readonly schema: string;
      readonly on: "tables";
      readonly privileges: readonly PgTablePrivilege[];
    }
  | {
      readonly principal: Principal;
      readonly schema: string;
      readonly on: { readonly table: string };
      readonly privileges: readonly PgTablePrivilege[];
    };

/** How a protected column looks to someone without the permission. */
export const MASK_FORMATS = ["email", "phone", "last4", "year", "redact", "omit"] as const;
export type MaskFormat = (typeof MASK_FORMATS)[number];

export interface ColumnRule<P extends string> {
  readonly mask: MaskFormat;
  /** Holders of this permission see the value unmasked. */
  readonly unmaskedWith: P;
}

/** Column rules of one table, keyed by column name. */
export type ColumnRules<P extends string> = Readonly<Record<string, ColumnRule<P>>>;

/** One clause of a row rule; a row is visible when any clause matches. */
export type RowMatch =
  | { readonly column: string; readonly equals: "userId" | "email" }
  | { readonly column: string; readonly inGroups: true }
  | { readonly column: string; readonly isNull: true };

/** Which rows of a table an identity may see; one declaration yields a SQL predicate and an in-memory filter. */
export interface RowRule<P extends string> {
  readonly table: string;
  readonly description: string;
  /** Holders of any of these permissions see every row. */
  readonly seeAllWith: readonly P[];
  readonly match: readonly RowMatch[];
}

/** The single declaration of access for one kit. Pure data. */
export interface KitMatrix<P extends string = string, R extends string = string> {
  /** The kit id (apps/<kit>/kit.ts declares the title). */
  readonly kit: string;
  readonly permissions: readonly P[];
  readonly roles: Readonly<Record<R, RoleDeclaration<P>>>;
  readonly groups: readonly GroupDeclaration[];
  readonly users: readonly UserDeclaration[];
  readonly unityCatalog: {
    readonly schemas: readonly UcSchemaDeclaration[];
    readonly grants: readonly UcGrant[];
  };
  readonly lakebase: {
    readonly schemas: readonly LakebaseSchema[];
    readonly grants: readonly PgGrant[];
  };
  /** Keyed by schema-qualified table name, e.g. `customer.customer_profile`. */
  readonly columnRules: Readonly<Record<string, ColumnRules<P>>>;
  /** Keyed by rule name, e.g. `review-queue-visible`. */
  readonly rowRules: Readonly<Record<string, RowRule<P>>>;
}

/** A column rule as a kit declares it: the drizzle column object, so a column that does not exist fails typecheck. */
export interface ColumnRuleDeclaration<P extends string> extends ColumnRule<P> {
  readonly column: Column;
}

/** One clause of a declared row rule, naming its column as a drizzle column object. */
export type RowMatchDeclaration =
  | { readonly column: Column; readonly equals: "userId" | "email" }
  | { readonly column: Column; readonly inGroups: true }
  | { readonly column: Column; readonly isNull: true };

/** A row rule as a kit declares it: the drizzle table and columns as objects. */
export interface RowRuleDeclaration<P extends string> {
  readonly table: Table;
  readonly description: string;
  readonly seeAllWith: readonly P[];
  readonly match: readonly RowMatchDeclaration[];
}

/**
 * What a kit writes (apps/<kit>/src/matrix.ts): the matrix with its rules on drizzle tables and
 * columns. `defineKitMatrix` resolves it to the `KitMatrix` data every generator reads.
 */
export type KitMatrixDeclaration<P extends string = string, R extends string = string> = Omit<
  KitMatrix<P, R>,
  "columnRules" | "rowRules"
> & {
  /** Masked columns; none when the kit shows no PII. */
  readonly columnRules?: readonly ColumnRuleDeclaration<P>[];
  /** Keyed by rule name, e.g. `review-queue-visible`. */
  readonly rowRules?: Readonly<Record<string, RowRuleDeclaration<P>>>;
};

/** The permission union of a matrix. */
export type PermissionOf<M> = M extends KitMatrix<infer P, string> ? P : never;
/** The role union of a matrix. */
export type RoleOf<M> = M extends KitMatrix<string, infer R> ? R : never;
