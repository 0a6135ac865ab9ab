import { z } from "zod";

// The input fields every kit builds its action, route and page-parameter schemas from, so a hostile
// value (NUL, a lone surrogate, an out-of-range number or date, unbounded text) is a field error with
// a message a person can act on, never a database error. The maxima are documented in ARCHITECTURE.md.

// C0 controls other than tab and newline, and DEL: Postgres refuses NUL, the rest are never wanted in a form.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Largest value of a Postgres `integer` (int4): versions and counts above it cannot be stored. */
export const INT4_MAX = 2_147_483_647;

/** Why `text` cannot be stored as text, phrased for the field `label`; null when it can. */
export function textProblem(label: string, text: string): string | null {
  if (CONTROL.test(text)) return `${label} contains control characters; remove them.`;
  if (LONE_SURROGATE.test(text)) return `${label} contains broken characters (a lone surrogate); retype it.`;
  return null;
}

/**
 * Free text with a maximum; control characters and lone surrogates are a field error, never a 5xx.
 * `required` words the message for text shorter than `min` (say what to write, e.g. "Say why …").
 */
export function plainText(label: string, max: number, options: { min?: number; required?: string } = {}) {
  const min = options.min ?? 0;
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .min(
      min,
      options.required ?? (min <= 1 ? `${label} is required.` : `${label} needs at least ${min} characters.`),
    )
    .superRefine((text, ctx) => {
      const problem = textProblem(label, text);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

/**
 * A whole number from `min` to `max` (within int4), given as a number or as digits (forms post text).
 * Nothing else is coerced: null, false, "", [] and "1e3" are refused instead of becoming 0 or 1000.
 */
export function wholeNumber(label: string, range: { min: number; max: number }, hint = "") {
  const outOfRange = `${label} must be a whole number from ${range.min} to ${range.max}${hint}.`;
  return z.preprocess(
    (value) => (typeof value === "string" && /^\s*-?\d{1,12}\s*$/.test(value) ? Number(value) : value),
    z
      .number({ error: `${label} is required: a whole number from ${range.min} to ${range.max}${hint}.` })
      .int(outOfRange)
      .min(range.min, outOfRange)
      .max(Math.min(range.max, INT4_MAX), outOfRange),
  );
}

/** A version for optimistic concurrency: 1 to INT4_MAX, or from 0 where 0 means "new". */
export function versionNumber(label = "expectedVersion", options: { min?: 0 | 1 } = {}) {
  return wholeNumber(
    label,
    { min: options.min ?? 1, max: INT4_MAX },
    " (the version you opened); reload the page",
  );
}

/** The range every calendar date a kit accepts lies in, unless a field states a narrower one. */
export const DAY_RANGE = { from: "1970-01-01", to: "2099-12-31" } as const;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is YYYY-MM-DD naming a day that exists (2026-02-30 does not). */
export function isCalendarDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day); // Date.UTC would read years 0-99 as 1900-1999
  return at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === day;
}

/** A calendar date (YYYY-MM-DD) that exists and lies in `range` (inclusive); the output stays the text. */
export function calendarDay(label: string, range: { from: string; to: string } = DAY_RANGE) {
  return z
    .string({ error: `${label} must be a date (YYYY-MM-DD).` })
    .trim()
    .regex(DAY, `${label} must be a date written YYYY-MM-DD, e.g. ${range.from}.`)
    .refine(isCalendarDay, `${label} is not a day of the calendar; check the month's last day.`)
    .refine(
      (day) => day >= range.from && day <= range.to,
      `${label} must be between ${range.from} and ${range.to}.`,
    );
}

// datetime-local sends no zone; a bare time is read as UTC.
const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(:(\d{2})(\.\d{1,3})?)?$/;
const ZONED_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(:(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * A moment as an ISO date-time (no zone means UTC) whose day exists and lies in `range`, and whose
 * time of day is real (24:00 and :60 are refused); the output is a Date.
 */
export function instant(label: string, range: { from: string; to: string } = DAY_RANGE) {
  const example = `${range.from}T08:30:00`;
  return z
    .string({ error: `${label} must be a date and time, e.g. ${example}.` })
    .trim()
    .transform((text, ctx) => {
      const match = LOCAL_TIME.exec(text) ?? ZONED_TIME.exec(text);
      const fail = (message: string) => {
        ctx.addIssue({ code: "custom", message, input: text });
        return z.NEVER;
      };
      if (!match) return fail(`${label} must be a date and time, e.g. ${example} (UTC) or with +01:00.`);
      const [day, hour, minute, second] = [match[1] ?? "", match[2], match[3], match[5] ?? "00"];
      if (!isCalendarDay(day) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59)
        return fail(`${label} ${text} is not a real date and time.`);
      if (day < range.from || day > range.to)
        return fail(`${label} must be between ${range.from} and ${range.to}.`);
      return new Date(LOCAL_TIME.test(text) ? `${text}Z` : text);
    });
}

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Why `email` is not a deliverable address (RFC 5321 lengths, dot-atom local part, DNS labels); null when it is. */
export function emailProblem(label: string, email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at <= 0 || at === email.length - 1)
    return `${label} must be an email address, e.g. ann.manager@example.com.`;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length > 64) return `${label}: the part before @ can be at most 64 characters.`;
  if (!LOCAL_PART.test(local))
    return `${label}: the part before @ may hold letters, digits and . _ + - (no spaces, no two dots in a row).`;
  const labels = domain.split(".");
  if (domain.length > 253 || labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l)))
    return `${label}: the part after @ must be a domain such as example.com.`;
  if (!/^[A-Za-z]{2,63}$/.test(labels.at(-1) ?? ""))
    return `${label}: the domain must end in a top-level domain such as .com.`;
  return null;
}

/** An email address (at most 254 characters in all, 64 before the @). */
export function emailAddress(label: string) {
  return z
    .string({ error: `${label} must be an email address, e.g. ann.manager@example.com.` })
    .trim()
    .max(254, `${label} can be at most 254 characters.`)
    .superRefine((email, ctx) => {
      const problem = emailProblem(label, email);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

/**
 * The key another kit files one effect under, so a retry files it once (thread + tool call id, an
 * alert id): printable, no spaces, 8 to 200 characters. `hint` says what it is derived from.
 */
export function idempotencyKeyField(hint: string) {
  return z
    .string({ error: `idempotencyKey is required: ${hint}.` })
    .min(8, "idempotencyKey must be at least 8 characters.")
    .max(200, "idempotencyKey must be at most 200 characters.")
    .regex(/^[A-Za-z0-9._~:-]+$/, "idempotencyKey may use letters, digits and . _ ~ : - only.");
}

/** An agent thread's id as another kit names it (it becomes a `/go/thread/{id}` deep link). */
export function threadIdField(what: string) {
  return z
    .string({ error: `threadId is required: ${what}.` })
    .min(1, `threadId is required: ${what}.`)
    .max(100, "threadId must be at most 100 characters.")
    .regex(/^[A-Za-z0-9._~-]+$/, "threadId may use letters, digits and . _ ~ - only.");
}
