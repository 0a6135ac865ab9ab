import type { MaskFormat } from "./matrix.ts";

/** The text shown in place of a redacted value. */
export const REDACTED = "[redacted]";

/**
 * Masks one value. Formats keep just enough to recognise a record (domain, last digits, year)
 * without disclosing the value; anything that does not parse falls back to full redaction.
 */
export function maskValue(value: unknown, format: Exclude<MaskFormat, "omit">): string {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  switch (format) {
    case "email": {
      const at = text.lastIndexOf("@");
      if (at < 1) return REDACTED;
      return `${text[0]}***${text.slice(at)}`;
    }
    case "phone": {
      const digits = text.replace(/\D/g, "");
      return digits.length < 7 ? REDACTED : `***-***-${digits.slice(-4)}`;
    }
    case "last4": {
      const tail = text.replace(/[\s-]/g, "").slice(-4);
      return text.length <= 4 ? REDACTED : `****${tail}`;
    }
    case "year": {
      const year = /^(\d{4})-\d{2}-\d{2}/.exec(text)?.[1];
      return year ? `${year}-**-**` : REDACTED;
    }
    case "redact":
      return REDACTED;
  }
}
