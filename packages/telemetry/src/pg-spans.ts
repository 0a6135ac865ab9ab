import { context, type Span, SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { tracer } from "./spans.ts";

// biome-ignore lint/suspicious/noExplicitAny: a mixin's base constructor must accept any arguments.
type ClientClass = new (...args: any[]) => { query(...args: unknown[]): unknown };
type Callback = (error: Error | null, result: unknown) => void;

const MAX_STATEMENT = 2000;

/**
 * A `pg.Client` subclass whose every query is a CLIENT span (`pg SELECT`, with `db.system`,
 * `db.statement` — parameterized text, never values — and the row count). Given to `pg.Pool` as its
 * `Client`, it covers pool queries, checked-out clients and transactions alike without patching
 * the driver. Streaming submittables (cursors) pass through untraced.
 */
export function withQuerySpans<C extends ClientClass>(Base: C): C {
  return class TracedClient extends Base {
    override query(...args: unknown[]): unknown {
      const statement = statementOf(args[0]);
      if (statement === null) return super.query(...args);
      const span = tracer.startSpan(
        `pg ${operationOf(statement)}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            "db.system": "postgresql",
            "db.operation.name": operationOf(statement),
            "db.statement": statement.slice(0, MAX_STATEMENT),
          },
        },
        context.active(),
      );
      const callbackAt = args.findIndex((a) => typeof a === "function");
      if (callbackAt >= 0) {
        const callback = args[callbackAt] as Callback;
        const traced = [...args];
        traced[callbackAt] = (error: Error | null, result: unknown) => {
          endSpan(span, error, result);
          callback(error, result);
        };
        return super.query(...traced);
      }
      const pending = super.query(...args) as Promise<unknown>;
      return pending.then(
        (result) => {
          endSpan(span, null, result);
          return result;
        },
        (error: unknown) => {
          endSpan(span, error instanceof Error ? error : new Error(String(error)), undefined);
          throw error;
        },
      );
    }
  };
}

function endSpan(span: Span, error: Error | null, result: unknown): void {
  if (error) {
    span.recordException(error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: error.message.slice(0, 1000) });
  } else {
    const rows = (result as { rowCount?: number | null } | undefined)?.rowCount;
    if (typeof rows === "number") span.setAttribute("db.response.returned_rows", rows);
  }
  span.end();
}

function statementOf(first: unknown): string | null {
  if (typeof first === "string") return first;
  if (first && typeof first === "object") {
    if (typeof (first as { submit?: unknown }).submit === "function") return null;
    const text = (first as { text?: unknown }).text;
    if (typeof text === "string") return text;
  }
  return null;
}

function operationOf(statement: string): string {
  const word = /^\s*(?:--[^\n]*\n\s*)*([a-z]+)/i.exec(statement)?.[1];
  return word ? word.toUpperCase() : "QUERY";
}
