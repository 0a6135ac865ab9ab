import type { EnvRecord } from "./env-issues.ts";

const ENDPOINT = /^projects\/[^/]+\/branches\/([^/]+)\/endpoints\/[^/]+$/;

/** The Lakebase branch a kit runs on, when it is not the default one. */
export interface RunningBranch {
  name: string;
  /** Where the name came from: the bound endpoint (Databricks) or `appbase preview` (local). */
  source: "lakebase-endpoint" | "local-preview";
}

/** Default branch names: Lakebase's auto-created `production`, the local Lakebase's `main`. */
const DEFAULT_BRANCHES = new Set(["production", "main"]);

/**
 * Which branch a kit runs on: parsed from LAKEBASE_ENDPOINT (`projects/{p}/branches/{b}/endpoints/{e}`)
 * on Databricks, or APPBASE_BRANCH, which `appbase preview` sets locally. Undefined on the default
 * branch, so a page shows a branch badge only when it matters.
 */
export function runningBranch(env: EnvRecord): RunningBranch | undefined {
  const endpoint = env.LAKEBASE_ENDPOINT?.trim();
  const fromEndpoint = endpoint ? ENDPOINT.exec(endpoint)?.[1] : undefined;
  if (fromEndpoint)
    return DEFAULT_BRANCHES.has(fromEndpoint)
      ? undefined
      : { name: fromEndpoint, source: "lakebase-endpoint" };
  const local = env.APPBASE_BRANCH?.trim();
  if (!local || DEFAULT_BRANCHES.has(local) || !/^[a-z][a-z0-9-]{0,62}$/.test(local)) return undefined;
  return { name: local, source: "local-preview" };
}
