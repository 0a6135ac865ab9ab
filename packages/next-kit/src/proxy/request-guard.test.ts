import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, actionRequestProblem, kitProxy } from "./request-guard.ts";

const action = (body: BodyInit | null, headers: Record<string, string> = {}, path = "/customers/C0000001") =>
  new Request(`http://kit.test${path}`, {
    method: "POST",
    headers: { "next-action": "7f00aa", "content-type": "text/plain;charset=UTF-8", ...headers },
    body,
  });

const boundary = "----formdata-abc";
const multipart = (closing: boolean) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="1_body"\r\n\r\nhello\r\n${closing ? `--${boundary}--\r\n` : ""}`;
const formType = { "content-type": `multipart/form-data; boundary=${boundary}` };

describe("the action request guard", () => {
  it.each([
    ["an empty body", action(""), 400, /no body/],
    ["truncated JSON", action('["$K1",{"a":'), 400, /not complete JSON/],
    ["bytes that are not UTF-8", action(new Uint8Array([0x5b, 0xff, 0x5d])), 400, /not complete JSON/],
    ["a body over the limit", action("x".repeat(ACTION_BODY_LIMIT_BYTES + 1)), 413, /larger than 1 MB/],
    [
      "a declared length over the limit",
      action("[]", { "content-length": String(ACTION_BODY_LIMIT_BYTES * 5) }),
      413,
      /larger/,
    ],
    ["a cut-off form", action(multipart(false), formType), 400, /incomplete/],
    [
      "a form without a boundary",
      action(multipart(true), { "content-type": "multipart/form-data" }),
      400,
      /boundary/,
    ],
    [
      "a cut-off form posted without JavaScript",
      action(multipart(false), { ...formType, "next-action": "" }),
      400,
      /incomplete/,
    ],
  ])("answers %s with %i", async (_what, request, status, message) => {
    const response = await kitProxy(request);
    expect(response?.status).toBe(status);
    const body = (await response?.json()) as { error: { kind: string; fieldErrors: { _form: string[] } } };
    expect(body.error.kind).toBe("invalid");
    expect(body.error.fieldErrors._form[0]).toMatch(message);
  });

  it("lets decodable actions, other methods and API routes through", async () => {
    expect(await actionRequestProblem(action('["$K1"]'))).toBeNull();
    expect(await actionRequestProblem(action(multipart(true), formType))).toBeNull();
    expect(await actionRequestProblem(new Request("http://kit.test/customers"))).toBeNull();
    const apiPost = new Request("http://kit.test/api/customers", {
      method: "POST",
      headers: formType,
      body: "x",
    });
    expect(await actionRequestProblem(apiPost)).toBeNull();
    expect(await kitProxy(action("[1, 2]"))).toBeUndefined();
  });

  it("leaves the body for Next to read after the check", async () => {
    const request = action('["$K1"]');
    await kitProxy(request);
    expect(await request.text()).toBe('["$K1"]');
  });
});
