// A kit process's startup and one request's work, with no OTLP endpoint: run by logs-only.test.ts.
import { log, withSpan } from "../index.ts";
import { kitInstrumentation } from "../node/kit-instrumentation.ts";

await kitInstrumentation("logs-only-kit")();
console.log("server ready on port %d", 3999);
await withSpan("GET /customers", {}, async () => {
  log.info("customers listed", { rows: 3 });
  console.error(new Error("a handled failure"));
});
// Longer than the SDK's export delays: an exporter, had one been started, would have tried by now.
await new Promise((resolve) => setTimeout(resolve, 1500));
