import { describe, expect, it } from "vitest";
import { previewBranchField, reasonField, siteChangeInput, titleField, versionField } from "./fields.ts";

describe("the kit's input fields", () => {
  it.each([
    ["\u0000x", /control characters/],
    ["a\ud800b", /lone surrogate/],
    ["x".repeat(201), /at most 200/],
    ["   ", /title is required/],
  ])("a title of %j is a field error", (input, message) => {
    const parsed = titleField.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(message);
  });

  it("a reason has a maximum", () => {
    expect(reasonField.safeParse("x".repeat(501)).success).toBe(false);
    expect(reasonField.parse(" Waiting for parts ")).toBe("Waiting for parts");
  });

  it("versions out of range are refused", () => {
    for (const v of ["-1", "0", "1e9", "abc", "1.5"]) expect(versionField.safeParse(v).success).toBe(false);
  });

  it.each([
    [{ kind: "reschedule", siteId: "S1", days: "0" }, "days", /other than 0/],
    [{ kind: "reschedule", siteId: "S1", days: "1e9" }, "days", /whole number from -90 to 90/],
    [{ kind: "reschedule", siteId: "S1", days: "2.5" }, "days", /whole number/],
    [{ kind: "reschedule", siteId: "S1", days: "" }, "days", /whole number/],
    [
      { kind: "reassign", siteId: "S1\u0000", fromAssigneeId: "tom", toAssigneeId: "tina" },
      "siteId",
      /site id/,
    ],
    [
      { kind: "reassign", siteId: "S1", fromAssigneeId: "tom", toAssigneeId: "'; drop" },
      "toAssigneeId",
      /technician/,
    ],
    [
      { kind: "reassign", siteId: "S1", fromAssigneeId: "tom", toAssigneeId: "tina", note: "x".repeat(501) },
      "note",
      /at most 500/,
    ],
    [
      { kind: "reassign", siteId: "S1", fromAssigneeId: "tom", toAssigneeId: "tina", note: "a\ud800" },
      "note",
      /lone surrogate/,
    ],
    [{ kind: "merge", siteId: "S1" }, "kind", /reassign or reschedule/],
  ])("a site change %j is a field error on %s", (input, field, message) => {
    const parsed = siteChangeInput.safeParse(input);
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues[0];
    expect(issue?.path).toEqual([field]);
    expect(issue?.message).toMatch(message);
  });

  it("a preview branch must be one of this kit's", () => {
    expect(previewBranchField.safeParse("operations-portal-preview-0a1b2c3d").success).toBe(true);
    for (const b of ["main", "operations-portal-preview-../x", "customer-hub-preview-0a1b2c3d"])
      expect(previewBranchField.safeParse(b).success).toBe(false);
  });
});
