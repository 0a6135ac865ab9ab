import { describe, expect, it } from "vitest";
import { errorFromResponse, retryAfterHeaderMs } from "./errors.ts";

const h = (init: Record<string, string> = {}) => new Headers(init);

describe("errorFromResponse", () => {
  it("reads the §0.2 envelope, keeps details, and takes the wait from a RetryInfo detail", () => {
    const body = JSON.stringify({
      error_code: "RESOURCE_DOES_NOT_EXIST",
      message: "Endpoint with name 'x' does not exist.",
      details: [
        { "@type": "type.googleapis.com/google.rpc.RequestInfo", request_id: "r1", serving_data: "" },
        { "@type": "type.googleapis.com/google.rpc.RetryInfo", retry_delay: "1.5s" },
      ],
    });
    const error = errorFromResponse("Serving endpoint x", 404, body, h());
    expect(error).toMatchObject({
      status: 404,
      errorCode: "RESOURCE_DOES_NOT_EXIST",
      kind: "http",
      retryAfterMs: 1500,
    });
    expect(error.details).toHaveLength(2);
    expect(error.message).toContain(
      "Serving endpoint x failed (HTTP 404 RESOURCE_DOES_NOT_EXIST): Endpoint with name 'x' does not exist.",
    );
    expect(error.message).toContain(error.hint);
    expect(error.hint).toMatch(/does not exist or the caller cannot see it/);
  });

  it("reads serving's external-model wrapper, which has no top-level error_code", () => {
    const body = JSON.stringify({
      error: "Received error from databricks-model-serving",
      external_model_message: {
        error_code: "INVALID_PARAMETER_VALUE",
        message: "Missing required embeddings parameter: 'input'",
      },
    });
    const error = errorFromResponse("embed", 400, body, h());
    expect([error.errorCode, error.serverMessage]).toEqual([
      "INVALID_PARAMETER_VALUE",
      "Missing required embeddings parameter: 'input'",
    ]);
  });

  it("reads the OAuth error body and falls back to the raw text for anything else", () => {
    const oauth = errorFromResponse(
      "token",
      401,
      '{"error":"invalid_client","error_description":"Client authentication failed"}',
      h(),
    );
    expect([oauth.errorCode, oauth.serverMessage]).toEqual([
      "invalid_client",
      "Client authentication failed",
    ]);
    const html = errorFromResponse("call", 502, "<html>Bad gateway</html>", h());
    expect([html.errorCode, html.serverMessage]).toEqual([undefined, "<html>Bad gateway</html>"]);
    // A body with only one of error_code/message is not an envelope (the TS SDK trap, §0.3).
    const half = errorFromResponse("call", 400, '{"message":"only a message"}', h());
    expect(half.errorCode).toBeUndefined();
  });

  it("prefers the Retry-After header, in seconds or as an HTTP date", () => {
    expect(errorFromResponse("call", 429, "{}", h({ "retry-after": "3" })).retryAfterMs).toBe(3000);
    expect(retryAfterHeaderMs("Sun, 06 Dec 2026 13:00:10 GMT", Date.parse("2026-12-06T13:00:00Z"))).toBe(
      10_000,
    );
    expect(retryAfterHeaderMs("soon")).toBeUndefined();
  });
});
