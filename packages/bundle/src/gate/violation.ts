/** The classes of violation the portability gate reports. */
export const VIOLATION_RULES = {
  "workspace-host": "a Databricks workspace host is written into the source",
  "workspace-id": "a workspace or workspace object id is written into the source",
  token: "an access token or OAuth secret is written into the source",
  password: "a password or secret value is written into the source",
  "connection-string": "a database connection string is written into the source",
  "unbound-env":
    "code reads an environment variable that app.yaml does not bind and the platform does not inject",
  "undeclared-resource":
    "app.yaml or the bundle's inline config names a resource the bundle does not declare",
  "injected-in-app-yaml": "app.yaml sets a variable Databricks Apps injects (or PGPASSWORD)",
  "invalid-bundle": "the kit's bundle is missing or cannot be read",
} as const;

export type ViolationRule = keyof typeof VIOLATION_RULES;

/** One gate violation, named by file and line with what to do about it. */
export interface Violation {
  rule: ViolationRule;
  file: string;
  line?: number;
  message: string;
}

/** Renders `file:line: [rule] message`, with the file relative to `base` when under it. */
export function formatViolation(violation: Violation, base?: string): string {
  const file =
    base && violation.file.startsWith(`${base}/`) ? violation.file.slice(base.length + 1) : violation.file;
  return `${file}${violation.line ? `:${violation.line}` : ""}: [${violation.rule}] ${violation.message}`;
}
