import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** One benchmark's JSON as `appbase bench` wrote it (bench-results/<name>.json). */
export interface BenchFile {
  name: string;
  data: unknown;
}

/** A goal a benchmark states about its own figures (`goals: [...]` in its JSON). */
export interface Goal {
  name: string;
  met: boolean;
  /** The measured figure and the limit, as the benchmark words them. */
  value?: number | string;
  limit?: string;
}

interface Bar {
  label: string;
  value: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const html = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

const fmt = (n: number) =>
  Math.abs(n) >= 100 ? Math.round(n).toLocaleString("en-US") : String(Math.round(n * 100) / 100);

/** Every JSON file of a results folder except the report's own inputs it cannot read. */
export function readBenchFiles(dir: string): BenchFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .flatMap((f) => {
      try {
        return [{ name: f.replace(/\.json$/, ""), data: JSON.parse(readFileSync(join(dir, f), "utf8")) }];
      } catch {
        return [];
      }
    });
}

/** Walks a JSON value, calling `visit` with each node's dotted path (array items by index or their label). */
function walk(
  value: Json,
  visit: (path: string, node: Json, key: string) => void,
  path = "",
  key = "",
): void {
  visit(path, value, key);
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      walk(item, visit, `${path}[${itemLabel(item) ?? i}]`, key);
    });
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) walk(v, visit, path ? `${path}.${k}` : k, k);
  }
}

/** An array item's own name (kit, size, concurrency…), so paths read `runs[customer-hub]`, not `runs[0]`. */
function itemLabel(item: Json): string | null {
  if (!item || typeof item !== "object" || Array.isArray(item)) return null;
  for (const k of ["name", "kit", "label", "page", "target", "concurrency", "rows", "size"]) {
    const v = item[k];
    if (typeof v === "string" || typeof v === "number") return `${k === "concurrency" ? "c=" : ""}${v}`;
  }
  return null;
}

const isRecord = (v: Json): v is { [key: string]: Json } => !!v && typeof v === "object" && !Array.isArray(v);

/** Latency bars: every object with p50Ms and p99Ms (a measured side), by its path. */
function latencyBars(data: Json): Bar[] {
  const bars: Bar[] = [];
  walk(data, (path, node) => {
    if (isRecord(node) && typeof node.p50Ms === "number" && typeof node.p99Ms === "number") {
      bars.push({ label: `${path || "result"} p50`, value: node.p50Ms });
      bars.push({ label: `${path || "result"} p99`, value: node.p99Ms });
    }
  });
  return bars;
}

/** Rate bars: every number whose key says it is a rate (…PerSec, …PerSecond). */
function rateBars(data: Json): Bar[] {
  const bars: Bar[] = [];
  walk(data, (path, node, key) => {
    if (typeof node === "number" && /per_?sec(ond)?$/i.test(key)) bars.push({ label: path, value: node });
  });
  return bars;
}

/** Ratios: every number under a key named ratio (candidate ÷ the baseline measured beside it). */
function ratios(data: Json): Bar[] {
  const out: Bar[] = [];
  walk(data, (path, node) => {
    if (typeof node === "number" && /(^|\.)ratio(\.|$)/.test(path)) out.push({ label: path, value: node });
  });
  return out;
}

/** Goals: a `goals` array of { name, met, value?, limit? } anywhere in the result. */
export function goalsOf(data: unknown): Goal[] {
  const goals: Goal[] = [];
  walk(data as Json, (_path, node, key) => {
    if (key !== "goals" || !Array.isArray(node)) return;
    for (const g of node) {
      if (isRecord(g) && typeof g.name === "string" && typeof g.met === "boolean") {
        goals.push({
          name: g.name,
          met: g.met,
          ...(typeof g.value === "number" || typeof g.value === "string" ? { value: g.value } : {}),
          ...(typeof g.limit === "string" ? { limit: g.limit } : {}),
        });
      }
    }
  });
  return goals;
}

/** A horizontal bar chart as inline SVG (no script, no external resource). */
export function barChart(title: string, bars: readonly Bar[], unit: string): string {
  if (bars.length === 0) return "";
  const width = 760;
  const labelWidth = 330;
  const row = 18;
  const top = 24;
  const height = top + bars.length * row + 8;
  const max = Math.max(...bars.map((b) => b.value), Number.MIN_VALUE);
  const scale = (width - labelWidth - 90) / max;
  const rects = bars
    .map((b, i) => {
      const y = top + i * row;
      const w = Math.max(1, b.value * scale);
      const fill = /p99|baseline|floor|raw|copy|static|exact/i.test(b.label) ? "#9aa5b1" : "#2f6fb3";
      return (
        `<text x="${labelWidth - 6}" y="${y + 12}" text-anchor="end">${html(b.label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 2}" width="${w.toFixed(1)}" height="${row - 5}" fill="${fill}"/>` +
        `<text x="${(labelWidth + w + 4).toFixed(1)}" y="${y + 12}">${html(fmt(b.value))} ${html(unit)}</text>`
      );
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${html(title)}" width="${width}" height="${height}" font-family="sans-serif" font-size="11"><text x="0" y="14" font-weight="bold" font-size="12">${html(title)}</text>${rects}</svg>`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return "";
  const th = head.map((h) => `<th>${html(h)}</th>`).join("");
  const tr = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("");
  return `<table><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

function section(file: BenchFile): string {
  const data = file.data as Json;
  const meta = isRecord(data) ? data : {};
  const load = meta.load ?? null;
  const facts = [
    typeof meta.target === "string" ? `target: ${meta.target}` : null,
    typeof meta.at === "string" ? `measured ${meta.at}` : null,
    typeof meta.node === "string" ? `Node ${meta.node}` : null,
    isRecord(load) && typeof load.before === "number" && typeof load.after === "number"
      ? `load average ${fmt(load.before)} → ${fmt(load.after)} on ${String(load.cores ?? "?")} cores`
      : null,
  ].filter((f): f is string => f !== null);
  const goals = goalsOf(data);
  const goalRows = goals.map((g) => [
    html(g.name),
    html(g.value === undefined ? "" : typeof g.value === "number" ? fmt(g.value) : g.value),
    html(g.limit ?? ""),
    g.met ? '<span class="met">met</span>' : '<span class="missed">missed</span>',
  ]);
  const ratioRows = ratios(data).map((r) => [html(r.label), html(fmt(r.value))]);
  return `<section id="${html(file.name)}"><h2>${html(file.name)}</h2>
<p class="facts">${facts.map(html).join(" · ")}</p>
${table(["goal", "measured", "limit", ""], goalRows)}
${barChart(`${file.name}: latency (p50 and p99)`, latencyBars(data), "ms")}
${barChart(`${file.name}: rates`, rateBars(data), "/s")}
${table(["ratio (candidate ÷ baseline measured beside it)", "value"], ratioRows)}
<details><summary>JSON</summary><pre>${html(JSON.stringify(file.data, null, 2))}</pre></details>
</section>`;
}

/** The one report page: per benchmark its goals, charts, ratios and raw JSON; self-contained HTML. */
export function renderReport(files: readonly BenchFile[], generatedAt = new Date()): string {
  const all = files.flatMap((f) => goalsOf(f.data).map((g) => ({ file: f.name, ...g })));
  const summary = table(
    ["benchmark", "goal", "measured", ""],
    all.map((g) => [
      `<a href="#${html(g.file)}">${html(g.file)}</a>`,
      html(g.name),
      html(g.value === undefined ? "" : typeof g.value === "number" ? fmt(g.value) : g.value),
      g.met ? '<span class="met">met</span>' : '<span class="missed">missed</span>',
    ]),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>AppBase benchmarks</title>
<style>body{font-family:sans-serif;max-width:860px;margin:2em auto;color:#1f2933}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #cbd2d9;padding:2px 8px;font-size:13px;text-align:left}.met{color:#1d7a3a;font-weight:bold}.missed{color:#b42318;font-weight:bold}.facts{color:#52606d;font-size:13px}pre{font-size:11px;overflow:auto}svg{display:block;margin:.5em 0}</style>
</head><body><h1>AppBase benchmarks</h1>
<p class="facts">Generated ${html(generatedAt.toISOString())} from ${files.length} result file(s). Every figure is measured beside its baseline in the same run; grey bars are baselines and p99s.</p>
${summary}
${files.map(section).join("\n")}
</body></html>
`;
}
