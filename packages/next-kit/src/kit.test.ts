import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { LOCAL_IDENTITY_COOKIE, type RuntimeMode } from "@appbase/bindings";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ConflictError, FieldRuleError } from "./action/errors.ts";
import { wrappedInfo } from "./action/registry.ts";
import type { IdentityRequest } from "./identity/resolve.ts";
import { createKitRuntime, type GuardContext } from "./kit.ts";
import { sampleMatrix } from "./testing/sample-matrix.ts";

const localUsers = [
  { id: "vic", email: "vic@example.com", displayName: "Vic Viewer", groups: ["customer-hub-viewers"] },
  {
    id: "ann",
    email: "ann@example.com",
    displayName: "Ann Manager",
    groups: ["customer-hub-account-managers"],
  },
];

function runtime(mode: RuntimeMode, request: IdentityRequest) {
  const logger = { warn: vi.fn(), error: vi.fn(), info: vi.fn() };
  const kit = createKitRuntime({
    mode,
    matrix: sampleMatrix,
    localUsers,
    groupsForUser: async ({ email }) => (email.startsWith("lead") ? ["customer-hub-team-leads"] : []),
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

const asAnn: IdentityRequest = { headers: new Headers(), localIdentityCookie: "ann" };

describe("defineAction", () => {
  it("runs the handler for a local identity whose role holds the permission", async () => {
    const { addNote, handler } = runtime("local", asAnn);
    expect(await addNote({ text: "hi" })).toEqual({ ok: true, data: { saved: "hi" } });
    expect(handler.mock.calls[0]?.[1].identity).toMatchObject({
      email: "ann@example.com",
      roles: ["account-manager"],
    });
  });

  it("refuses a role without the permission before validating or calling the handler", async () => {
    const { addNote, handler, logger } = runtime("local", {
      headers: new Headers(),
      localIdentityCookie: "vic",
    });
    const result = await addNote({ text: "" });
    expect(result).toMatchObject({ ok: false, error: { kind: "forbidden", permission: "note.write" } });
    expect(handler).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining("refused note.write for vic@example.com"),
    );
  });

  it("ignores forwarded headers in local mode (the default local user is used)", async () => {
    const { addNote } = runtime("local", {
      headers: new Headers({ "x-forwarded-email": "lead@example.com" }),
    });
    expect(await addNote({ text: "x" })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
  });

  it("trusts forwarded headers in Apps mode and refuses a switcher cookie there", async () => {
    const headers = new Headers({
      "x-forwarded-email": "lead@example.com",
      "x-forwarded-access-token": "tok",
    });
    const { addNote, handler } = runtime("apps", { headers });
    expect(await addNote({ text: "x" })).toMatchObject({ ok: true });
    expect(handler.mock.calls[0]?.[1].identity).toMatchObject({
      email: "lead@example.com",
      roles: ["team-lead"],
      accessToken: "tok",
    });
    const { addNote: withCookie, logger } = runtime("apps", { headers, localIdentityCookie: "ann" });
    expect(await withCookie({ text: "x" })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    expect(logger.warn).toHaveBeenCalled();
    const { addNote: noHeaders } = runtime("apps", { headers: new Headers() });
    expect(await noHeaders({ text: "x" })).toMatchObject({ ok: false, error: { kind: "unauthenticated" } });
  });

  it("in Apps mode with a workspace host, roles come from the user's groups read through SCIM Me, once per user", async () => {
    const seen: Array<string | undefined> = [];
    const workspace = createServer((request, response) => {
      seen.push(request.headers.authorization);
      response.setHeader("content-type", "application/json");
      response.end(
        JSON.stringify(
          request.url === "/api/2.0/preview/scim/v2/Me"
            ? { userName: "lead@example.com", groups: [{ display: "customer-hub-team-leads", value: "7" }] }
            : {},
        ),
      );
    });
    await new Promise<void>((resolve) => workspace.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = workspace.address() as AddressInfo;
      const headers = new Headers({
        "x-forwarded-email": "lead@example.com",
        "x-forwarded-access-token": "user-tok",
      });
      const kit = createKitRuntime({
        mode: "apps",
        matrix: sampleMatrix,
        localUsers,
        workspaceHost: `http://127.0.0.1:${port}`,
        requestContext: async () => ({ headers }),
      });
      expect(await kit.currentIdentity()).toMatchObject({
        groups: ["customer-hub-team-leads"],
        roles: ["team-lead"],
      });
      await kit.currentIdentity();
      expect(seen).toEqual(["Bearer user-tok"]);
    } finally {
      await new Promise((resolve) => workspace.close(resolve));
    }
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
    const internal = new Error(
      'relation "customer_hub.note" does not exist at /work/main/apps/customer-hub/src/domain/notes.ts (password=secret)',
    );
    const unknown = await throwing(internal)({});
    expect(unknown).toMatchObject({ ok: false, error: { kind: "unavailable" } });
    for (const internalText of ["secret", "relation", "customer_hub", "/work/"])
      expect(JSON.stringify(unknown)).not.toContain(internalText);
    // The person gets an error id; the server log has the same id next to the real error.
    const id = /\(ref ([0-9a-f]{8})\)/.exec(unknown.ok ? "" : unknown.error.message)?.[1];
    expect(id).toBeDefined();
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining(`(ref ${id})`), internal);
  });

  it("brands wrapped functions so a test can find unwrapped ones", () => {
    const { addNote, kit } = runtime("local", asAnn);
    expect(wrappedInfo(addNote)).toMatchObject({ kind: "action", permission: "note.write" });
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
    const post = (body: string, user: string) =>
      route(
        new Request("http://x/api", {
          method: "POST",
          body,
          headers: { cookie: `${LOCAL_IDENTITY_COOKIE}=${user}` },
        }),
      );
    expect((await post('{"text":"a"}', "ann")).status).toBe(200);
    expect((await post('{"text":""}', "ann")).status).toBe(400);
    expect((await post("not json", "ann")).status).toBe(400);
    expect((await post('{"text":"a"}', "vic")).status).toBe(403);
  });
});

describe("switchLocalIdentity", () => {
  it("is refused and logged in Apps mode", async () => {
    const { kit, logger } = runtime("apps", { headers: new Headers() });
    expect(await kit.switchLocalIdentity({ userId: "ann" })).toMatchObject({
      ok: false,
      error: { kind: "forbidden" },
    });
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining("refused a local identity switch"));
  });
});

describe("identityOrReason", () => {
  it("turns a request without identity into a reason instead of an error page", async () => {
    const { kit } = runtime("apps", { headers: new Headers() });
    const result = await kit.identityOrReason();
    expect(result.identity).toBeNull();
    expect(result).toMatchObject({ reason: expect.stringContaining("X-Forwarded-Email") });
    const { kit: local } = runtime("local", asAnn);
    expect((await local.identityOrReason()).identity?.email).toBe("ann@example.com");
  });
});
