import { type Attributes, type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";

/** The tracer every AppBase package creates its spans with. */
export const tracer = trace.getTracer("appbase");

/**
 * Runs `work` inside an active span: its nested spans (pg queries, lakehouse commits) become
 * children, a thrown error is recorded on the span and rethrown, and the span always ends.
 * Without a registered tracer provider this is a plain call.
 */
export function withSpan<T>(
  name: string,
  attributes: Attributes,
  work: (span: Span) => Promise<T>,
  kind: SpanKind = SpanKind.INTERNAL,
): Promise<T> {
  return tracer.startActiveSpan(name, { attributes, kind }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessage(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The active span's trace and span ids, or nulls outside a span. */
export function activeTraceIds(): { traceId: string | null; spanId: string | null } {
  const context = trace.getActiveSpan()?.spanContext();
  if (!context || !trace.isSpanContextValid(context)) return { traceId: null, spanId: null };
  return { traceId: context.traceId, spanId: context.spanId };
}

function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}
