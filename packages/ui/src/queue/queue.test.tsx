import { describe, expect, it } from "vitest";
import { html, text } from "../internal/test-html.ts";
import { describeClaim } from "./lease.ts";
import { QueueList } from "./queue-list.tsx";

const now = new Date("2026-01-01T12:00:00Z");
const inMinutes = (m: number) => new Date(now.getTime() + m * 60_000);

describe("describeClaim", () => {
  it("distinguishes unclaimed, held and expired leases", () => {
    expect(describeClaim(null, null, now)).toEqual({ kind: "unclaimed" });
    expect(describeClaim("ana", inMinutes(3), now)).toMatchObject({
      kind: "held",
      owner: "ana",
      text: "lease expires in 3 min",
    });
    expect(describeClaim("ana", inMinutes(-2), now)).toMatchObject({
      kind: "expired",
      expiredForMs: 120_000,
      text: "lease expired 2 min ago",
    });
    expect(describeClaim("ana", null, now)).toMatchObject({ kind: "held", text: "no lease expiry" });
  });
});

describe("QueueList", () => {
  it("shows status, owner (You for the current user) and lease per item", () => {
    const markup = html(
      <QueueList
        now={now}
        currentUser="ana"
        items={[
          { id: "A-1", title: "First", status: { label: "Open", tone: "danger" }, priority: "critical" },
          {
            id: "A-2",
            title: "Second",
            href: "/a/2",
            status: { label: "Working", tone: "info" },
            claimedBy: "ana",
            leaseExpiresAt: inMinutes(5),
          },
          {
            id: "A-3",
            title: "Third",
            status: { label: "Working", tone: "info" },
            claimedBy: "bo",
            leaseExpiresAt: inMinutes(-1),
          },
        ]}
        renderActions={(item) => (item.claimedBy ? null : <button type="submit">Claim {item.id}</button>)}
      />,
    );
    const t = text(markup);
    expect(t).toMatch(/critical.*First.*Unclaimed.*Open.*Claim A-1/s);
    expect(t).toContain("Claimed by Youlease expires in 5 min");
    expect(t).toContain("Claimed by bolease expired 1 min ago");
    expect(markup).toContain("ab-queue__claim--expired");
    expect(t).not.toContain("Claim A-2");
  });

  it("says when the queue is empty", () => {
    expect(text(html(<QueueList items={[]} empty="Nothing to review." />))).toBe("Nothing to review.");
  });
});
