import type { Column, JsonValue, Row } from "../types.ts";

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field (RFC 4180). NULL is an empty field and the empty string is `""`, so the two
 * round-trip distinctly; JSON values are written as compact JSON text.
 */
export function csvField(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  if (text === "") return '""';
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Header line plus CRLF. */
export function csvHeader(columns: readonly Column[]): string {
  return `${columns.map((c) => csvField(c.name)).join(",")}\r\n`;
}

/** One record line plus CRLF, fields in column order. */
export function csvLine(columns: readonly Column[], row: Row): string {
  let line = "";
  for (let i = 0; i < columns.length; i++) {
    if (i > 0) line += ",";
    line += csvField(row[(columns[i] as Column).name]);
  }
  return `${line}\r\n`;
}
