import { z } from "zod";

// C0 controls other than tab and newline, and DEL: Postgres refuses NUL, the rest are never wanted in a form.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Free text with a maximum; control characters and lone surrogates are a field error, never a 5xx. */
export function plainText(label: string, max: number, options: { min?: number } = {}) {
  const min = options.min ?? 0;
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .min(min, min <= 1 ? `${label} is required.` : `${label} needs at least ${min} characters.`)
    .refine((s) => !CONTROL.test(s), `${label} contains control characters; remove them.`)
    .refine(
      (s) => !LONE_SURROGATE.test(s),
      `${label} contains broken characters (a lone surrogate); retype it.`,
    );
}
