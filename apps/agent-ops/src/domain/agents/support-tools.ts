import { z } from "zod";
import { defineAgentTool } from "./agent-tool.ts";
import { readServed } from "./served-data.ts";

// Orders are not in the served data; the id's digits fix the amount so demo runs are reproducible.
function orderTotal(orderId: string): number {
  const digits = Number(orderId.replace(/\D/g, "")) || 1001;
  return 20 + ((digits * 37) % 180) + 0.99;
}

interface OrderCustomer extends Record<string, unknown> {
  customer_id: string;
  full_name: string;
  segment: string;
  churn_risk_band: string;
  consent_marketing: boolean;
  last_interaction: string | null;
}

/**
 * Looks up an order and the customer who placed it (from the served `customer` tables, picked by the
 * order number); ids ending in 0 are "archived" and fail, so the tool-error rule has something to catch.
 */
export const lookupOrder = defineAgentTool({
  name: "lookup_order",
  description: "Look up an order by id, with the customer who placed it and their latest interaction",
  schema: z.object({ orderId: z.string().min(1) }),
  async run({ orderId }, { db }) {
    if (orderId.endsWith("0")) throw new Error(`Order ${orderId} is archived and cannot be read.`);
    const digits = Number(orderId.replace(/\D/g, "")) || 0;
    const [customer] = await readServed<OrderCustomer>(
      db,
      "customer.customers",
      `select c.customer_id, c.full_name, c.segment, c.churn_risk_band, c.consent_marketing,
              (select i.summary from customer.interactions i where i.customer_id = c.customer_id
               order by i.occurred_at desc limit 1) as last_interaction
       from customer.customers c order by c.customer_id
       offset ($1::bigint % greatest((select count(*) from customer.customers), 1)) limit 1`,
      [digits],
    );
    if (!customer) {
      throw new Error("customer.customers is empty; load the served data with `appbase up` first.");
    }
    return JSON.stringify({
      orderId,
      status: "delivered",
      total: orderTotal(orderId),
      currency: "USD",
      customer: {
        id: customer.customer_id,
        name: customer.full_name,
        segment: customer.segment,
        churnRiskBand: customer.churn_risk_band,
        consentMarketing: customer.consent_marketing,
        lastInteraction: customer.last_interaction,
      },
    });
  },
});

/** Issues a refund; only ever runs after a human approved (or edited) it. */
export const issueRefund = defineAgentTool({
  name: "issue_refund",
  description: "Refund an order",
  schema: z.object({ orderId: z.string().min(1), amount: z.number().positive() }),
  async run({ orderId, amount }) {
    return `refunded ${amount.toFixed(2)} USD on ${orderId}`;
  },
});

export const supportTools = [lookupOrder, issueRefund];
