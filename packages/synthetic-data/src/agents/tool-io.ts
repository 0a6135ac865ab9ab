import { customerProfile } from "../customer/customer-profile.ts";
import { assetProfile } from "../operations/asset-profile.ts";
import { siteIdForAsset } from "../operations/ids.ts";
import type { Prng } from "../prng.ts";
import { totalAlerts } from "../risk/alerts.ts";
import { entityProfile } from "../risk/entity-profile.ts";
import { policyId } from "../risk/ids.ts";
import { riskBand } from "../risk/risk-scores.ts";
import type { ScaleSpec } from "../scale.ts";
import { clamp, padId, round } from "../time.ts";
import type { JsonValue } from "../types.ts";
import { technicians } from "../vocab/industrial.ts";
import type { ToolSpec } from "./catalog.ts";

export interface ToolContext {
  seed: number;
  spec: ScaleSpec;
  epochMs: number;
  /** The thread's subject: a customer, entity or asset id. */
  subjectId: string;
}

const indexOf = (id: string) => Number(id.replace(/^\D+/, "")) - 1;

/** Arguments an agent passes to a tool, referring to real rows of the other domains. */
export function toolArgs(r: Prng, tool: ToolSpec, ctx: ToolContext): JsonValue {
  const { subjectId } = ctx;
  switch (tool.tool_name) {
    case "lookup_customer":
      return { customer_id: subjectId };
    case "list_orders":
      return { customer_id: subjectId, since_days: r.pick([30, 90, 180]) };
    case "search_help_center":
      return {
        query: r.pick(["delivery delays", "refund timeline", "double charge", "return label"]),
        top_k: 3,
      };
    case "create_ticket":
      return {
        customer_id: subjectId,
        subject: "Follow-up needed by a human agent",
        priority: r.pick(["low", "normal", "high"]),
      };
    case "issue_refund":
      return {
        order_id: `O${r.int(1_000_000, 9_999_999)}`,
        amount: round(r.logNormal(4, 0.6), 2),
        reason: "item arrived damaged",
      };
    case "get_entity_profile":
    case "get_risk_scores":
      return { entity_id: subjectId };
    case "search_policies":
      return {
        query: r.pick([
          "enhanced due diligence high-risk jurisdiction",
          "structuring thresholds",
          "PEP screening",
        ]),
        top_k: 4,
      };
    case "screen_sanctions": {
      const entity = entityProfile(ctx.seed, indexOf(subjectId), ctx.epochMs).row;
      return { name: entity.name, country_code: entity.country_code };
    }
    case "escalate_alert":
      return {
        alert_id: padId("A", r.int(1, Math.max(1, totalAlerts(ctx.spec))), 7),
        rationale: "Pattern consistent with layering",
      };
    case "get_asset_health":
      return { asset_id: subjectId, window_hours: r.pick([24, 72, 168]) };
    case "list_work_orders":
      return { asset_id: subjectId, status: r.pick(["open", "in_progress"]) };
    case "get_maintenance_manual":
      return {
        asset_type: assetProfile(ctx.seed, indexOf(subjectId), ctx.spec.sites, ctx.epochMs).row.asset_type,
        symptom: r.pick(["vibration", "overheating", "pressure drop"]),
      };
    case "create_work_order":
      return {
        asset_id: subjectId,
        priority: r.pick(["medium", "high", "urgent"]),
        title: "Inspect bearing and realign coupling",
      };
    default:
      return {
        site_id: siteIdForAsset(indexOf(subjectId), ctx.spec.sites),
        message: "Asset tripped; needs on-site check",
      };
  }
}

/** What the tool returned: values consistent with the rows the arguments point at. */
export function toolResult(r: Prng, tool: ToolSpec, args: JsonValue, ctx: ToolContext): JsonValue {
  const a = (args ?? {}) as Record<string, JsonValue>;
  switch (tool.agent_kind) {
    case "support": {
      if (tool.tool_name === "lookup_customer") {
        const c = customerProfile(ctx.seed, indexOf(ctx.subjectId), ctx.epochMs);
        return {
          customer_id: c.customer_id,
          segment: c.segment,
          status: c.status,
          churn_risk_band: c.churn_risk_band,
          consents: {
            marketing: c.consent_marketing,
            analytics: c.consent_analytics,
            personalization: c.consent_personalization,
            profiling: c.consent_profiling,
          },
        };
      }
      if (tool.tool_name === "list_orders") {
        const orders = Array.from({ length: r.int(0, 3) }, () => ({
          order_id: `O${r.int(1_000_000, 9_999_999)}`,
          total: round(r.logNormal(4, 0.7), 2),
          status: r.pick(["delivered", "in_transit", "returned"]),
        }));
        return { customer_id: a.customer_id ?? null, orders };
      }
      if (tool.tool_name === "search_help_center")
        return {
          articles: r.sample(
            [
              "KB-1021 Where is my order?",
              "KB-1107 Refund timelines",
              "KB-1150 Duplicate charges",
              "KB-1203 Printing a return label",
            ],
            3,
          ),
        };
      if (tool.tool_name === "create_ticket")
        return { ticket_id: `TCK-${r.int(100_000, 999_999)}`, status: "open" };
      return { refund_id: `RF-${r.hex(8)}`, amount: a.amount ?? null, status: "approved" };
    }
    case "risk_triage": {
      const entity = entityProfile(ctx.seed, indexOf(ctx.subjectId), ctx.epochMs);
      if (tool.tool_name === "get_entity_profile") return entity.row;
      if (tool.tool_name === "get_risk_scores") {
        const score = round(clamp(100 * entity.baseRisk + r.normal(0, 5), 0, 100), 2);
        return {
          entity_id: entity.row.entity_id,
          model_version: "aml-risk-v3.0",
          score,
          band: riskBand(score),
        };
      }
      if (tool.tool_name === "search_policies") {
        const passages = Array.from({ length: 3 }, (_, k) => ({
          policy_id: policyId(r.int(0, ctx.spec.policies - 1)),
          similarity: round(0.86 - k * 0.05 - r.float(0, 0.04), 3),
        }));
        return { passages };
      }
      if (tool.tool_name === "screen_sanctions") {
        const matches = r.chance(0.15) ? r.int(1, 2) : 0;
        return {
          matches,
          best_match_score: matches > 0 ? round(r.float(0.72, 0.97), 2) : null,
          lists: ["OFAC SDN", "EU Consolidated", "UN"],
        };
      }
      return {
        alert_id: a.alert_id ?? null,
        case_id: padId("CASE-", r.int(1, Math.max(1, Math.round(ctx.spec.entities / 20))), 6),
        status: "escalated",
      };
    }
    default: {
      if (tool.tool_name === "get_asset_health") {
        const { wear } = assetProfile(ctx.seed, indexOf(ctx.subjectId), ctx.spec.sites, ctx.epochMs);
        return {
          asset_id: ctx.subjectId,
          health_score: round(clamp(100 * (1 - 0.6 * wear) + r.normal(0, 3), 0, 100), 1),
          trend: wear > 0.6 ? "declining" : "stable",
        };
      }
      if (tool.tool_name === "list_work_orders")
        return { asset_id: ctx.subjectId, open_work_orders: r.int(0, 3) };
      if (tool.tool_name === "get_maintenance_manual")
        return {
          document_id: `MAN-${r.int(100, 999)}`,
          section: `${r.int(3, 9)}.${r.int(1, 6)}`,
          steps: [
            "Isolate and lock out",
            "Inspect bearings and coupling",
            "Check alignment",
            "Record readings",
          ],
        };
      if (tool.tool_name === "create_work_order")
        return { work_order_id: `WO-NEW-${r.hex(6)}`, status: "requested" };
      return { paged: r.pick(technicians), acknowledged: r.chance(0.9) };
    }
  }
}
