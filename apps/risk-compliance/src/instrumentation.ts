// Next's instrumentation hook. `process.env.NEXT_RUNTIME` is replaced at build time, so the Node-only
// telemetry and startup steps are not compiled into the edge (proxy) bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const [{ kitInstrumentation }, { queueMetrics }, { intakeStep }, { default: kit }] = await Promise.all([
      import("@appbase/telemetry/node"),
      import("@appbase/queue/metrics"),
      import("./server/intake.ts"),
      import("../kit.ts"),
    ]);
    // Intake after telemetry, so its work is traced; it provisions the schema first (see server/intake.ts).
    await kitInstrumentation(kit.id, queueMetrics, intakeStep)();
  }
}
