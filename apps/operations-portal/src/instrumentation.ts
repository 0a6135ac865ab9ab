// Next's instrumentation hook. `process.env.NEXT_RUNTIME` is replaced at build time, so the Node-only
// telemetry and startup steps are not compiled into the edge (proxy) bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const [
      { kitInstrumentation },
      { queueMetrics },
      { assetHealthStep },
      { scoreAlertsStep },
      { workOrderHistoryStep },
      { default: kit },
    ] = await Promise.all([
      import("@appbase/telemetry/node"),
      import("@appbase/queue/metrics"),
      import("./server/asset-health.ts"),
      import("./server/score-alerts.ts"),
      import("./server/work-order-history.ts"),
      import("../kit.ts"),
    ]);
    // After telemetry, so the work is traced; `db()` provisions the schema first.
    await kitInstrumentation(kit.id, queueMetrics, workOrderHistoryStep, scoreAlertsStep, assetHealthStep)();
  }
}
