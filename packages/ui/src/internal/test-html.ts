// Test helpers for asserting on renderToString output without a DOM.
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";

/** Renders to static HTML. */
export const html = (element: ReactElement): string => renderToString(element);

const decode = (s: string) =>
  s
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");

/** Every href in the markup, decoded. */
export function hrefs(markup: string): string[] {
  return [...markup.matchAll(/href="([^"]*)"/g)].map((m) => decode(m[1] ?? ""));
}

/** The opening tags (with attributes) that contain `needle`, e.g. a class name. */
export function tagsWith(markup: string, needle: string): string[] {
  return [...markup.matchAll(/<[a-z][^>]*>/g)].map((m) => decode(m[0])).filter((tag) => tag.includes(needle));
}

/** Markup with tags removed and entities decoded: the text a reader sees. */
export function text(markup: string): string {
  return decode(markup.replace(/<!--.*?-->/g, "").replace(/<[^>]+>/g, ""));
}
