import type { z } from "zod";

/** Brand on every function built by `defineAction`/`defineRoute`, so a test can prove none skips the wrapper. */
export const WRAPPED = Symbol.for("appbase.next-kit.wrapped");

export interface WrappedInfo {
  kind: "action" | "route" | "local-switcher";
  /** The permission checked before the handler runs, or `null` for the local identity switcher. */
  permission: string | null;
  /** The input schema the wrapper validates with (actions and routes), for the hostile-input suite. */
  input?: z.ZodType;
}

/** Marks `fn` as built by the wrapper. */
export function brand<F extends object>(fn: F, info: WrappedInfo): F & { [WRAPPED]: WrappedInfo } {
  Object.defineProperty(fn, WRAPPED, { value: info, enumerable: false });
  return fn as F & { [WRAPPED]: WrappedInfo };
}

/** The wrapper's record for `value`, or undefined when it was not built by the wrapper. */
export function wrappedInfo(value: unknown): WrappedInfo | undefined {
  if (typeof value !== "function") return undefined;
  return (value as unknown as { [WRAPPED]?: WrappedInfo })[WRAPPED];
}

/** Names of a module's exports that are functions not built by the wrapper (should be empty). */
export function unwrappedExports(moduleExports: Record<string, unknown>): string[] {
  return Object.entries(moduleExports)
    .filter(([, value]) => wrappedInfo(value) === undefined)
    .map(([name]) => name);
}
