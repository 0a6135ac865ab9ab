// Masking runs on the server before a value reaches any component, so a client never holds the raw value.
// Each helper keeps just enough to recognise the record (first letter, last digits, city, year).

/** The character drawn in place of withheld text. */
export const MASK_CHAR = "•";
const HIDDEN = MASK_CHAR.repeat(3);

/** "jane.doe@example.com" → "j•••@example.com"; anything that is not an address is hidden entirely. */
export function maskEmail(email: string): string {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf("@");
  if (at <= 0 || at === trimmed.length - 1) return HIDDEN;
  return `${trimmed[0]}${HIDDEN}${trimmed.slice(at)}`;
}

/** "+1 (415) 555-0142" → "+• (•••) •••-0142": keeps layout and the last 4 digits, hides the rest. */
export function maskPhone(phone: string, visibleDigits = 4): string {
  const digits = phone.replace(/\D/g, "").length;
  // With few digits, showing the last four would show nearly everything.
  const keep = digits > visibleDigits + 2 ? visibleDigits : 0;
  let seen = 0;
  return phone.trim().replace(/\d/g, (digit) => {
    seen += 1;
    return seen > digits - keep ? digit : MASK_CHAR;
  });
}

/**
 * "221B Baker Street, London NW1 6XE, UK" → "•••, London •••, UK": hides the street line and every
 * token containing a digit (house numbers, postcodes), keeps city/region/country.
 */
export function maskAddress(address: string): string {
  const parts = address
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (parts.length < 2) return HIDDEN;
  const rest = parts.slice(1).map((part) => {
    const words = part.split(/\s+/).map((word) => (/\d/.test(word) ? HIDDEN : word));
    // Collapse neighbouring hidden tokens so the number of tokens does not hint at a postcode format.
    return words.filter((word, i) => !(word === HIDDEN && words[i - 1] === HIDDEN)).join(" ");
  });
  return [HIDDEN, ...rest].join(", ");
}

/** "1985-03-14" → "1985-••-••" (or keep year and month); invalid dates are hidden entirely. */
export function maskDate(date: Date | string, keep: "year" | "year-month" = "year"): string {
  const parsed = date instanceof Date ? date : new Date(date.trim());
  if (Number.isNaN(parsed.getTime()))
    return `${MASK_CHAR.repeat(4)}-${MASK_CHAR.repeat(2)}-${MASK_CHAR.repeat(2)}`;
  const year = String(parsed.getUTCFullYear()).padStart(4, "0");
  const month = String(parsed.getUTCMonth() + 1).padStart(2, "0");
  const mm = keep === "year-month" ? month : MASK_CHAR.repeat(2);
  return `${year}-${mm}-${MASK_CHAR.repeat(2)}`;
}
