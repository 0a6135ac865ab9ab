export { type DeltaDdlOptions, deltaCreateTable, qualifiedName } from "./delta-ddl.ts";
export { declarationFromDrizzle, type FromDrizzleOptions } from "./from-drizzle.ts";
