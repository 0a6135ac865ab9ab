import { appWorkspaceClient, type WorkspaceClient } from "@appbase/databricks";
import { z } from "zod";
import { runningKits } from "../kit-switcher.ts";
import type { LinkTarget } from "./kit-link.ts";
import { KIT_APP_PREFIX, kitOfAppVariable } from "./linked-kit-bindings.ts";

// `GET /api/2.0/apps/{name}` answers an App; `url` is its documented output field (platform §2.2).
const appSchema = z.looseObject({ name: z.string(), url: z.string().optional() });

/** The kit's environment (its serverEnv()); only string values are read. */
type Env = Readonly<Record<string, unknown>>;

export interface LinkTargetsOptions {
  /** The workspace as the app's service principal; defaults to the injected variables. */
  client?: () => WorkspaceClient;
  logger?: Pick<Console, "warn">;
  now?: () => number;
}

function stringValues(env: Env): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === "string")) as Record<
    string,
    string
  >;
}

/** How long a failed app lookup is remembered before it is tried again. */
const RETRY_LOOKUP_MS = 60_000;

/**
 * The kits this kit can link to. Locally: the kits `appbase up` serves (`APPBASE_KITS`). On
 * Databricks: each bound `APPBASE_APP_*` app, its URL read once from the Apps API as the app's
 * service principal. An app that cannot be read (not deployed, no URL yet) is left out, with a warning.
 */
export function createLinkTargets(env: () => Env, options: LinkTargetsOptions = {}) {
  const resolved = new Map<string, { target: LinkTarget | null; at: number }>();
  const now = options.now ?? Date.now;
  return async function linkTargets(): Promise<LinkTarget[]> {
    const source = env();
    const kits = source.APPBASE_KITS;
    if (typeof kits === "string" && kits.trim()) return runningKits(kits);
    const bound = Object.entries(source).flatMap(([name, value]) =>
      name.startsWith(KIT_APP_PREFIX) && typeof value === "string" && value.trim()
        ? [{ name, app: value.trim() }]
        : [],
    );
    if (bound.length === 0) return [];
    const client = options.client ?? (() => appWorkspaceClient(stringValues(source)));
    const targets = await Promise.all(
      bound.map(async ({ name, app }) => {
        const kit = kitOfAppVariable(name);
        const cached = resolved.get(name);
        if (cached && (cached.target || now() - cached.at < RETRY_LOOKUP_MS)) return cached.target;
        let target: LinkTarget | null = null;
        try {
          const found = await client().request({
            method: "GET",
            path: `/api/2.0/apps/${encodeURIComponent(app)}`,
            response: appSchema,
            operation: "get app",
          });
          if (found.url) target = { id: kit, url: found.url };
          else options.logger?.warn(`[links] app ${app} (${name}) has no URL yet; links to ${kit} stay off.`);
        } catch (error) {
          options.logger?.warn(
            `[links] could not read app ${app} (${name}): ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        resolved.set(name, { target, at: now() });
        return target;
      }),
    );
    return targets.filter((t): t is LinkTarget => t !== null);
  };
}
