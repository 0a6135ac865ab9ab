import { readFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { type Document, isMap, isSeq, LineCounter, parseDocument } from "yaml";
import { expandGlob } from "./glob.ts";

/** One YAML file of a bundle, kept with its parsed document so problems can name a line. */
export interface BundleFile {
  path: string;
  document: Document;
  lineCounter: LineCounter;
  data: unknown;
}

/** A bundle with its `include`s merged, as the Databricks CLI sees it before validation. */
export interface LoadedBundle {
  root: string;
  files: BundleFile[];
  config: Record<string, unknown>;
  /** Problems found while reading and merging (syntax errors, conflicting keys, includes that match nothing). */
  problems: LocatedProblem[];
}

/** A problem named by file and line, the way the gate and the validator report everything. */
export interface LocatedProblem {
  file: string;
  line?: number;
  path?: string;
  message: string;
}

/** Parses one YAML file, keeping positions. */
export function readYamlFile(path: string): { file: BundleFile; problems: LocatedProblem[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(readFileSync(path, "utf8"), { lineCounter });
  const problems: LocatedProblem[] = document.errors.map((error) => ({
    file: path,
    line: error.linePos?.[0].line,
    message: `YAML syntax error: ${error.message.split("\n")[0]}`,
  }));
  return { file: { path, document, lineCounter, data: document.toJS() ?? {} }, problems };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function mergeInto(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  path: string[],
  onConflict: (path: string[]) => void,
): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (existing === undefined) target[key] = value;
    else if (isRecord(existing) && isRecord(value)) mergeInto(existing, value, [...path, key], onConflict);
    else if (JSON.stringify(existing) !== JSON.stringify(value)) onConflict([...path, key]);
  }
}

/** Reads databricks.yml and every file its `include` globs match, merged into one configuration. */
export function loadBundle(rootFile: string): LoadedBundle {
  const base = dirname(rootFile);
  const first = readYamlFile(rootFile);
  const problems = [...first.problems];
  const files = [first.file];
  const rootData = first.file.data;
  const config: Record<string, unknown> = isRecord(rootData) ? structuredClone(rootData) : {};
  if (!isRecord(rootData))
    problems.push({ file: rootFile, line: 1, message: "expected a mapping at the top level" });
  const includes = Array.isArray(config.include) ? config.include : [];
  for (const pattern of includes) {
    if (typeof pattern !== "string") continue;
    const matches = expandGlob(base, pattern);
    if (matches.length === 0) {
      problems.push({
        file: rootFile,
        message: `include "${pattern}" matches no file: fix the glob or remove it`,
      });
    }
    for (const path of matches) {
      const included = readYamlFile(path);
      problems.push(...included.problems);
      files.push(included.file);
      if (!isRecord(included.file.data)) continue;
      mergeInto(config, included.file.data, [], (conflict) =>
        problems.push({
          file: path,
          line: lineOf(included.file, conflict),
          path: conflict.join("."),
          message: `${conflict.join(".")} is also set in ${relative(base, rootFile)} or an earlier include, with another value: keep one`,
        }),
      );
    }
  }
  return { root: rootFile, files, config, problems };
}

/** The 1-based line where `path` (or its nearest existing ancestor) is written in `file`, if any. */
export function lineOf(file: BundleFile, path: readonly (string | number)[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = file.document.getIn(path.slice(0, depth), true) as
      | { range?: [number, number, number] }
      | undefined;
    const keyNode = depth > 0 ? keyNodeOf(file, path.slice(0, depth)) : undefined;
    const offset = keyNode ?? node?.range?.[0];
    if (offset !== undefined) return file.lineCounter.linePos(offset).line;
  }
  return undefined;
}

function keyNodeOf(file: BundleFile, path: readonly (string | number)[]): number | undefined {
  const parent = file.document.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === last);
    return (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
  }
  if (isSeq(parent) && typeof last === "number") {
    return (parent.items[last] as { range?: [number, number, number] } | undefined)?.range?.[0];
  }
  return undefined;
}

/** Finds which file of a bundle writes `path`, and on which line. */
export function locate(
  bundle: LoadedBundle,
  path: readonly (string | number)[],
): { file: string; line?: number } {
  for (const file of bundle.files) {
    if (file.document.hasIn(path)) return { file: file.path, line: lineOf(file, path) };
  }
  for (let depth = path.length - 1; depth > 0; depth--) {
    for (const file of bundle.files) {
      if (file.document.hasIn(path.slice(0, depth))) return { file: file.path, line: lineOf(file, path) };
    }
  }
  return { file: bundle.root };
}
