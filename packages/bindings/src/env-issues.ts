/** One problem with one environment variable: what is wrong and how to fix it. */
export interface EnvIssue {
  variable: string;
  problem: "missing" | "malformed";
  /** Full sentence naming the variable, what is wrong and how to bind it. */
  message: string;
}

/** Thrown when the environment fails validation; lists every problem at once, one per line. */
export class AppEnvError extends Error {
  readonly issues: readonly EnvIssue[];

  constructor(issues: readonly EnvIssue[], heading = "The app environment is not valid") {
    const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
    super(`${heading} (${count}):\n${issues.map((issue) => `- ${issue.message}`).join("\n")}`);
    this.name = "AppEnvError";
    this.issues = issues;
  }
}

/** Environment records as Node and test code pass them around. */
export type EnvRecord = Readonly<Record<string, string | undefined>>;

/** Reads a variable, treating an empty string as unset (an empty `value:` in app.yaml binds nothing). */
export function readVariable(env: EnvRecord, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === "" ? undefined : value;
}

/** Shows a value in an error without flooding it or leaking secrets. */
export function describeValue(value: string, sensitive: boolean): string {
  if (sensitive) return `a ${value.length}-character value (not shown: sensitive)`;
  const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return JSON.stringify(shown);
}
