import type { z } from "zod";
import { describeValue, type EnvIssue, type EnvRecord, readVariable } from "./env-issues.ts";

/** How one variable is validated and what to tell a person when it is wrong. */
export interface VariableSpec {
  name: string;
  schema: z.ZodType;
  optional: boolean;
  sensitive: boolean;
  /** Appended to "NAME is missing: " */
  whenMissing: string;
  /** Appended to "NAME is malformed: <what zod said>, got <value>; " */
  whenMalformed: string;
  /** Used when the variable is unset (before validation). */
  fallback?: string;
}

/** Validates every variable and collects all problems instead of stopping at the first. */
export function checkVariables(
  env: EnvRecord,
  specs: readonly VariableSpec[],
): { values: Record<string, unknown>; issues: EnvIssue[] } {
  const values: Record<string, unknown> = {};
  const issues: EnvIssue[] = [];
  for (const spec of specs) {
    const raw = readVariable(env, spec.name) ?? spec.fallback;
    if (raw === undefined) {
      if (spec.optional) values[spec.name] = undefined;
      else
        issues.push({
          variable: spec.name,
          problem: "missing",
          message: `${spec.name} is missing: ${spec.whenMissing}`,
        });
      continue;
    }
    const parsed = spec.schema.safeParse(raw);
    if (parsed.success) {
      values[spec.name] = parsed.data;
      continue;
    }
    const reason = parsed.error.issues.map((issue) => issue.message).join("; ");
    issues.push({
      variable: spec.name,
      problem: "malformed",
      message: `${spec.name} is malformed: ${reason}, got ${describeValue(raw, spec.sensitive)}; ${spec.whenMalformed}`,
    });
  }
  return { values, issues };
}
