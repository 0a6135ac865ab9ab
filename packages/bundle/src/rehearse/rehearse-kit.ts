import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type BindingDeclaration,
  defaultLocalResources,
  LOCAL_LAKEBASE_ENDPOINT,
  parseAppYaml,
  type ResourceType,
} from "@appbase/bindings";
import { freePort, type PasswordGate, startPasswordGate } from "@appbase/db/local";
import { inheritedEnv } from "../env.ts";
import { appsEnv } from "./apps-env.ts";
import { type AppsProxy, type ForwardedUser, startAppsProxy } from "./apps-proxy.ts";
import { bundleResourceTypes } from "./bundle-resource-types.ts";
import {
  type LocalWorkspaceApi,
  startLocalWorkspaceApi,
  type WorkspaceApiCounters,
} from "./local-workspace-api.ts";
import { type RunningApp, startStagedApp } from "./run-staged-app.ts";
import {
  builtinChecks,
  runBuiltinSmoke,
  runPlaywrightSmoke,
  type SmokeResult,
  smokeSpecPath,
} from "./smoke.ts";

export interface RehearseKitOptions {
  repoRoot: string;
  kit: { kit: string; health: string };
  /** The staged folder (bundles/<kit>/app). */
  stagedDir: string;
  /** How the local Lakebase is reached (postgres://…); PG* are derived from it. */
  lakebaseUrl: string;
  /** The signed-in user the proxy forwards; with `groups`, a user token whose SCIM `Me` lists them. */
  user?: ForwardedUser & { groups?: readonly string[] };
  smoke?: "auto" | "builtin" | "playwright";
  onStep?: (message: string) => void;
  onAppLine?: (line: string) => void;
  /** Aborting stops the app and the stand-ins at once (e.g. on Ctrl-C); the call then fails. */
  signal?: AbortSignal;
}

export interface RehearsalReport {
  kit: string;
  proxyUrl: string;
  resources: { key: string; type: ResourceType; value: string }[];
  /** Names of the variables the app received (values omitted). */
  env: string[];
  workspaceApi: WorkspaceApiCounters;
  /** Who the proxy signed in, and the groups SCIM `Me` gives them. */
  user: { email: string; groups: readonly string[] };
  /** Logins at the Lakebase front door: accepted ones used a token the local workspace API minted. */
  logins: { accepted: number; rejected: number };
  /** True when the app logged in to Postgres with a minted OAuth token, as it must on Databricks. */
  lakebaseMode: boolean;
  smoke: SmokeResult;
  passed: boolean;
}

/**
 * Runs a staged kit as Databricks Apps would and smoke-tests it: local workspace API for OAuth and
 * Lakebase credentials, env from app.yaml with valueFrom resolved locally, the command without a shell,
 * an Apps proxy stand-in adding the signed-in user's headers, then the kit's smoke test. Stops everything.
 */
export async function rehearseKit(options: RehearseKitOptions): Promise<RehearsalReport> {
  const step = options.onStep ?? (() => {});
  const appYamlFile = join(options.stagedDir, "app.yaml");
  if (!existsSync(appYamlFile))
    throw new Error(`${appYamlFile} is missing: run \`appbase bundle stage ${options.kit.kit}\` first.`);
  const appYaml = parseAppYaml(readFileSync(appYamlFile, "utf8"), { file: appYamlFile });
  const types = bundleResourceTypes(join(options.repoRoot, "bundles", options.kit.kit, "databricks.yml"));
  const clientId = `rehearsal-${options.kit.kit}`;
  const clientSecret = randomBytes(16).toString("hex");

  let api: LocalWorkspaceApi | undefined;
  let app: RunningApp | undefined;
  let proxy: AppsProxy | undefined;
  let gate: PasswordGate | undefined;
  // Stops whatever is running and forgets it, so an abort and the final cleanup never stop a thing twice.
  const stopAll = async () => {
    const [openProxy, openApp, openGate, openApi] = [proxy, app, gate, api];
    proxy = app = gate = api = undefined;
    await openProxy?.close();
    await openApp?.stop();
    await openGate?.close();
    await openApi?.close();
  };
  const checkInterrupted = () => {
    if (options.signal?.aborted) throw new Error(`Rehearsal of ${options.kit.kit} interrupted.`);
  };
  options.signal?.addEventListener("abort", () => void stopAll(), { once: true });
  try {
    checkInterrupted();
    const user = {
      email: "rehearsal.user@example.com",
      userName: "Rehearsal User",
      ...options.user,
      accessToken: options.user?.accessToken ?? `local-user-${randomBytes(16).toString("hex")}`,
    };
    api = await startLocalWorkspaceApi({
      clientId,
      clientSecret,
      endpoints: [LOCAL_LAKEBASE_ENDPOINT],
      users: [{ accessToken: user.accessToken, userName: user.email, groups: user.groups ?? [] }],
    });
    step(`local workspace API on ${api.url} (OIDC, token, postgres credentials)`);
    const bindings: Record<string, BindingDeclaration> = Object.fromEntries(
      Object.entries(types).map(([key, type]) => [key, { resource: key, type, description: key }]),
    );
    // Lakebase asks every client for a password and accepts only a current OAuth token; the local Lakebase
    // trusts everyone, so a gate in front of it plays that part and the token path really runs.
    const lakebase = new URL(options.lakebaseUrl);
    const workspace = api;
    const loginGate = await startPasswordGate({
      upstream: { host: lakebase.hostname, port: Number(lakebase.port || 5432) },
      check: (_user, password) => workspace.isValidCredential(password),
    });
    gate = loginGate;
    checkInterrupted();
    const gatedUrl = `postgres://${lakebase.username || "postgres"}@127.0.0.1:${loginGate.port}${lakebase.pathname}`;
    step(
      `Lakebase login gate on 127.0.0.1:${loginGate.port} (password must be a minted token) → ${lakebase.host}`,
    );
    const resources = defaultLocalResources({ lakebaseUrl: gatedUrl, platformUrl: api.url, bindings });
    const port = await freePort();
    const env = appsEnv({
      appYaml,
      appName: `${options.kit.kit}-rehearsal`,
      port,
      resources,
      platformUrl: api.url,
      clientId,
      clientSecret,
      hostEnv: inheritedEnv(),
    });
    step(`starting \`${appYaml.command.join(" ")}\` on port ${port} (no shell)`);
    app = await startStagedApp({
      stagedDir: options.stagedDir,
      appYaml,
      env,
      port,
      healthPath: options.kit.health,
      ...(options.onAppLine ? { onLine: options.onAppLine } : {}),
    });
    checkInterrupted();
    proxy = await startAppsProxy({
      target: app.url,
      user,
    });
    step(`healthy; Apps proxy stand-in on ${proxy.url}`);
    const spec = smokeSpecPath(options.repoRoot, options.kit.kit);
    const mode = options.smoke ?? "auto";
    if (mode === "playwright" && !spec) throw new Error(`No e2e/${options.kit.kit}/smoke.spec.ts to run.`);
    const smoke =
      spec && mode !== "builtin"
        ? await runPlaywrightSmoke({
            repoRoot: options.repoRoot,
            kit: options.kit.kit,
            baseUrl: proxy.url,
            ...(options.onAppLine ? { onLine: options.onAppLine } : {}),
          })
        : await runBuiltinSmoke(
            proxy.url,
            builtinChecks(options.repoRoot, options.kit.kit, options.kit.health),
          );
    const usesPostgres = Object.values(types).includes("postgres");
    const accepted = loginGate.logins.filter((login) => login.accepted).length;
    const lakebaseMode = accepted > 0;
    return {
      kit: options.kit.kit,
      proxyUrl: proxy.url,
      resources: Object.entries(resources.resources)
        .filter(([key]) => key in types)
        .map(([key, resource]) => ({
          key,
          type: resource.type,
          value: resource.type === "secret" ? "(secret)" : resource.value,
        })),
      env: Object.keys(env).sort(),
      workspaceApi: { ...api.counters },
      user: { email: user.email, groups: user.groups ?? [] },
      logins: { accepted, rejected: loginGate.logins.length - accepted },
      lakebaseMode,
      smoke,
      passed: smoke.passed && (!usesPostgres || lakebaseMode),
    };
  } finally {
    await stopAll();
  }
}
