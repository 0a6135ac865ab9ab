import { describe, expect, it } from "vitest";
import { hrefs, html, tagsWith, text } from "../internal/test-html.ts";
import { AppShell } from "./app-shell.tsx";
import type { KitLink, LocalUser } from "./types.ts";

const kits: KitLink[] = [
  { id: "customer-hub", title: "Customer Hub", url: "http://localhost:3001", current: true },
  {
    id: "agent-ops",
    title: "Agent Ops",
    url: "http://localhost:3002",
    current: false,
    running: false,
    hint: "Not running — start it with pnpm appbase up agent-ops",
  },
];
const users: LocalUser[] = [
  { id: "u1", displayName: "Priya Raman", email: "priya@example.com", roles: ["analyst"] },
  { id: "u2", displayName: "Marcus Lee", email: "marcus@example.com", roles: [] },
];

describe("AppShell", () => {
  it("links running kits, marks the current one and disables stopped kits with their hint", () => {
    const markup = html(
      <AppShell productName="Hub" environment="local" kits={kits}>
        x
      </AppShell>,
    );
    expect(hrefs(markup)).toContain("http://localhost:3001");
    expect(hrefs(markup)).not.toContain("http://localhost:3002");
    expect(tagsWith(markup, 'aria-current="page"')[0]).toContain("localhost:3001");
    const disabled = tagsWith(markup, 'aria-disabled="true"');
    expect(disabled).toHaveLength(1);
    expect(disabled[0]).toContain('title="Not running — start it with pnpm appbase up agent-ops"');
    expect(text(markup)).toContain("Agent Ops (Not running — start it with pnpm appbase up agent-ops)");
  });

  it("renders the local identity switcher as a plain form posting the chosen id", () => {
    const markup = html(
      <AppShell
        productName="Hub"
        environment="local"
        identity={{
          users,
          currentId: "u1",
          action: "/api/identity",
          fieldName: "actAs",
          hidden: { returnTo: "/cases" },
        }}
      >
        x
      </AppShell>,
    );
    expect(tagsWith(markup, "<form")[0]).toMatch(/action="\/api\/identity"/);
    expect(tagsWith(markup, "<form")[0]).toMatch(/method="post"/);
    expect(tagsWith(markup, "<select")[0]).toContain('name="actAs"');
    expect(markup).toMatch(/<option value="u1" selected="">Priya Raman — analyst<\/option>/);
    expect(text(markup)).toContain("Marcus Lee — no roles");
    expect(tagsWith(markup, 'name="returnTo"')[0]).toContain('value="/cases"');
  });

  it("has no switcher at all when none is given (Databricks Apps mode), showing the forwarded user instead", () => {
    const markup = html(
      <AppShell
        productName="Hub"
        environment="databricks-apps"
        user={{ displayName: "Dana Okafor", email: "dana@corp.com" }}
      >
        x
      </AppShell>,
    );
    expect(markup).not.toContain("<form");
    expect(markup).not.toContain("<select");
    expect(text(markup)).toContain("Databricks Apps");
    expect(text(markup)).toContain("Dana Okafor");
  });

  it("labels each environment and places banner and content", () => {
    expect(
      text(
        html(
          <AppShell productName="Hub" environment="local">
            x
          </AppShell>,
        ),
      ),
    ).toContain("Local Lakebase");
    const markup = html(
      <AppShell
        productName="Hub"
        environment="postgres"
        banner={<p>BANNER</p>}
        nav={[{ href: "/a", label: "Cases", current: true, count: 3 }]}
      >
        CONTENT
      </AppShell>,
    );
    expect(text(markup)).toMatch(/Postgres.*Cases3.*BANNER.*CONTENT/s);
    expect(tagsWith(markup, 'href="/a"')[0]).toContain('aria-current="page"');
  });
});
