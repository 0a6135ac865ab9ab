import type { Context } from "@opentelemetry/api";
import { metrics, SpanKind } from "@opentelemetry/api";
import type { ReadableSpan, Span, SpanProcessor } from "@opentelemetry/sdk-trace-node";

/**
 * Turns every finished server span (Next.js opens one per request, `[method] [route]`) into a
 * sample of `http.server.request.duration` (seconds, as the OTel HTTP semantic conventions name it),
 * so request latency needs no second HTTP instrumentation.
 */
export class RequestLatencyProcessor implements SpanProcessor {
  private readonly histogram = metrics.getMeter("appbase").createHistogram("http.server.request.duration", {
    unit: "s",
    description: "Duration of HTTP server requests",
  });

  onStart(_span: Span, _context: Context): void {}

  onEnd(span: ReadableSpan): void {
    if (span.kind !== SpanKind.SERVER) return;
    const [seconds, nanos] = span.duration;
    const a = span.attributes;
    this.histogram.record(seconds + nanos / 1e9, {
      "http.request.method": String(a["http.request.method"] ?? a["http.method"] ?? "unknown"),
      "http.route": String(a["http.route"] ?? a["next.route"] ?? "unknown"),
      "http.response.status_code": Number(a["http.response.status_code"] ?? a["http.status_code"] ?? 0),
    });
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
