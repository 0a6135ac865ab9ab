/** A variable read found in source, with its 1-based line. */
export interface EnvRead {
  name: string;
  line: number;
}

const DIRECT = /process\.env\??\.([A-Za-z_][A-Za-z0-9_]*)/g;
const INDEXED = /process\.env\??\.?\[\s*["'`]([A-Za-z_][A-Za-z0-9_]*)["'`]\s*\]/g;
const DESTRUCTURED = /(?:const|let|var)\s*\{([^}]*)\}\s*=\s*process\.env\b/g;
// In env.ts files (the only place code reads the environment, by convention) variables are the keys of
// the zod object the environment is parsed with, or members of the env record passed around.
const SCHEMA_KEY = /(?:^|[{,\s])["']?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)["']?\s*:/g;
const ENV_MEMBER = /\b(?:env|source|environment)\??\.([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\b/g;

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Every environment variable a source file reads by name (`process.env.X`, destructuring, env.ts schemas). */
export function findEnvReads(text: string, options: { envModule: boolean }): EnvRead[] {
  const reads: EnvRead[] = [];
  const add = (name: string, index: number) => reads.push({ name, line: lineAt(text, index) });
  for (const match of text.matchAll(DIRECT)) add(match[1] ?? "", match.index);
  for (const match of text.matchAll(INDEXED)) add(match[1] ?? "", match.index);
  for (const match of text.matchAll(DESTRUCTURED)) {
    for (const part of (match[1] ?? "").split(",")) {
      const name = part
        .split(":")[0]
        ?.split("=")[0]
        ?.trim()
        .replace(/^\.\.\./, "");
      if (name && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) add(name, match.index);
    }
  }
  if (options.envModule) {
    // Short all-caps keys (e.g. `ID:`) are more likely constants than variables; env names are 3+ characters.
    for (const match of text.matchAll(SCHEMA_KEY))
      if ((match[1] ?? "").length >= 3) add(match[1] ?? "", match.index);
    for (const match of text.matchAll(ENV_MEMBER)) add(match[1] ?? "", match.index);
  }
  const seen = new Set<string>();
  return reads
    .filter((read) => read.name !== "")
    .filter((read) => {
      const key = `${read.name}:${read.line}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line);
}
