import type { z } from "zod";
import { assertCan } from "./access.ts";
import type { GrantsIdentity } from "./identity.ts";
import type { KitMatrix } from "./matrix.ts";

/** No identity could be resolved for the request (map to 401). */
export class UnauthenticatedError extends Error {
  readonly status = 401;
  constructor(readonly kit: string) {
    super(
      `${kit}: no signed-in user for this request; sign in (or pick a user in the local identity switcher) and retry.`,
    );
    this.name = "UnauthenticatedError";
  }
}

/** The action's input failed its schema (map to 400); nothing was written. */
export class InputValidationError extends Error {
  readonly status = 400;
  constructor(readonly issues: readonly { path: string; message: string }[]) {
    super(`Invalid input: ${issues.map((i) => `${i.path || "(input)"}: ${i.message}`).join("; ")}`);
    this.name = "InputValidationError";
  }
}

/** A server action or route body that has passed through the one wrapper. */
export interface GuardedAction<In, Out> {
  (input: In): Promise<Out>;
  readonly kit: string;
  readonly permission: string;
}

const guards = new WeakMap<object, { kit: string; permission: string }>();

type IdentityResolver = () => Promise<GrantsIdentity | null> | GrantsIdentity | null;

/**
 * Wraps an action: resolve identity, check the permission, validate input, then run the domain
 * function. Every mutation goes through here, so `isGuarded` can prove it in a kit's tests.
 */
export function guardedAction<P extends string, S extends z.ZodType, O>(
  options: {
    matrix: KitMatrix<P>;
    permission: NoInfer<P>;
    input: S;
    resolveIdentity: IdentityResolver;
  },
  run: (context: { identity: GrantsIdentity; input: z.output<S> }) => Promise<O>,
): GuardedAction<z.input<S>, O> {
  const { matrix, permission } = options;
  const action = async (raw: z.input<S>): Promise<O> => {
    const identity = await options.resolveIdentity();
    if (!identity) throw new UnauthenticatedError(matrix.kit);
    assertCan(identity, permission, matrix);
    const parsed = options.input.safeParse(raw);
    if (!parsed.success) {
      throw new InputValidationError(
        parsed.error.issues.map((issue) => ({
          path: issue.path.map(String).join("."),
          message: issue.message,
        })),
      );
    }
    return run({ identity, input: parsed.data });
  };
  const guarded = Object.assign(action, { kit: matrix.kit, permission });
  guards.set(guarded, { kit: matrix.kit, permission });
  return guarded;
}

/** A kit-bound factory: `const action = actionGuard(matrix, resolveIdentity); action("note.write", schema, run)`. */
export function actionGuard<P extends string>(matrix: KitMatrix<P>, resolveIdentity: IdentityResolver) {
  return <S extends z.ZodType, O>(
    permission: P,
    input: S,
    run: (context: { identity: GrantsIdentity; input: z.output<S> }) => Promise<O>,
  ): GuardedAction<z.input<S>, O> => guardedAction({ matrix, permission, input, resolveIdentity }, run);
}

/** Whether a function was produced by `guardedAction`; kits assert this for every exported action. */
export function isGuarded(fn: unknown): boolean {
  return typeof fn === "function" && guards.has(fn);
}

/** The permission an action is guarded by, or undefined if it skips the wrapper. */
export function guardOf(fn: unknown): { kit: string; permission: string } | undefined {
  return typeof fn === "function" ? guards.get(fn) : undefined;
}
