export * from "./agent-ops-schema.ts";
export * from "./agent-run.ts";
export * from "./assessment-handoff.ts";
export * from "./model-call.ts";
export * from "./registry.ts";
export * from "./review-item.ts";
export * from "./thread-summary.ts";
export * from "./tool-call.ts";
