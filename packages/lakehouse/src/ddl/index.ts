export { type DeltaDdlOptions, deltaCreateTable, qualifiedName } from "./delta-ddl.ts";
