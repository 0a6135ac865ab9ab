import { type SpawnSyncReturns, spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { bundleToolEnv, bundleVariablesFromEnv, inheritedEnv } from "../env.ts";
import { snake } from "../generate/kit-bundle.ts";
import { loadBundle } from "../schema/load-bundle.ts";

export interface DeployOptions {
  repoRoot: string;
  kit: string;
  target: string;
  /** `name=value` pairs passed to the CLI as `--var`. */
  variables: Record<string, string>;
  profile?: string;
  onLine?: (line: string) => void;
}

/** What stops a deploy before it starts; each entry says how to fix it. */
export function deployBlockers(options: Omit<DeployOptions, "onLine">, run = spawnSync): string[] {
  const cli = bundleToolEnv().APPBASE_DATABRICKS_CLI ?? "databricks";
  const version = run(cli, ["--version"], { encoding: "utf8" }) as SpawnSyncReturns<string>;
  if (version.error || version.status !== 0) {
    return [
      `The Databricks CLI (${cli}) is not installed: install it (https://docs.databricks.com/dev-tools/cli/install), ` +
        "or set APPBASE_DATABRICKS_CLI to its path.",
    ];
  }
  const blockers: string[] = [];
  const profile = options.profile ? ["--profile", options.profile] : [];
  const me = run(cli, ["current-user", "me", "--output", "json", ...profile], {
    encoding: "utf8",
  }) as SpawnSyncReturns<string>;
  if (me.status !== 0) {
    blockers.push(
      "The Databricks CLI is not authenticated to a workspace: run `databricks auth login --host https://<your-workspace>` " +
        "(then pass --profile), or set DATABRICKS_HOST with DATABRICKS_CLIENT_ID/DATABRICKS_CLIENT_SECRET for a service principal.",
    );
  }
  const config = loadBundle(join(options.repoRoot, "bundles", options.kit, "databricks.yml")).config as {
    variables?: Record<string, { default?: unknown }>;
    targets?: Record<string, { variables?: Record<string, unknown> }>;
  };
  if (!config.targets?.[options.target]) {
    blockers.push(
      `Target ${options.target} is not in the bundle: use one of ${Object.keys(config.targets ?? {}).join(", ")}.`,
    );
  }
  const supplied = new Set([
    ...Object.keys(options.variables),
    ...bundleVariablesFromEnv(),
    ...Object.keys(config.targets?.[options.target]?.variables ?? {}),
  ]);
  const missing = Object.entries(config.variables ?? {})
    .filter(([name, variable]) => variable.default === undefined && !supplied.has(name))
    .map(([name]) => name);
  if (missing.length > 0) {
    blockers.push(
      `Bundle variables without a value: ${missing.join(", ")}. Pass each as --var name=value or set BUNDLE_VAR_<name> ` +
        `(see the descriptions in bundles/${options.kit}/databricks.yml).`,
    );
  }
  return blockers;
}

function runCli(cli: string, args: string[], cwd: string, onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cli, args, { cwd, env: inheritedEnv(), stdio: ["ignore", "pipe", "pipe"] });
    const relay = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim()) onLine(line);
    };
    child.stdout.on("data", relay);
    child.stderr.on("data", relay);
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`\`databricks ${args.join(" ")}\` failed (exit ${code}).`)),
    );
  });
}

/** The Databricks CLI's arguments for a deploy, in order: `bundle validate`, `deploy`, then `run` (starts the app). */
export function deployCommands(options: Omit<DeployOptions, "onLine" | "repoRoot">): string[][] {
  const common = [
    "--target",
    options.target,
    ...(options.profile ? ["--profile", options.profile] : []),
    ...Object.entries(options.variables).flatMap(([name, value]) => ["--var", `${name}=${value}`]),
  ];
  return [
    ["bundle", "validate", ...common],
    ["bundle", "deploy", ...common],
    ["bundle", "run", snake(options.kit), ...common],
  ];
}

/** `databricks bundle validate`, `deploy` and `run` for one kit and target, streaming the CLI's output. */
export async function deployKit(options: DeployOptions): Promise<void> {
  const cli = bundleToolEnv().APPBASE_DATABRICKS_CLI ?? "databricks";
  const cwd = join(options.repoRoot, "bundles", options.kit);
  const onLine = options.onLine ?? (() => {});
  for (const args of deployCommands(options)) {
    onLine(`$ databricks ${args.join(" ")}`);
    await runCli(cli, args, cwd, onLine);
  }
}
