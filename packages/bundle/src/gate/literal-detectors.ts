import type { ViolationRule } from "./violation.ts";

/** A finding inside one line of text. */
export interface LiteralFinding {
  rule: ViolationRule;
  /** The offending text, shortened so a secret is never echoed whole. */
  excerpt: string;
  message: string;
}

const PLACEHOLDER = /example|xxx|your[-_]|placeholder|<|\{|\$/i;

function shorten(value: string): string {
  return value.length <= 12 ? value : `${value.slice(0, 8)}…`;
}

const WORKSPACE_HOST =
  /\b((?:[a-z0-9-]+\.)+(?:cloud\.databricks\.com|cloud\.databricks\.us|cloud\.databricks\.mil|azuredatabricks\.net|gcp\.databricks\.com|databricks\.azure\.cn))\b/gi;

function isPlaceholderHost(host: string): boolean {
  const first = host.split(".")[0] ?? "";
  if (PLACEHOLDER.test(host) || /^(accounts|docs|www|community|(my-?)?workspace(-name)?)$/i.test(first))
    return true;
  // Real Azure workspace hosts carry a 15-16 digit workspace id (adb-1234567890123456.7); short ones are made up.
  const adb = /^adb-(\d+)$/i.exec(first);
  return adb !== null && (adb[1]?.length ?? 0) < 10;
}

const TOKEN_PATTERNS: readonly [RegExp, string][] = [
  [/\bdapi[0-9a-f]{32}(?:-\d+)?\b/g, "a Databricks personal access token"],
  [/\bdose[0-9a-f]{32}\b/g, "a Databricks OAuth client secret"],
  [/\bdkea[0-9a-f]{32}\b/g, "a Databricks account token"],
  [/\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g, "a JWT (an OAuth access token)"],
  [/\bBearer\s+[A-Za-z0-9._~+/-]{20,}=*/g, "a bearer token"],
];

const SECRET_ASSIGNMENT =
  /\b([A-Za-z_]*(?:password|passwd|secret|api_?key|token)[A-Za-z_]*)["']?\s*[:=]\s*["'`]([^"'`\s]{4,})["'`]/gi;
const YAML_SECRET =
  /^\s*(?:-\s*)?([A-Za-z_]*(?:password|passwd|secret|api_?key|token)[A-Za-z_]*)\s*:\s*([^\s#][^#]*?)\s*$/i;

const CONNECTION_STRING =
  /\b(postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|jdbc:[a-z0-9]+):\/\/(?:([A-Za-z0-9._%+-]+)(?::([^@\s"'`/]*))?@)?([A-Za-z0-9.-]+)/g;

const PLACEHOLDER_HOSTS = /^(host|hostname|server|db|database|your-host)$/i;
const PLACEHOLDER_PASSWORDS = /^(password|pass|pwd|secret|\*+|x+)$/i;
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\])$/i;

const WORKSPACE_ID_PATTERNS: readonly RegExp[] = [
  /[?&]o=(\d{10,})\b/g,
  /\bworkspace_?id["']?\s*[:=]\s*["']?(\d{6,})\b/gi,
  /\bDATABRICKS_WORKSPACE_ID["']?\s*[:=]\s*["']?(\d{6,})\b/g,
];

const OBJECT_ID_YAML =
  /^\s*(?:-\s*)?(id|[a-z_]*_id|space_id|warehouse)\s*:\s*["']?([0-9a-f]{16}|[0-9a-f]{32}|\d{10,})["']?\s*$/i;

function isReference(value: string): boolean {
  return value.startsWith("${") || value.startsWith("{{") || /^(null|~|""|''|true|false)$/i.test(value);
}

/** Every literal a portable app must not carry, found on one line of source or YAML. */
export function detectLiterals(line: string, options: { yaml: boolean }): LiteralFinding[] {
  const findings: LiteralFinding[] = [];
  for (const match of line.matchAll(WORKSPACE_HOST)) {
    const host = match[1] ?? "";
    if (isPlaceholderHost(host)) continue;
    findings.push({
      rule: "workspace-host",
      excerpt: host,
      message: `workspace host ${host}: read DATABRICKS_HOST (injected) instead, or pass the host to the Databricks CLI at deploy time`,
    });
  }
  for (const pattern of WORKSPACE_ID_PATTERNS) {
    for (const match of line.matchAll(pattern)) {
      findings.push({
        rule: "workspace-id",
        excerpt: match[1] ?? "",
        message: `workspace id ${match[1]}: read DATABRICKS_WORKSPACE_ID (injected) instead of writing it down`,
      });
    }
  }
  if (options.yaml) {
    const objectId = OBJECT_ID_YAML.exec(line);
    if (objectId) {
      findings.push({
        rule: "workspace-id",
        excerpt: objectId[2] ?? "",
        message: `${objectId[1]} ${objectId[2]} is a workspace object id: make it a bundle variable (\${var.…}) set per target or with --var`,
      });
    }
  }
  for (const [pattern, what] of TOKEN_PATTERNS) {
    for (const match of line.matchAll(pattern)) {
      findings.push({
        rule: "token",
        excerpt: shorten(match[0]),
        message: `${what} (${shorten(match[0])}): revoke it, remove it, and bind the credential as a \`secret\` app resource`,
      });
    }
  }
  for (const match of line.matchAll(CONNECTION_STRING)) {
    const [whole, , user, password, host = ""] = match;
    // Documentation forms such as postgres://user:password@host:port/db name no real server.
    if (
      whole.includes("${") ||
      PLACEHOLDER.test(host) ||
      PLACEHOLDER_HOSTS.test(host) ||
      PLACEHOLDER_PASSWORDS.test(password ?? "")
    )
      continue;
    const hasPassword = password !== undefined && password !== "" && !password.startsWith("$");
    if (LOOPBACK.test(host) && !hasPassword) continue;
    findings.push({
      rule: "connection-string",
      excerpt: `${match[1]}://${user ? `${user}@` : ""}${host}`,
      message: `connection string to ${host}${hasPassword ? " with a password" : ""}: bind the database as a \`postgres\` app resource (LAKEBASE_ENDPOINT via valueFrom) and let the platform inject PG*`,
    });
  }
  const secretMatches = options.yaml
    ? [YAML_SECRET.exec(line)].filter((m) => m !== null)
    : [...line.matchAll(SECRET_ASSIGNMENT)];
  for (const match of secretMatches) {
    const key = match[1] ?? "";
    const value = (match[2] ?? "").replace(/^["']|["']$/g, "");
    if (isReference(value) || PLACEHOLDER.test(value) || findings.some((f) => f.rule === "token")) continue;
    findings.push({
      rule: "password",
      excerpt: key,
      message: `${key} has a literal value: store it in a secret scope and bind it as a \`secret\` app resource (valueFrom)`,
    });
  }
  return findings;
}
