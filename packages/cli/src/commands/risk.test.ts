import { describe, expect, it } from "vitest";
import { describeVerification } from "./risk.ts";

describe("describeVerification", () => {
  it("names the case, the event's place in the chain and its row id", () => {
    const lines = describeVerification({
      ok: false,
      casesChecked: 2,
      eventsChecked: 9,
      breaks: [
        {
          caseId: "c-1",
          caseNumber: 1004,
          eventId: 17,
          seq: 3,
          reason: "its content does not match its hash: edited",
        },
      ],
    });
    expect(lines).toEqual([
      "✘ audit chain broken: 2 case(s), 9 event(s) checked",
      "  CASE-1004 (c-1): breaks at event #3 (audit_event id 17): its content does not match its hash: edited",
    ]);
  });
});
