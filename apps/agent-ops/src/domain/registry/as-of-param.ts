import { z } from "zod";

// datetime-local sends no zone; the control is labelled UTC, so a bare time is read as UTC.
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const asOfSchema = z
  .string()
  .trim()
  .refine((v) => LOCAL.test(v) || ZONED.test(v), {
    error: "asOf must be a date and time, e.g. 2026-11-22T08:30:00 (UTC) or 2026-11-22T09:30:00+01:00.",
  })
  .transform((v, ctx) => {
    const at = new Date(LOCAL.test(v) ? `${v}Z` : v);
    if (Number.isNaN(at.getTime())) {
      ctx.issues.push({ code: "custom", message: `asOf ${v} is not a real date and time.`, input: v });
      return z.NEVER;
    }
    return at;
  });

/** The time the "as of" control shows, as the datetime-local input wants it (UTC, to the millisecond). */
export function asOfInputValue(at: Date): string {
  // Commits can be milliseconds apart; the control keeps that precision (its step is 0.001 s).
  return at.getUTCMilliseconds() === 0 ? at.toISOString().slice(0, 19) : at.toISOString().slice(0, 23);
}

/** Reads the `asOf` URL parameter: nothing, a time, or a message saying how to write one. */
export function parseAsOfParam(raw: string | undefined): { at: Date } | { error: string } | null {
  if (raw === undefined || raw.trim() === "") return null;
  const parsed = asOfSchema.safeParse(raw);
  return parsed.success
    ? { at: parsed.data }
    : { error: parsed.error.issues[0]?.message ?? "asOf is invalid." };
}
