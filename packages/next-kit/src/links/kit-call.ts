import { LOCAL_IDENTITY_COOKIE } from "@appbase/bindings";
import { m2mTokenSource, type TokenSource } from "@appbase/databricks";
import type { LinkTarget } from "./kit-link.ts";
import { callingAppUserId, kitAppVariable } from "./linked-kit-bindings.ts";

/** What a call to another kit's route answers: the route's `{ ok, data }` or `{ ok: false, error }`. */
interface RouteAnswer {
  ok?: boolean;
  data?: unknown;
  error?: { message?: string; fieldErrors?: Record<string, string[]> };
}

/** The other kit answered with a refusal or failure; `status` is its HTTP status, the message its own. */
export class KitCallError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "KitCallError";
  }
}

export interface KitCallerOptions {
  /** This kit's id: locally the call acts as its app user (`<kit>-app`) in the called kit. */
  caller: string;
  targets: () => Promise<readonly LinkTarget[]>;
  /** `apps`: a bearer token of this app's service principal; `local`: the local identity cookie. */
  mode: () => "apps" | "local";
  /** This app's service principal on Databricks (what Apps injects). */
  principal?: () => { host?: string; clientId?: string; clientSecret?: string };
  fetch?: typeof fetch;
  /** How long a call may take; the called route may run an agent to its review step meanwhile. */
  timeoutMs?: number;
}

/** Posts JSON to another kit's route as this kit's app; see createKitCaller. */
export type KitCaller = <T>(call: {
  kit: string;
  path: `/api/${string}`;
  body: Record<string, unknown>;
}) => Promise<T>;

function failureText(answer: RouteAnswer | null, status: number): string {
  const message = answer?.error?.message ?? `HTTP ${status}`;
  const fields = Object.entries(answer?.error?.fieldErrors ?? {})
    .map(([field, errors]) => `${field}: ${errors.join("; ")}`)
    .join("; ");
  return fields && !message.includes(fields) ? `${message} (${fields})` : message;
}

/**
 * Calls another kit's owning route as this kit's app. The target's base URL comes from the same
 * binding as deep links (APPBASE_KITS locally, the bound APPBASE_APP_<KIT> app on Databricks), never
 * from configuration of its own. Who calls: on Databricks a bearer token of this app's service
 * principal (the Apps proxy signs the called app's request in as that principal); locally the local
 * identity cookie naming `<caller>-app`, a local user the called kit declares (callingAppUser).
 * A kit that is not deployed, a refusal and a timeout are KitCallErrors that say what to do.
 */
export function createKitCaller(options: KitCallerOptions): KitCaller {
  const doFetch = options.fetch ?? fetch;
  let tokens: TokenSource | undefined;
  const authorization = async (): Promise<Record<string, string>> => {
    if (options.mode() === "local")
      return { cookie: `${LOCAL_IDENTITY_COOKIE}=${callingAppUserId(options.caller)}` };
    const { host, clientId, clientSecret } = options.principal?.() ?? {};
    if (!host || !clientId || !clientSecret)
      throw new KitCallError(
        "This app's service principal is not injected (DATABRICKS_HOST, DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET), so it cannot call another app.",
        null,
      );
    tokens ??= m2mTokenSource({ host, clientId, clientSecret, fetch: doFetch });
    return { authorization: `Bearer ${await tokens.token()}` };
  };
  return async function callKit<T>(call: {
    kit: string;
    path: `/api/${string}`;
    body: Record<string, unknown>;
  }): Promise<T> {
    const target = (await options.targets()).find((t) => t.id === call.kit);
    if (!target)
      throw new KitCallError(
        `${call.kit} is not deployed here, so ${call.path} cannot be called; deploy it and bind its app as ${kitAppVariable(call.kit)} (locally: run it with appbase up).`,
        null,
      );
    const url = `${target.url.replace(/\/+$/, "")}${call.path}`;
    const title = target.title ?? call.kit;
    let response: Response;
    try {
      response = await doFetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(await authorization()) },
        body: JSON.stringify(call.body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
        redirect: "manual",
      });
    } catch (error) {
      if (error instanceof KitCallError) throw error;
      throw new KitCallError(
        `${title} did not answer ${call.path} (${error instanceof Error ? error.message : String(error)}); try again once it is running.`,
        null,
      );
    }
    const answer = (await response.json().catch(() => null)) as RouteAnswer | null;
    if (!response.ok || answer?.ok !== true)
      throw new KitCallError(
        `${title} refused ${call.path} (HTTP ${response.status}): ${failureText(answer, response.status)}`,
        response.status,
      );
    return answer.data as T;
  };
}
