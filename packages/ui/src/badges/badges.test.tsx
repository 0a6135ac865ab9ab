import { describe, expect, it } from "vitest";
import { html, tagsWith, text } from "../internal/test-html.ts";
import { Banner } from "./banner.tsx";
import { FreshnessBadge } from "./freshness-badge.tsx";
import { StatusBadge } from "./status-badge.tsx";

const now = new Date("2026-01-01T12:00:00Z");

describe("badges", () => {
  it("shows freshness as text and colour", () => {
    const stale = html(
      <FreshnessBadge
        at={new Date(now.getTime() - 40 * 60_000)}
        freshness={{ state: "stale", ageMs: 40 * 60_000 }}
        target={15 * 60_000}
        limit={3_600_000}
      />,
    );
    expect(text(stale)).toBe("synced 40 min ago (stale)");
    expect(tagsWith(stale, "data-freshness")[0]).toMatch(/ab-badge--warning.*data-freshness="stale"/);
    const never = html(
      <FreshnessBadge
        at={null}
        freshness={{ state: "expired", ageMs: null }}
        target={1}
        limit={2}
        verb="computed"
      />,
    );
    expect(text(never)).toBe("never computed (expired)");
    const fresh = html(
      <FreshnessBadge
        at={now}
        freshness={{ state: "fresh", ageMs: 10_000 }}
        target={60_000}
        limit={120_000}
      />,
    );
    expect(text(fresh)).toBe("synced just now (fresh)");
  });

  it("colours status badges by tone", () => {
    expect(html(<StatusBadge tone="danger">Blocked</StatusBadge>)).toContain("ab-badge--danger");
  });

  it("announces danger banners as alerts and others as status", () => {
    expect(html(<Banner tone="danger" title="Down" />)).toContain('role="alert"');
    expect(html(<Banner title="FYI" action={{ href: "/sync", label: "View" }} />)).toMatch(
      /role="status".*href="\/sync"/s,
    );
  });
});
