import { LOCAL_IDENTITY_COOKIE } from "@appbase/bindings";
import { describe, expect, it, vi } from "vitest";
import { sampleMatrix } from "../testing/sample-matrix.ts";
import { createLocalIdentitySwitcher } from "./switcher.ts";

const localUsers = [
  { id: "vic", email: "vic@example.com", displayName: "Vic", groups: ["customer-hub-viewers"] },
  { id: "ann", email: "ann@example.com", displayName: "Ann", groups: ["customer-hub-account-managers"] },
];

describe("local identity switcher", () => {
  it("sets the cookie to a known local user and refuses unknown ones", async () => {
    const writeCookie = vi.fn(async () => {});
    const switcher = createLocalIdentitySwitcher(
      { mode: "local", matrix: sampleMatrix, localUsers },
      writeCookie,
    );
    expect(await switcher({ userId: "ann" })).toEqual({ ok: true, data: { userId: "ann" } });
    expect(writeCookie).toHaveBeenCalledWith(LOCAL_IDENTITY_COOKIE, "ann");
    const form = new FormData();
    form.set("userId", "mallory");
    expect(await switcher(form)).toMatchObject({
      ok: false,
      error: { kind: "invalid", fieldErrors: { userId: [expect.any(String)] } },
    });
    expect(writeCookie).toHaveBeenCalledTimes(1);
  });

  it("never writes the cookie in Apps mode", async () => {
    const writeCookie = vi.fn(async () => {});
    const warn = vi.fn();
    const switcher = createLocalIdentitySwitcher(
      {
        mode: "apps",
        matrix: sampleMatrix,
        localUsers,
        logger: { warn, error: vi.fn(), info: vi.fn() },
      },
      writeCookie,
    );
    expect(await switcher({ userId: "ann" })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    expect(writeCookie).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledOnce();
  });
});
