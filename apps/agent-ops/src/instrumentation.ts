// Next's instrumentation hook. `process.env.NEXT_RUNTIME` is replaced at build time, so the Node-only
// telemetry and startup steps are not compiled into the edge (proxy) bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const [{ kitInstrumentation }, { queueMetrics }, { registryStep }, { default: kit }] = await Promise.all([
      import("@appbase/telemetry/node"),
      import("@appbase/queue/metrics"),
      import("./server/registry-startup.ts"),
      import("../kit.ts"),
    ]);
    await kitInstrumentation(kit.id, queueMetrics, registryStep)();
  }
}
