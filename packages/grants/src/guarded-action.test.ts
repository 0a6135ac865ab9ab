import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  actionGuard,
  guardedAction,
  guardOf,
  InputValidationError,
  isGuarded,
  UnauthenticatedError,
} from "./guarded-action.ts";
import { customerHubMatrix } from "./kits/customer-hub.ts";
import { PermissionDeniedError } from "./permission-denied-error.ts";

const manager = { email: "m@example.com", userId: "m", groups: ["customer-hub-account-managers"] };
const viewer = { email: "v@example.com", userId: "v", groups: ["customer-hub-viewers"] };
const noteInput = z.object({
  customerId: z.string().min(1),
  body: z.string().min(1, "body must not be empty"),
});

function addNote(identity: typeof manager | null) {
  const calls: unknown[] = [];
  const action = guardedAction(
    {
      matrix: customerHubMatrix,
      permission: "note.write",
      input: noteInput,
      resolveIdentity: () => identity,
    },
    async ({ identity: who, input }) => {
      calls.push({ who: who.userId, input });
      return { ok: true as const };
    },
  );
  return { action, calls };
}

describe("guardedAction", () => {
  it("runs the domain function for a permitted identity with parsed input", async () => {
    const { action, calls } = addNote(manager);
    await expect(action({ customerId: "c-1", body: "called back" })).resolves.toEqual({ ok: true });
    expect(calls).toEqual([{ who: "m", input: { customerId: "c-1", body: "called back" } }]);
  });

  it("refuses an unpermitted identity before validating input or running anything", async () => {
    const { action, calls } = addNote(viewer);
    await expect(action({ customerId: "", body: "" })).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(calls).toEqual([]);
  });

  it("refuses a request without identity", async () => {
    const { action, calls } = addNote(null);
    await expect(action({ customerId: "c-1", body: "x" })).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(calls).toEqual([]);
  });

  it("rejects bad input naming the field, and writes nothing", async () => {
    const { action, calls } = addNote(manager);
    const error = await action({ customerId: "c-1", body: "" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect((error as InputValidationError).message).toContain("body: body must not be empty");
    expect(calls).toEqual([]);
  });

  it("marks guarded actions so a kit test can prove every mutation uses the wrapper", () => {
    const guard = actionGuard(customerHubMatrix, () => manager);
    const changeStatus = guard("status.change", z.object({ status: z.string() }), async () => "done");
    const unguarded = async () => "sneaky";
    expect(isGuarded(changeStatus)).toBe(true);
    expect(guardOf(changeStatus)).toEqual({ kit: "customer-hub", permission: "status.change" });
    expect(isGuarded(unguarded)).toBe(false);
    expect(guardOf(unguarded)).toBeUndefined();
  });
});
