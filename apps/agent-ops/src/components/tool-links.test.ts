import { describe, expect, it } from "vitest";
import { toolCallAnchor, toolCallHref } from "./tool-links.ts";

describe("tool call links", () => {
  it("link to the call's anchor on its thread, escaping what a URL or an anchor cannot hold", () => {
    expect(toolCallHref({ threadId: "thread 1", toolCallId: "call/9" })).toBe(
      "/threads/thread%201?call=call%2F9#call-call_9",
    );
    expect(toolCallAnchor("call_lookup_ORD-1234")).toBe("call-call_lookup_ORD-1234");
  });
});
