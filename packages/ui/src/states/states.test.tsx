import { describe, expect, it } from "vitest";
import { hrefs, html, tagsWith, text } from "../internal/test-html.ts";
import { EmptyState } from "./empty-state.tsx";
import { ErrorState } from "./error-state.tsx";
import { LoadingSkeleton } from "./loading-skeleton.tsx";

describe("states", () => {
  it("error state is an alert with the actionable message, a retry link and a reference", () => {
    const markup = html(
      <ErrorState
        message="Grant customer.notes.read to role analyst."
        retryHref="/notes"
        reference="req_1"
      />,
    );
    expect(markup).toContain('role="alert"');
    expect(text(markup)).toContain("Grant customer.notes.read to role analyst.");
    expect(hrefs(markup)).toEqual(["/notes"]);
    expect(text(markup)).toContain("Reference req_1");
  });

  it("empty state offers the next step", () => {
    const markup = html(<EmptyState title="No notes" action={{ href: "/notes/new", label: "Add a note" }} />);
    expect(hrefs(markup)).toEqual(["/notes/new"]);
  });

  it("skeleton is announced once as busy and draws the requested rows", () => {
    const markup = html(<LoadingSkeleton variant="table" rows={3} />);
    expect(tagsWith(markup, 'aria-busy="true"')).toHaveLength(1);
    expect(markup.match(/ab-skeleton__row/g)).toHaveLength(3);
    expect(text(markup)).toBe("Loading…");
  });
});
