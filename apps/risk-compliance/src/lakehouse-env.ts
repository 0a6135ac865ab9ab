import { type LakehouseEnv, lakehouseEnvSchema } from "@appbase/lakehouse/from-env";

let cached: LakehouseEnv | undefined;

/**
 * Where governed case decisions are written: APPBASE_LAKEHOUSE_DIR (`appbase up` sets it) or the
 * bound SQL warehouse with the app's credentials; validated once with the lakehouse's own schema.
 */
export function lakehouseEnv(): LakehouseEnv {
  cached ??= lakehouseEnvSchema.parse(process.env);
  return cached;
}
