import { AIMessage, HumanMessage, ToolMessage } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { diffCheckpoints, isInternalChannel } from "./checkpoint-diff.ts";
import { diffJson } from "./json-diff.ts";

const ask = () => new HumanMessage({ id: "h1", content: "Refund ORD-1234" });
const plan = (amount: number) =>
  new AIMessage({
    id: "a1",
    content: "Refunding",
    tool_calls: [{ id: "c1", name: "issue_refund", args: { orderId: "ORD-1234", amount } }],
  });

describe("diffCheckpoints", () => {
  it("reports appended, edited and removed messages by id, not by position", () => {
    const diff = diffCheckpoints(
      { messages: [ask(), plan(40), new AIMessage({ id: "gone", content: "draft" })] },
      {
        messages: [
          ask(),
          plan(25),
          new ToolMessage({ id: "t1", tool_call_id: "c1", name: "issue_refund", content: "refunded 25.00" }),
        ],
      },
    );
    expect(diff.unchanged).toEqual([]);
    expect(diff.channels).toHaveLength(1);
    const messages = diff.channels[0];
    if (messages?.kind !== "messages") throw new Error(`expected a messages diff, got ${messages?.kind}`);
    expect(messages.appended.map((m) => [m.id, m.role, m.toolCallId, m.text])).toEqual([
      ["t1", "tool", "c1", "refunded 25.00"],
    ]);
    expect(messages.removed.map((m) => m.id)).toEqual(["gone"]);
    expect(messages.edited).toHaveLength(1);
    expect(messages.edited[0]?.before.toolCalls[0]?.args).toEqual({ orderId: "ORD-1234", amount: 40 });
    expect(messages.edited[0]?.after.toolCalls[0]?.args).toEqual({ orderId: "ORD-1234", amount: 25 });
  });

  it("lists added, removed and changed channels, with a JSON diff by path for plain values", () => {
    const diff = diffCheckpoints(
      {
        messages: [ask()],
        plan: { steps: ["look up", "refund"], owner: "bot" },
        draft: "x",
        "branch:to:a": null,
      },
      { messages: [ask()], plan: { steps: ["look up", "review", "refund"], owner: "bot" }, verdict: true },
    );
    expect(diff.unchanged).toEqual(["messages"]);
    expect(diff.channels).toEqual([
      { channel: "branch:to:a", internal: true, kind: "removed", before: null },
      { channel: "draft", internal: false, kind: "removed", before: "x" },
      {
        channel: "plan",
        internal: false,
        kind: "changed",
        changes: [
          { path: "$.steps[1]", kind: "changed", before: "refund", after: "review" },
          { path: "$.steps[2]", kind: "added", after: "refund" },
        ],
      },
      { channel: "verdict", internal: false, kind: "added", after: true },
    ]);
  });

  it("treats a message channel that appears as all messages appended", () => {
    const diff = diffCheckpoints({ __start__: { messages: [] } }, { messages: [ask()] });
    const messages = diff.channels.find((c) => c.channel === "messages");
    expect(messages?.kind === "messages" && messages.appended.map((m) => m.text)).toEqual([
      "Refund ORD-1234",
    ]);
    expect(diff.channels.find((c) => c.channel === "__start__")).toMatchObject({
      kind: "removed",
      internal: true,
    });
  });

  it("finds nothing between a checkpoint and itself", () => {
    const state = { messages: [ask(), plan(40)], count: 3 };
    expect(diffCheckpoints(state, state)).toEqual({ channels: [], unchanged: ["count", "messages"] });
  });
});

describe("diffJson", () => {
  it("quotes keys that are not identifiers and reports type changes as one change", () => {
    expect(diffJson({ "order id": 1, n: [1] }, { "order id": 2, n: { a: 1 } })).toEqual([
      { path: "$.n", kind: "changed", before: [1], after: { a: 1 } },
      { path: '$["order id"]', kind: "changed", before: 1, after: 2 },
    ]);
  });
});

describe("isInternalChannel", () => {
  it.each([
    ["messages", false],
    ["__start__", true],
    ["branch:to:tools", true],
    ["evidence", false],
  ])("%s → %s", (channel, internal) => {
    expect(isInternalChannel(channel)).toBe(internal);
  });
});
