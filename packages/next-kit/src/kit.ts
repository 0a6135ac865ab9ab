import { LOCAL_IDENTITY_COOKIE } from "@appbase/bindings";
import { can as grantsCan } from "@appbase/grants";
import type { z } from "zod";
import { type GuardSpec, identityOptions, runGuarded } from "./action/guard.ts";
import { brand } from "./action/registry.ts";
import { type ActionResult, statusForFailure } from "./action/result.ts";
import { cookieFromRequest, nextRequestContext } from "./identity/next-request.ts";
import { IdentityError, IdentityRefusedError, resolveKitIdentity } from "./identity/resolve.ts";
import { createLocalIdentitySwitcher } from "./identity/switcher.ts";
import type { KitIdentity } from "./identity/types.ts";
import { workspaceGroups } from "./identity/workspace-groups.ts";
import type { KitRuntimeConfig } from "./kit-config.ts";

export type { GuardContext } from "./action/guard.ts";
export type { KitRuntimeConfig } from "./kit-config.ts";

/** Route input is read from the query string (GET) or the JSON body (other methods). */
export interface RouteSpec<P extends string, S extends z.ZodType, T> extends GuardSpec<P, S, T> {
  from?: "query" | "json";
}

/** One kit's wrapper set: every server action and route handler of the kit is built from these. */
export function createKitRuntime<P extends string>(kitConfig: KitRuntimeConfig<P>) {
  // One group lookup (and its cache) per kit process.
  const config: KitRuntimeConfig<P> =
    kitConfig.groupsForUser || kitConfig.mode !== "apps" || !kitConfig.workspaceHost
      ? kitConfig
      : {
          ...kitConfig,
          groupsForUser: workspaceGroups({
            host: kitConfig.workspaceHost,
            kit: kitConfig.matrix.kit,
            ...(kitConfig.logger ? { logger: kitConfig.logger } : {}),
          }),
        };
  const requestContext = config.requestContext ?? nextRequestContext;

  /** Wraps a domain function as a server action: identity → permission → zod → handler; errors as data. */
  function defineAction<S extends z.ZodType, T>(spec: GuardSpec<P, S, T>) {
    const action = async (input: z.input<S> | FormData): Promise<ActionResult<T>> =>
      runGuarded(config, spec, await requestContext(), input);
    return brand(action, { kind: "action", permission: spec.permission, input: spec.input });
  }

  /** The same wrapper for route handlers: JSON in, JSON out, failures with their HTTP status. */
  function defineRoute<S extends z.ZodType, T>(spec: RouteSpec<P, S, T>) {
    const route = async (request: Request): Promise<Response> => {
      // HEAD is GET without a body (Next answers it with the GET handler), so it reads the query too.
      const from = spec.from ?? (request.method === "GET" || request.method === "HEAD" ? "query" : "json");
      let raw: unknown;
      if (from === "query") raw = Object.fromEntries(new URL(request.url).searchParams);
      else {
        try {
          raw = await request.json();
        } catch {
          return Response.json(
            {
              ok: false,
              error: {
                kind: "invalid",
                message: "The request body must be JSON.",
                fieldErrors: { _form: ["body is not valid JSON"] },
              },
            },
            { status: 400 },
          );
        }
      }
      const cookie = cookieFromRequest(request, LOCAL_IDENTITY_COOKIE);
      const result = await runGuarded(
        config,
        spec,
        { headers: request.headers, ...(cookie ? { localIdentityCookie: cookie } : {}) },
        raw,
      );
      return Response.json(result, { status: result.ok ? 200 : statusForFailure(result.error) });
    };
    return brand(route, { kind: "route", permission: spec.permission, input: spec.input });
  }

  /** The identity of the current request, for Server Components (reads). */
  async function currentIdentity(): Promise<KitIdentity> {
    return resolveKitIdentity(await requestContext(), identityOptions(config));
  }

  /** Like `currentIdentity`, but a request with no usable identity is a value with a message, not a throw. */
  async function identityOrReason(): Promise<{ identity: KitIdentity } | { identity: null; reason: string }> {
    try {
      return { identity: await currentIdentity() };
    } catch (error) {
      if (!(error instanceof IdentityError)) throw error;
      if (error instanceof IdentityRefusedError)
        config.logger?.warn(`[${config.matrix.kit}] refused: ${error.message}`);
      return { identity: null, reason: error.message };
    }
  }

  /** Whether the current identity holds `permission`, for deciding what a page renders. */
  function can(identity: KitIdentity, permission: P): boolean {
    return grantsCan(identity, permission, config.matrix);
  }

  const switchLocalIdentity = createLocalIdentitySwitcher(config);
  /** The switcher as a plain form action (the app shell's form posts the chosen `userId`). */
  const switchLocalIdentityForm = brand(
    async (form: FormData): Promise<void> => {
      await switchLocalIdentity(form);
    },
    { kind: "local-switcher", permission: null },
  );

  return {
    switchLocalIdentityForm,
    defineAction,
    defineRoute,
    currentIdentity,
    identityOrReason,
    can,
    switchLocalIdentity,
    config,
  };
}

export type KitRuntime<P extends string> = ReturnType<typeof createKitRuntime<P>>;
