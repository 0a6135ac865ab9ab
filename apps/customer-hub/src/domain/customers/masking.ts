import { MASK_CHAR, maskDate, maskEmail, maskPhone } from "@appbase/ui/masked-value";

/** How a protected column looks to someone without the permission (same names as `@appbase/grants`). */
export type MaskFormat = "email" | "phone" | "last4" | "year" | "redact" | "omit";

/** A column's rule, resolved for one viewer: the format, and whether this viewer sees the raw value. */
export interface ResolvedColumnRule {
  mask: MaskFormat;
  unmasked: boolean;
}

/** A value as it may leave the server: raw only when the viewer may see it. */
export type Shielded = { value: string | null; masked: boolean };

const HIDDEN = MASK_CHAR.repeat(3);

/** Masks one value with a format; the raw value never leaves this function unless `unmasked`. */
export function shield(value: string | null, rule: ResolvedColumnRule | undefined): Shielded {
  if (value === null) return { value: null, masked: false };
  if (!rule || rule.unmasked) return { value, masked: false };
  switch (rule.mask) {
    case "email":
      return { value: maskEmail(value), masked: true };
    case "phone":
      return { value: maskPhone(value), masked: true };
    case "last4":
      return { value: value.length > 6 ? `${HIDDEN}${value.slice(-4)}` : HIDDEN, masked: true };
    case "year":
      return { value: maskDate(value), masked: true };
    case "redact":
      return { value: HIDDEN, masked: true };
    case "omit":
      return { value: null, masked: true };
  }
}

/** Rules with every column masked: the masked-safe fallback, whatever the viewer's role. */
export function maskEverything(
  rules: Record<string, ResolvedColumnRule>,
): Record<string, ResolvedColumnRule> {
  return Object.fromEntries(
    Object.entries(rules).map(([column, rule]) => [column, { ...rule, unmasked: false }]),
  );
}
