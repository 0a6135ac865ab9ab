import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { gatewaySettings, type PlatformUsage } from "../../domain/usage/platform-usage.ts";
import { PlatformFigures } from "./platform-figures.tsx";

// The text a reader sees, tags dropped and entities decoded.
const text = (markup: string) =>
  markup
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&apos;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

const settings = gatewaySettings("agents-llm", {
  usage_tracking_config: { enabled: true },
  rate_limits: [{ calls: 30, key: "endpoint", renewal_period: "minute" }],
});

describe("platform figures on /usage", () => {
  it("names each source beside its figures and counts a 429 as rate limited", () => {
    const platform: PlatformUsage = {
      endpoint: "agents-llm",
      gateway: { state: "read", settings },
      usage: {
        state: "read",
        table: "system.serving.endpoint_usage",
        rows: [
          {
            day: "2026-12-06",
            requester: "app-sp",
            statusCode: 200,
            requests: 3,
            inputTokens: 395,
            outputTokens: 32,
          },
          {
            day: "2026-12-06",
            requester: "app-sp",
            statusCode: 429,
            requests: 1,
            inputTokens: 0,
            outputTokens: 0,
          },
        ],
      },
      latency: { state: "off", why: "the endpoint's AI Gateway logs no inference table" },
    };
    const shown = text(renderToString(createElement(PlatformFigures, { platform, appCalls: 4 })));
    expect(shown).toContain("Usage tracking on (system.serving.endpoint_usage)");
    expect(shown).toContain("Inference table not enabled");
    expect(shown).toContain("Rate limits 30 calls per minute per endpoint");
    expect(shown).toContain("4 requests on the platform; the kit recorded 4 model calls");
    expect(shown).toContain("429 rate limited");
    expect(shown).toContain("Not shown: the endpoint's AI Gateway logs no inference table.");
  });

  it("says what failed instead of showing empty figures", () => {
    const failed: PlatformUsage = {
      endpoint: "agents-llm",
      gateway: { state: "read", settings },
      usage: {
        state: "failed",
        table: "system.serving.endpoint_usage",
        error: "PERMISSION_DENIED: no SELECT",
      },
      latency: { state: "off", why: "no SQL warehouse is bound (DATABRICKS_WAREHOUSE_ID)" },
    };
    const shown = text(renderToString(createElement(PlatformFigures, { platform: failed, appCalls: 0 })));
    expect(shown).toContain("Reading system.serving.endpoint_usage failed: PERMISSION_DENIED: no SELECT");
    expect(shown).toContain("Not shown: no SQL warehouse is bound (DATABRICKS_WAREHOUSE_ID).");
    const unreadable = text(
      renderToString(
        createElement(PlatformFigures, {
          platform: { ...failed, gateway: { state: "failed", error: "HTTP 403 PERMISSION_DENIED" } },
          appCalls: 0,
        }),
      ),
    );
    expect(unreadable).toContain("The settings of serving endpoint agents-llm could not be read: HTTP 403");
  });
});
