import { describe, expect, it } from "vitest";
import { maskGenieAnswer } from "./mask-answer.ts";

const answer = {
  conversationId: "c",
  messageId: "m",
  text: null,
  sql: null,
  queryTitle: null,
  columns: ["customer_id", "email", "lifetime_value"],
  rows: [["C0000001", "ada@example.com", "10"]],
  suggestedQuestions: [],
};

describe("maskGenieAnswer", () => {
  it("masks PII columns for a viewer without the permission and leaves others untouched", () => {
    const masked = maskGenieAnswer(answer, { email: { mask: "email", unmasked: false } });
    expect(masked.rows).toEqual([["C0000001", "a•••@example.com", "10"]]);
    expect(maskGenieAnswer(answer, { email: { mask: "email", unmasked: true } }).rows).toEqual(answer.rows);
  });
});
