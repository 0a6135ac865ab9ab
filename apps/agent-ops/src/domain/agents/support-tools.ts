import { tool } from "@langchain/core/tools";
import { z } from "zod";

// Deterministic order data so demo runs are reproducible; the id's digits pick the amount.
function orderTotal(orderId: string): number {
  const digits = Number(orderId.replace(/\D/g, "")) || 1001;
  return 20 + ((digits * 37) % 180) + 0.99;
}

/** Looks up an order; ids ending in 0 are "archived" and fail, so tool-error rules have something to catch. */
export const lookupOrder = tool(
  async ({ orderId }) => {
    if (orderId.endsWith("0")) throw new Error(`Order ${orderId} is archived and cannot be read.`);
    return JSON.stringify({ orderId, status: "delivered", total: orderTotal(orderId), currency: "USD" });
  },
  {
    name: "lookup_order",
    description: "Look up an order by id",
    schema: z.object({ orderId: z.string() }),
  },
);

/** Issues a refund; only ever runs after a human approved (or edited) it. */
export const issueRefund = tool(
  async ({ orderId, amount }) => `refunded ${amount.toFixed(2)} USD on ${orderId}`,
  {
    name: "issue_refund",
    description: "Refund an order",
    schema: z.object({ orderId: z.string(), amount: z.number().positive() }),
  },
);

export const supportTools = [lookupOrder, issueRefund];
