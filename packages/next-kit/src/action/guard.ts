import { can } from "@appbase/grants";
import { z } from "zod";
import {
  IdentityError,
  IdentityRefusedError,
  type IdentityRequest,
  resolveKitIdentity,
} from "../identity/resolve.ts";
import type { KitIdentity } from "../identity/types.ts";
import type { KitRuntimeConfig } from "../kit-config.ts";
import { logWithErrorId } from "./error-reference.ts";
import { ConflictError, FieldRuleError, NotFoundError } from "./errors.ts";
import type { ActionResult } from "./result.ts";

/** What a guarded handler is told besides its validated input. */
export interface GuardContext {
  identity: KitIdentity;
}

export interface GuardSpec<P extends string, S extends z.ZodType, T> {
  permission: P;
  input: S;
  handler: (input: z.output<S>, context: GuardContext) => Promise<T>;
}

/** Identity → permission → validation → handler, with every failure returned as data. Runs without Next. */
export async function runGuarded<P extends string, S extends z.ZodType, T>(
  config: KitRuntimeConfig<P>,
  spec: GuardSpec<P, S, T>,
  request: IdentityRequest,
  rawInput: unknown,
): Promise<ActionResult<T>> {
  const kit = config.matrix.kit;
  let identity: KitIdentity;
  try {
    identity = await resolveKitIdentity(request, identityOptions(config));
  } catch (error) {
    if (error instanceof IdentityRefusedError) {
      config.logger?.warn(`[${kit}] refused: ${error.message}`);
      return { ok: false, error: { kind: "forbidden", permission: spec.permission, message: error.message } };
    }
    if (error instanceof IdentityError)
      return { ok: false, error: { kind: "unauthenticated", message: error.message } };
    throw error;
  }
  if (!can(identity, spec.permission, config.matrix)) {
    config.logger?.warn(
      `[${kit}] refused ${spec.permission} for ${identity.email} (roles: ${identity.roles.join(",") || "none"})`,
    );
    return {
      ok: false,
      error: {
        kind: "forbidden",
        permission: spec.permission,
        message: `Your role (${identity.roles.join(", ") || "none"}) does not have "${spec.permission}". Ask a team lead to grant it, or switch to a role that has it.`,
      },
    };
  }
  const parsed = spec.input.safeParse(rawInput instanceof FormData ? formDataToObject(rawInput) : rawInput);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    const fieldErrors: Record<string, string[]> = { ...flat.fieldErrors } as Record<string, string[]>;
    if (flat.formErrors.length > 0) fieldErrors._form = flat.formErrors;
    return {
      ok: false,
      error: {
        kind: "invalid",
        message: "Some fields need fixing; see the messages next to them.",
        fieldErrors,
      },
    };
  }
  try {
    return { ok: true, data: await spec.handler(parsed.data, { identity }) };
  } catch (error) {
    return failureFor(error, config);
  }
}

function failureFor<P extends string>(error: unknown, config: KitRuntimeConfig<P>): ActionResult<never> {
  if (error instanceof FieldRuleError) {
    return {
      ok: false,
      error: { kind: "invalid", message: error.message, fieldErrors: { [error.field]: [error.message] } },
    };
  }
  if (error instanceof ConflictError) {
    return { ok: false, error: { kind: "conflict", message: error.message, current: error.current } };
  }
  if (error instanceof NotFoundError)
    return { ok: false, error: { kind: "not-found", message: error.message } };
  // Unknown failures keep their details in the server log; the user gets a reference to quote.
  const reference = logWithErrorId(config.logger ?? console, `[${config.matrix.kit}] action failed`, error);
  return {
    ok: false,
    error: {
      kind: "unavailable",
      message: `The server could not complete this (ref ${reference}). Try again; if it keeps failing, send the reference to the kit's owner.`,
    },
  };
}

function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue; // Next's own hidden fields
    if (typeof value === "string") out[key] = value;
  }
  return out;
}

/** The identity options a kit's config implies. */
export function identityOptions<P extends string>(config: KitRuntimeConfig<P>) {
  return {
    mode: config.mode,
    matrix: config.matrix,
    localUsers: config.localUsers,
    ...(config.groupsForUser ? { groupsForUser: config.groupsForUser } : {}),
    ...(config.logger ? { logger: config.logger } : {}),
  };
}
