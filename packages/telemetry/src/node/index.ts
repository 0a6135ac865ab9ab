export { kitInstrumentation, type StartupStep } from "./kit-instrumentation.ts";
export { startTelemetry, type Telemetry } from "./start-telemetry.ts";
