import { describe, expect, it } from "vitest";
import { html, tagsWith, text } from "../internal/test-html.ts";
import { ProgressBar } from "./progress-bar.tsx";
import { Stat } from "./stat.tsx";

describe("Stat", () => {
  it("colours a change by whether it is good news, not by its sign", () => {
    const moreAlerts = html(
      <Stat
        label="Open alerts"
        value={412}
        delta={{ value: 0.12, period: "vs last week" }}
        goodDirection="down"
      />,
    );
    expect(moreAlerts).toContain("ab-stat__delta--bad");
    expect(text(moreAlerts)).toContain("Open alerts412▲ 12% increase vs last week");
    const moreResolved = html(
      <Stat label="Resolved" value={1200} delta={{ value: 0.05, period: "vs last week" }} />,
    );
    expect(moreResolved).toContain("ab-stat__delta--good");
    expect(html(<Stat label="x" value={1} delta={{ value: 0, period: "" }} />)).toContain(
      "ab-stat__delta--neutral",
    );
  });

  it("formats the value and shows a dash when it is unknown", () => {
    expect(text(html(<Stat label="p95" value={2500} format="ms" />))).toBe("p952.5 s");
    expect(text(html(<Stat label="p95" value={null} />))).toBe("p95—");
  });
});

describe("ProgressBar", () => {
  it("reports counts and percentage to people and to assistive technology", () => {
    const markup = html(
      <ProgressBar
        label="Seeding customers"
        value={12_400}
        max={50_000}
        unit="rows"
        detail="batch 13 of 50"
      />,
    );
    expect(text(markup)).toBe("Seeding customers12,400 / 50,000 rows24.8%batch 13 of 50");
    const bar = tagsWith(markup, 'role="progressbar"')[0];
    expect(bar).toContain('aria-valuenow="12400"');
    expect(bar).toContain('aria-valuemax="50000"');
    expect(markup).toContain("width:24.8%");
  });

  it("clamps overshoot and shows an indeterminate bar when the size is unknown", () => {
    expect(html(<ProgressBar label="x" value={120} max={100} />)).toContain("width:100%");
    const unknown = html(<ProgressBar label="Staging bundle" />);
    expect(unknown).toContain("ab-progress__track--indeterminate");
    expect(tagsWith(unknown, 'role="progressbar"')[0]).not.toContain("aria-valuenow");
  });
});
