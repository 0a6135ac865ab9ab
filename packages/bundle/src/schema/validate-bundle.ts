import { createBundleValidator } from "./bundle-validator.ts";
import { type LoadedBundle, type LocatedProblem, loadBundle, locate } from "./load-bundle.ts";

export interface BundleValidation {
  bundle: LoadedBundle;
  problems: LocatedProblem[];
}

function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${key}` : key),
    "",
  );
}

/** Validates a databricks.yml (with its includes merged) against the bundle JSON schema; problems name file and line. */
export function validateBundleFile(rootFile: string, schema: Record<string, unknown>): BundleValidation {
  const bundle = loadBundle(rootFile);
  const validate = createBundleValidator(schema);
  const problems = [...bundle.problems];
  for (const problem of validate(bundle.config)) {
    const where = locate(bundle, problem.path);
    const path = formatPath(problem.path);
    problems.push({ ...where, path, message: `${path || "(root)"}: ${problem.message}` });
  }
  return { bundle, problems };
}

/** Renders a located problem as `file:line: message`, relative to `base` when given. */
export function formatProblem(problem: LocatedProblem, base?: string): string {
  const file =
    base && problem.file.startsWith(`${base}/`) ? problem.file.slice(base.length + 1) : problem.file;
  return `${file}${problem.line ? `:${problem.line}` : ""}: ${problem.message}`;
}
