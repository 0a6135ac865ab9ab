import { instant } from "@appbase/next-kit/fields";
import { readPageParams } from "@appbase/next-kit/query";

// datetime-local sends no zone; the control is labelled UTC, so a bare time is read as UTC (next-kit's instant).
const asOfShape = { asOf: instant("asOf") };

/** The time the "as of" control shows, as the datetime-local input wants it (UTC, to the millisecond). */
export function asOfInputValue(at: Date): string {
  // Commits can be milliseconds apart; the control keeps that precision (its step is 0.001 s).
  return at.getUTCMilliseconds() === 0 ? at.toISOString().slice(0, 19) : at.toISOString().slice(0, 23);
}

/** Reads the `asOf` URL parameter: nothing, a time, or a message saying how to write one. */
export function parseAsOfParam(raw: string | undefined): { at: Date } | { error: string } | null {
  if (raw === undefined || raw.trim() === "") return null;
  const { values, issues } = readPageParams({ asOf: raw }, asOfShape);
  return values.asOf ? { at: values.asOf } : { error: issues[0] ?? "asOf is invalid." };
}
