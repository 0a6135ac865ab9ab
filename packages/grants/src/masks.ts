import type { MaskFormat } from "./matrix.ts";

// The one implementation of each column rule's mask format. It runs on the server, before a value
// reaches a page, an API response or a Genie answer, so a client never holds the raw value and every
// surface shows the same masked text. Each format keeps just enough to recognise a record (first
// letter and domain, last digits, year); anything that does not parse is hidden entirely.

/** The character drawn in place of withheld text. */
export const MASK_CHAR = "•";
/** The text shown in place of a value hidden entirely. */
export const HIDDEN = MASK_CHAR.repeat(3);

/** "jane.doe@example.com" → "j•••@example.com"; anything that is not an address is hidden entirely. */
function maskEmail(text: string): string {
  const trimmed = text.trim();
  const at = trimmed.lastIndexOf("@");
  if (at <= 0 || at === trimmed.length - 1) return HIDDEN;
  return `${trimmed[0]}${HIDDEN}${trimmed.slice(at)}`;
}

/** "+1 (415) 555-0142" → "+• (•••) •••-0142": keeps the layout and the last 4 digits. */
function maskPhone(text: string): string {
  const digits = text.replace(/\D/g, "").length;
  // With few digits, showing the last four would show nearly everything.
  const keep = digits > 6 ? 4 : 0;
  let seen = 0;
  return text.trim().replace(/\d/g, (digit) => {
    seen += 1;
    return seen > digits - keep ? digit : MASK_CHAR;
  });
}

/** "123-45-6789" → "•••6789"; short values are hidden entirely. */
function maskLast4(text: string): string {
  const compact = text.replace(/[\s-]/g, "");
  return compact.length > 6 ? `${HIDDEN}${compact.slice(-4)}` : HIDDEN;
}

/** "1985-03-14" → "1985-••-••"; what is not a date is hidden entirely. */
function maskYear(value: unknown): string {
  const parsed = value instanceof Date ? value : new Date(String(value).trim());
  if (Number.isNaN(parsed.getTime())) return HIDDEN;
  const year = String(parsed.getUTCFullYear()).padStart(4, "0");
  return `${year}-${MASK_CHAR.repeat(2)}-${MASK_CHAR.repeat(2)}`;
}

/** Masks one value with a column rule's format ("omit" is not a text: the column is left out). */
export function maskValue(value: unknown, format: Exclude<MaskFormat, "omit">): string {
  if (format === "year") return maskYear(value);
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  switch (format) {
    case "email":
      return maskEmail(text);
    case "phone":
      return maskPhone(text);
    case "last4":
      return maskLast4(text);
    case "redact":
      return HIDDEN;
  }
}
