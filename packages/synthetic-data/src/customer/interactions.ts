import { defineDataset, memoCount } from "../define.ts";
import { Prng, rngFor, streamKey, type Weighted } from "../prng.ts";
import { resolveOptions, resolveScale } from "../scale.ts";
import { clamp, DAY, isoTimestamp, padId, round } from "../time.ts";
import {
  accountFields,
  campaigns,
  products,
  returnReasons,
  reviewQuotes,
  supportTopics,
} from "../vocab/commerce.ts";
import { type CustomerProfile, customerId, customerProfile } from "./customer-profile.ts";

type Kind =
  | "purchase"
  | "return"
  | "support_ticket"
  | "complaint"
  | "inquiry"
  | "review"
  | "campaign_response"
  | "account_update";

const kinds: Weighted<Kind> = [
  ["purchase", 38],
  ["support_ticket", 14],
  ["inquiry", 12],
  ["campaign_response", 11],
  ["review", 8],
  ["return", 7],
  ["account_update", 6],
  ["complaint", 4],
];

const channelsByKind: Record<Kind, Weighted<string>> = {
  purchase: [
    ["web", 45],
    ["app", 35],
    ["store", 20],
  ],
  return: [
    ["store", 40],
    ["web", 45],
    ["app", 15],
  ],
  support_ticket: [
    ["chat", 40],
    ["email", 30],
    ["phone", 30],
  ],
  complaint: [
    ["phone", 45],
    ["email", 35],
    ["chat", 20],
  ],
  inquiry: [
    ["chat", 45],
    ["email", 25],
    ["phone", 20],
    ["store", 10],
  ],
  review: [
    ["web", 60],
    ["app", 40],
  ],
  campaign_response: [
    ["email", 80],
    ["app", 20],
  ],
  account_update: [
    ["web", 50],
    ["app", 50],
  ],
};

/** Interactions per customer depend only on the customer index, so row counts are seed-independent. */
function interactionCount(index: number): number {
  const r = new Prng(streamKey(0, "interaction_count", index));
  return 1 + Math.min(39, Math.floor(r.exponential(4)));
}

const totalInteractions = memoCount((customers) => {
  let total = 0;
  for (let i = 0; i < customers; i++) total += interactionCount(i);
  return total;
});

function summarize(r: Prng, kind: Kind, channel: string, profile: CustomerProfile): string {
  const product = r.pick(products);
  switch (kind) {
    case "purchase": {
      const n = r.int(1, 4);
      const items = r.sample(products, n).join(", ");
      return `Ordered ${n} item${n > 1 ? "s" : ""} (${items}) via ${channel}; total ${round(r.logNormal(4, 0.7), 2).toFixed(2)}.`;
    }
    case "return":
      return `Returned the ${product} (${r.pick(returnReasons)}); refund issued to the original payment method.`;
    case "support_ticket":
      return r.chance(0.8)
        ? `Support ticket about ${r.pick(supportTopics)}; resolved after ${r.int(1, 72)} h.`
        : `Support ticket about ${r.pick(supportTopics)}; waiting on the customer.`;
    case "complaint":
      return `Complaint about ${r.pick(supportTopics)}; ${r.chance(0.4) ? "escalated to a team lead" : "goodwill voucher offered"}.`;
    case "inquiry":
      return `Asked whether the ${product} is back in stock and about delivery times to ${profile.city}.`;
    case "review":
      return `Left a ${r.int(1, 5)}-star review of the ${product}: "${r.pick(reviewQuotes)}".`;
    case "campaign_response":
      return `Opened the ${r.pick(campaigns)} email and clicked through to the ${product} page.`;
    case "account_update":
      return `Updated ${r.pick(accountFields)}.`;
  }
}

const columns = [
  { name: "interaction_id", type: "text", nullable: false },
  { name: "customer_id", type: "text", nullable: false },
  { name: "channel", type: "text", nullable: false },
  { name: "kind", type: "text", nullable: false },
  { name: "occurred_at", type: "timestamp", nullable: false },
  { name: "summary", type: "text", nullable: false },
  { name: "sentiment", type: "float", nullable: true },
] as const;

/** Customer touchpoints across channels over the last two years, oldest first per customer. */
export const interactions = defineDataset({
  domain: "customer",
  name: "interactions",
  description: "Customer touchpoints (purchases, tickets, complaints, campaign responses) with a summary.",
  columns,
  primaryKey: ["interaction_id"],
  dependsOn: ["customers"],
  defaultRows: (scale) => totalInteractions(resolveScale(scale).customers),
  *rows(options) {
    const { seed, spec, epochMs } = resolveOptions(options);
    let next = 1;
    for (let i = 0; i < spec.customers; i++) {
      const profile = customerProfile(seed, i, epochMs);
      const r = rngFor(seed, "interactions", i);
      const count = interactionCount(i);
      const createdMs = Date.parse(profile.created_at);
      // Churned and dormant customers went quiet a while ago.
      const lastMs = profile.status === "active" ? epochMs : epochMs - r.int(60, 240) * DAY;
      const firstMs = Math.min(Math.max(createdMs, epochMs - 730 * DAY), lastMs - DAY);
      const times = Array.from({ length: count }, () => r.float(firstMs, lastMs)).sort((a, b) => a - b);
      for (const t of times) {
        let kind = r.weighted(kinds);
        if (kind === "campaign_response" && !profile.consent_marketing) kind = "inquiry";
        const channel = r.weighted(channelsByKind[kind]);
        const sentimentBase = kind === "complaint" ? -0.6 : kind === "support_ticket" ? -0.15 : 0.3;
        const hasSentiment = kind !== "account_update" && kind !== "campaign_response";
        yield {
          interaction_id: padId("I", next++, 9),
          customer_id: customerId(i),
          channel,
          kind,
          occurred_at: isoTimestamp(t),
          summary: summarize(r, kind, channel, profile),
          sentiment: hasSentiment ? round(clamp(r.normal(sentimentBase, 0.35), -1, 1), 3) : null,
        };
      }
    }
  },
});
