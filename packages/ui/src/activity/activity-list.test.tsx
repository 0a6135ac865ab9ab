import { describe, expect, it } from "vitest";
import { html, tagsWith, text } from "../internal/test-html.ts";
import { ActivityList } from "./activity-list.tsx";

describe("ActivityList", () => {
  it("reads as who did what to what, when, with the exact time available", () => {
    const markup = html(
      <ActivityList
        now="2026-01-01T12:00:00Z"
        items={[
          {
            id: "1",
            actor: "Priya Raman",
            action: "approved",
            target: "case C-1",
            href: "/cases/1",
            at: "2026-01-01T11:15:00Z",
          },
          {
            id: "2",
            actor: "Triage agent",
            actorKind: "agent",
            action: "called lookup_velocity",
            at: "2026-01-01T09:00:00Z",
            detail: "14 txns",
          },
        ]}
      />,
    );
    expect(text(markup)).toContain("PRPriya Raman approved case C-145 min ago");
    expect(text(markup)).toContain("AITriage agent called lookup_velocity14 txns3 h ago");
    expect(tagsWith(markup, "<time")[0]).toContain(
      'dateTime="2026-01-01T11:15:00.000Z" title="1 Jan 2026, 11:15 UTC"',
    );
  });

  it("names the item with an invalid time", () => {
    expect(() => html(<ActivityList items={[{ id: "x9", actor: "a", action: "b", at: "nope" }]} />)).toThrow(
      /items\[x9\]\.at/,
    );
  });
});
