import { maskValue } from "./masks.ts";
import type { MaskFormat } from "./matrix.ts";

/** A column rule resolved for one viewer: its format, and whether this viewer sees the raw value. */
export interface ResolvedColumnRule {
  mask: MaskFormat;
  unmasked: boolean;
}

/** A value as it may leave the server: raw only when the viewer may see it. */
export type Shielded = { value: string | null; masked: boolean };

/** Masks one value under a resolved rule; the raw value leaves only when the rule says `unmasked`. */
export function shield(value: string | null, rule: ResolvedColumnRule | undefined): Shielded {
  if (value === null) return { value: null, masked: false };
  if (!rule || rule.unmasked) return { value, masked: false };
  if (rule.mask === "omit") return { value: null, masked: true };
  return { value: maskValue(value, rule.mask), masked: true };
}

/** The same rules with every column masked: the masked-safe fallback, whatever the viewer's role. */
export function maskEverything(
  rules: Readonly<Record<string, ResolvedColumnRule>>,
): Record<string, ResolvedColumnRule> {
  return Object.fromEntries(
    Object.entries(rules).map(([column, rule]) => [column, { ...rule, unmasked: false }]),
  );
}
