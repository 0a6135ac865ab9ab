import { describe, expect, it } from "vitest";
import { formatAge, homeHtml } from "./home-page.ts";
import type { KitStatus } from "./kit-status.ts";
import { traceHtml } from "./trace-view.ts";

const kit = (over: Partial<KitStatus>): KitStatus => ({
  id: "customer-hub",
  title: "Customer <Hub>",
  url: "http://127.0.0.1:3101",
  health: { ok: true, detail: "ok" },
  branch: "default branch",
  freshness: { state: "fresh", ageMs: 90_000, tables: 3, neverSynced: 0 },
  ...over,
});

describe("home page", () => {
  it("lists every kit with health, branch, freshness and links, escaping what kits report", () => {
    const html = homeHtml(
      [
        kit({}),
        kit({
          id: "risk",
          title: "Risk",
          health: { ok: false, detail: "<script>x</script>" },
          branch: "risk-preview-1a2b",
          freshness: { state: "expired", ageMs: null, tables: 2, neverSynced: 2 },
        }),
      ],
      [
        {
          trace_id: "a".repeat(32),
          name: "GET /customers",
          service_name: "customer-hub",
          duration_ms: 12.5,
          start_time: "2026-12-06T18:00:00.000Z",
        },
      ],
      { stateDir: "/tmp/state", telemetry: "OTLP" },
    );
    expect(html).toContain("Customer &#60;Hub&#62;");
    expect(html).not.toContain("<script>x</script>");
    expect(html).toContain("risk-preview-1a2b");
    expect(html).toContain("oldest sync 90 s ago · 3 tables");
    expect(html).toContain("2 of 2 tables never synced");
    expect(html).toContain('href="http://127.0.0.1:3101/api/health"');
    expect(html).toContain(`href="/traces/${"a".repeat(32)}"`);
  });

  it("says when no kit runs and no request was traced", () => {
    const html = homeHtml([], [], { stateDir: "/s", telemetry: "OTLP" });
    expect(html).toContain("No kits are running.");
    expect(html).toContain("No requests traced yet.");
  });

  it("formats ages for people", () => {
    expect([
      formatAge(42_000),
      formatAge(300_000),
      formatAge(3 * 3_600_000),
      formatAge(3 * 86_400_000),
    ]).toEqual(["42 s", "5 min", "3 h", "3 d"]);
  });

  it("shows a trace with no spans yet as such, not as an error", () => {
    expect(traceHtml("b".repeat(32), [])).toContain("No spans for this trace yet");
  });
});
