import { describe, expect, it } from "vitest";
import { nextCursorIn } from "./shared.ts";

describe("nextCursorIn", () => {
  it("reads the after cursor of a rendered pager's Next link, not the Prev link's before cursor", () => {
    const html =
      '<a class="ab-pager__step" href="/alerts?before=UHJldg&amp;view=open" aria-label="Previous page">‹ Prev</a>' +
      '<a class="ab-pager__step" href="/alerts?after=WyIxIiwiYSJd&amp;view=open" aria-label="Next page">Next ›</a>';
    expect(nextCursorIn(html, "/alerts")).toBe("WyIxIiwiYSJd");
  });

  it("says which page has no next page", () => {
    const last = '<span class="ab-pager__step ab-pager__step--disabled" aria-disabled="true">Next ›</span>';
    expect(() => nextCursorIn(last, "/work-orders")).toThrow("/work-orders shows no next page to time.");
  });
});
