import AjvModule, { type ErrorObject, type ValidateFunction } from "ajv";

// ajv is CommonJS: depending on the loader the class is the default export or its `default` property.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ??
  AjvModule) as typeof AjvModule;

/** Keywords the Databricks schema uses for editors; Ajv must know them but they validate nothing. */
const NO_OP_KEYWORDS = [
  "markdownDescription",
  "deprecationMessage",
  "doNotSuggest",
  "enumDescriptions",
  "x-databricks-launch-stage",
  "sinceVersion",
  "x-since-version",
];

/** One schema violation, at a path inside the merged bundle configuration. */
export interface SchemaProblem {
  /** Path segments from the root, e.g. ["resources", "apps", "hub", "config", "env", 0]. */
  path: (string | number)[];
  message: string;
}

export type BundleValidator = (config: unknown) => SchemaProblem[];

const compiled = new WeakMap<object, ValidateFunction>();

/** Compiles the bundle schema with Ajv as shared/databricks/README.md prescribes (cached per schema object). */
export function createBundleValidator(schema: Record<string, unknown>): BundleValidator {
  let validate = compiled.get(schema);
  if (!validate) {
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: true });
    for (const keyword of NO_OP_KEYWORDS) ajv.addKeyword({ keyword });
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  const run = validate;
  return (config) => (run(config) ? [] : summarizeErrors(run.errors ?? []));
}

function segments(instancePath: string): (string | number)[] {
  if (instancePath === "") return [];
  return instancePath
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^[0-9]+$/.test(part) ? Number(part) : part));
}

// Every field in the schema is `oneOf [the real type, a ${...} interpolation pattern]`, so one mistake
// yields a cloud of errors; the ones that say what is wrong are these, best first.
const RANK: Record<string, number> = { additionalProperties: 0, enum: 1, required: 2, type: 3, const: 4 };

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
      return `unknown key "${String(params.additionalProperty)}": not allowed here (check the spelling; databricks.yml uses snake_case, e.g. value_from)`;
    case "enum":
      return `must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(", ")} (or a \${var.…} reference)`;
    case "required":
      return `missing required key "${String(params.missingProperty)}"`;
    default:
      return error.message ?? error.keyword;
  }
}

/** Reduces Ajv's errors to one readable problem per offending place. */
export function summarizeErrors(errors: readonly ErrorObject[]): SchemaProblem[] {
  const ranked = errors.filter((error) => error.keyword in RANK);
  const pool = ranked.length > 0 ? ranked : [...errors];
  // An error deeper in the tree explains the ones on its ancestors (which only say "no oneOf branch matched").
  const paths = pool.map((error) => error.instancePath);
  const deepest = pool.filter(
    (error) =>
      !paths.some((other) => other !== error.instancePath && other.startsWith(`${error.instancePath}/`)),
  );
  const bestRank = new Map<string, number>();
  for (const error of deepest) {
    const rank = RANK[error.keyword] ?? 9;
    bestRank.set(error.instancePath, Math.min(rank, bestRank.get(error.instancePath) ?? 9));
  }
  const byPlace = new Map<string, ErrorObject>();
  for (const error of deepest) {
    if ((RANK[error.keyword] ?? 9) !== bestRank.get(error.instancePath)) continue;
    const params = error.params as Record<string, unknown>;
    const detail = String(params.additionalProperty ?? params.missingProperty ?? "");
    byPlace.set(`${error.instancePath}#${error.keyword}#${detail}`, error);
  }
  return [...byPlace.values()].map((error) => {
    const path = segments(error.instancePath);
    if (error.keyword === "additionalProperties") {
      path.push(String((error.params as Record<string, unknown>).additionalProperty));
    }
    return { path, message: describe(error) };
  });
}
