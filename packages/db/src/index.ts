export { type DbEnv, dbEnvSchema, readDbEnv } from "./env.ts";
export * from "./local/index.ts";
