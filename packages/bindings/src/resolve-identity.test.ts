import { describe, expect, it, vi } from "vitest";
import { defineLocalUsers, IdentityError, IdentityRefusedError, type LocalUser } from "./identity.ts";
import { resolveIdentity } from "./resolve-identity.ts";

const localUsers: LocalUser[] = [
  { id: "ana", email: "ana@example.com", displayName: "Ana Analyst", groups: ["analysts"] },
  { id: "sam", email: "sam@example.com", displayName: "Sam Supervisor", groups: ["supervisors"] },
];

const forwarded = {
  "X-Forwarded-Email": "jo@corp.example",
  "X-Forwarded-User": "4242@1234567890123456",
  "X-Forwarded-Preferred-Username": "Jo Operator",
  "X-Forwarded-Access-Token": "eyJhbGciOi.user.token",
};

describe("resolveIdentity in apps mode", () => {
  it.each([
    ["a record", forwarded],
    [
      "a lower-case record",
      Object.fromEntries(Object.entries(forwarded).map(([k, v]) => [k.toLowerCase(), v])),
    ],
    ["a Headers object", new Headers(forwarded)],
    [
      "a Node record with array values",
      Object.fromEntries(Object.entries(forwarded).map(([k, v]) => [k, [v]])),
    ],
  ])("reads the forwarded identity from %s", (_kind, headers) => {
    expect(resolveIdentity({ mode: "apps", headers })).toEqual({
      email: "jo@corp.example",
      userId: "4242@1234567890123456",
      displayName: "Jo Operator",
      accessToken: "eyJhbGciOi.user.token",
      source: "forwarded",
    });
  });

  it("falls back to the email for user id and display name, and omits a missing token", () => {
    const identity = resolveIdentity({ mode: "apps", headers: { "x-forwarded-email": "jo@corp.example" } });
    expect(identity).toEqual({
      email: "jo@corp.example",
      userId: "jo@corp.example",
      displayName: "jo@corp.example",
      source: "forwarded",
    });
    expect("accessToken" in identity).toBe(false);
  });

  it.each([
    ["no headers", {}],
    ["a blank email", { "X-Forwarded-Email": "  " }],
    ["only a user id", { "X-Forwarded-User": "4242" }],
  ])("refuses a request with %s: X-Forwarded-Email is missing", (_case, headers) => {
    expect(() => resolveIdentity({ mode: "apps", headers })).toThrow(IdentityError);
    expect(() => resolveIdentity({ mode: "apps", headers })).toThrow(/^X-Forwarded-Email is missing/);
  });

  it("rejects an email header that is not an email", () => {
    expect(() => resolveIdentity({ mode: "apps", headers: { "X-Forwarded-Email": "jo" } })).toThrow(
      /X-Forwarded-Email is not an email address/,
    );
  });

  it("refuses the local identity switcher with IdentityRefusedError, even alongside valid headers", () => {
    const attempt = () =>
      resolveIdentity({ mode: "apps", headers: forwarded, localIdentity: "sam", localUsers });
    expect(attempt).toThrow(IdentityRefusedError);
    expect(attempt).toThrow(/local identity switcher does not exist on Databricks Apps/);
  });

  it("ignores an empty switcher value (no cookie)", () => {
    expect(resolveIdentity({ mode: "apps", headers: forwarded, localIdentity: "" }).source).toBe("forwarded");
  });
});

describe("resolveIdentity in local mode", () => {
  it("uses the switcher's choice", () => {
    expect(resolveIdentity({ mode: "local", headers: {}, localIdentity: "sam", localUsers })).toEqual({
      email: "sam@example.com",
      userId: "sam",
      displayName: "Sam Supervisor",
      source: "local",
    });
  });

  it("defaults to the first local user when nothing is chosen", () => {
    expect(resolveIdentity({ mode: "local", headers: new Headers(), localUsers }).userId).toBe("ana");
  });

  it("never trusts forged forwarded headers, and reports which were ignored", () => {
    const onIgnoredHeaders = vi.fn();
    const identity = resolveIdentity({
      mode: "local",
      headers: {
        "x-forwarded-email": "ceo@corp.example",
        "X-Forwarded-Access-Token": "forged",
        Accept: "*/*",
      },
      localIdentity: "ana",
      localUsers,
      onIgnoredHeaders,
    });
    expect(identity.email).toBe("ana@example.com");
    expect(identity.accessToken).toBeUndefined();
    expect(onIgnoredHeaders).toHaveBeenCalledExactlyOnceWith([
      "x-forwarded-email",
      "x-forwarded-access-token",
    ]);
  });

  it("does not report when no forwarded headers were sent", () => {
    const onIgnoredHeaders = vi.fn();
    resolveIdentity({ mode: "local", headers: { Accept: "*/*" }, localUsers, onIgnoredHeaders });
    expect(onIgnoredHeaders).not.toHaveBeenCalled();
  });

  it("rejects an unknown local user id, listing the choices", () => {
    expect(() =>
      resolveIdentity({ mode: "local", headers: {}, localIdentity: "mallory", localUsers }),
    ).toThrow('Local identity "mallory" is not a local user; choose one of: ana, sam.');
  });

  it("needs a local user list", () => {
    expect(() => resolveIdentity({ mode: "local", headers: {} })).toThrow(/No local users are defined/);
  });
});

describe("defineLocalUsers", () => {
  it("accepts a valid list", () => {
    expect(defineLocalUsers(localUsers)).toEqual(localUsers);
  });

  it.each([
    [[], /define at least one local user/],
    [[{ ...localUsers[0]!, email: "not-an-email" }], /users\[0\]\.email: email must be an email address/],
    [[localUsers[0]!, { ...localUsers[1]!, id: "ana" }], /users\[1\]\.id: duplicate id ana/],
    [[localUsers[0]!, { ...localUsers[1]!, email: "ANA@example.com" }], /users\[1\]\.email: duplicate email/],
    [[{ ...localUsers[0]!, id: "has space" }], /users\[0\]\.id: id must use/],
  ])("%#: rejects a bad list", (users, message) => {
    expect(() => defineLocalUsers(users as LocalUser[])).toThrow(message);
  });
});
