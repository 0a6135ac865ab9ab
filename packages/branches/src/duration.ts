const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Parses a TTL such as `90m`, `12h`, `7d` or `3600s` into seconds; undefined when malformed or out of 1 min..30 days. */
export function parseTtlSeconds(text: string): number | undefined {
  const match = /^(\d{1,7})([smhd])$/.exec(text.trim());
  if (!match) return undefined;
  const seconds = Number(match[1]) * (UNITS[match[2] as string] ?? 0);
  return seconds >= 60 && seconds <= 30 * 86_400 ? seconds : undefined;
}
