export {
  type LakehouseEnv,
  lakehouseEnvSchema,
  type OpenFromEnvOptions,
  openLakehouseFromEnv,
} from "./from-env.ts";
