import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ConflictError, FieldRuleError } from "./action/errors.ts";
import { wrappedInfo } from "./action/registry.ts";
import { encodeLocalIdentity, LOCAL_IDENTITY_COOKIE } from "./identity/local-cookie.ts";
import type { IdentityRequest } from "./identity/resolve.ts";
import type { IdentityMode } from "./identity/types.ts";
import { createKitRuntime, type GuardContext } from "./kit.ts";

const people = [
  { email: "vic@example.com", displayName: "Vic Viewer", role: "viewer" },
  { email: "ann@example.com", displayName: "Ann Manager", role: "account-manager" },
];
const grants: Record<string, string[]> = {
  viewer: ["note.read"],
  "account-manager": ["note.read", "note.write"],
  lead: ["note.write"],
};

function runtime(mode: IdentityMode, request: IdentityRequest) {
  const logger = { warn: vi.fn(), error: vi.fn(), info: vi.fn() };
  const kit = createKitRuntime<"note.read" | "note.write">({
    kit: "test-kit",
    mode,
    identity: { localPeople: people, rolesForUser: (email) => (email.startsWith("lead") ? ["lead"] : []) },
    authorize: (identity, permission) => identity.roles.some((r) => grants[r]?.includes(permission)),
    logger,
    requestContext: async () => request,
  });
  const handler = vi.fn(async (input: { text: string }, _context: GuardContext) => ({ saved: input.text }));
  const addNote = kit.defineAction({
    permission: "note.write",
    input: z.object({ text: z.string().min(1, "write something") }),
    handler,
  });
  return { kit, addNote, handler, logger };
}

const asAnn = { headers: new Headers(), localIdentityCookie: encodeLocalIdentity(people[1]!) };

describe("defineAction", () => {
  it("runs the handler for a local identity that holds the permission", async () => {
    const { addNote, handler } = runtime("local", asAnn);
    expect(await addNote({ text: "hi" })).toEqual({ ok: true, data: { saved: "hi" } });
    expect(handler.mock.calls[0]?.[1].identity).toMatchObject({
      email: "ann@example.com",
      source: "local-switcher",
    });
  });

  it("refuses a role without the permission before validating or calling the handler", async () => {
    const { addNote, handler, logger } = runtime("local", { headers: new Headers() });
    const result = await addNote({ text: "" });
    expect(result).toMatchObject({ ok: false, error: { kind: "forbidden", permission: "note.write" } });
    expect(handler).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledOnce();
  });

  it("ignores forwarded headers in local mode", async () => {
    const { addNote } = runtime("local", {
      headers: new Headers({ "x-forwarded-email": "lead@example.com" }),
    });
    expect(await addNote({ text: "x" })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
  });

  it("trusts forwarded headers in Apps mode and ignores the switcher cookie", async () => {
    const headers = new Headers({
      "x-forwarded-email": "lead@example.com",
      "x-forwarded-access-token": "tok",
    });
    const { addNote, handler } = runtime("databricks-apps", {
      headers,
      localIdentityCookie: asAnn.localIdentityCookie,
    });
    expect(await addNote({ text: "x" })).toMatchObject({ ok: true });
    expect(handler.mock.calls[0]?.[1].identity).toMatchObject({
      email: "lead@example.com",
      roles: ["lead"],
      accessToken: "tok",
    });
    const { addNote: asCookieOnly } = runtime("databricks-apps", {
      headers: new Headers(),
      localIdentityCookie: asAnn.localIdentityCookie,
    });
    expect(await asCookieOnly({ text: "x" })).toMatchObject({
      ok: false,
      error: { kind: "unauthenticated" },
    });
  });

  it("returns field-level errors as data and does not call the handler", async () => {
    const { addNote, handler } = runtime("local", asAnn);
    const result = await addNote({ text: "" });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: "invalid", fieldErrors: { text: ["write something"] } },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("accepts FormData", async () => {
    const { addNote } = runtime("local", asAnn);
    const form = new FormData();
    form.set("text", "from a form");
    expect(await addNote(form)).toEqual({ ok: true, data: { saved: "from a form" } });
  });

  it("maps domain errors to conflict / field errors and hides unknown errors behind a reference", async () => {
    const { kit, logger } = runtime("local", asAnn);
    const throwing = (error: Error) =>
      kit.defineAction({
        permission: "note.write",
        input: z.object({}),
        handler: async () => Promise.reject(error),
      });
    expect(await throwing(new ConflictError("changed", { version: 3 }))({})).toMatchObject({
      ok: false,
      error: { kind: "conflict", current: { version: 3 } },
    });
    expect(await throwing(new FieldRuleError("status", "cannot go back"))({})).toMatchObject({
      error: { kind: "invalid", fieldErrors: { status: ["cannot go back"] } },
    });
    const unknown = await throwing(new Error("password=secret"))({});
    expect(unknown).toMatchObject({ ok: false, error: { kind: "unavailable" } });
    expect(JSON.stringify(unknown)).not.toContain("secret");
    expect(logger.error).toHaveBeenCalled();
  });

  it("brands wrapped functions so a test can find unwrapped ones", () => {
    const { addNote, kit } = runtime("local", asAnn);
    expect(wrappedInfo(addNote)).toEqual({ kind: "action", permission: "note.write" });
    expect(wrappedInfo(kit.switchLocalIdentity)?.kind).toBe("local-switcher");
    expect(wrappedInfo(async () => 1)).toBeUndefined();
  });
});

describe("defineRoute", () => {
  it("answers with the failure's HTTP status and reads the cookie from the request", async () => {
    const { kit } = runtime("local", { headers: new Headers() });
    const route = kit.defineRoute({
      permission: "note.write",
      input: z.object({ text: z.string().min(1) }),
      handler: async (i) => i,
    });
    const cookie = `${LOCAL_IDENTITY_COOKIE}=${asAnn.localIdentityCookie}`;
    const post = (body: string, withCookie: boolean) =>
      route(new Request("http://x/api", { method: "POST", body, headers: withCookie ? { cookie } : {} }));
    expect((await post('{"text":"a"}', true)).status).toBe(200);
    expect((await post('{"text":""}', true)).status).toBe(400);
    expect((await post("not json", true)).status).toBe(400);
    expect((await post('{"text":"a"}', false)).status).toBe(403);
  });
});

describe("switchLocalIdentity", () => {
  it("is refused and logged in Apps mode", async () => {
    const { kit, logger } = runtime("databricks-apps", { headers: new Headers() });
    expect(
      await kit.switchLocalIdentity({ email: "ann@example.com", role: "account-manager" }),
    ).toMatchObject({
      ok: false,
      error: { kind: "forbidden" },
    });
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining("refused a local identity switch"));
  });
});
