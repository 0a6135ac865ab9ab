export { kitInstrumentation, type StartupStep } from "./kit-instrumentation.ts";
export { type RecurringWork, recurringStep } from "./recurring-step.ts";
export { startTelemetry, type Telemetry } from "./start-telemetry.ts";
