import type { AgentSpec } from "./agent-spec.ts";
import { scriptedSupportReply } from "./scripted-model.ts";
import { supportTools } from "./support-tools.ts";

/** Refunds above this need a policy look even after a reviewer approves them. */
export const REFUND_POLICY_LIMIT_USD = 150;

/** The customer-support agent: look up the order and its customer, propose a refund, a human approves it. */
export const supportAgent: AgentSpec = {
  name: "customer-support",
  title: "Customer support",
  systemPrompt:
    "You are a customer-support agent. Look up the order the customer names with lookup_order, then " +
    "propose a refund with issue_refund when the order qualifies; a human reviews every refund. Answer briefly.",
  tools: supportTools,
  reviewedTools: ["issue_refund"],
  reviewKind: "refund-approval",
  scripted: scriptedSupportReply,
  policyRules: [
    {
      id: "refund-limit",
      tool: "issue_refund",
      check: (args) => {
        const amount = Number(args.amount);
        return amount > REFUND_POLICY_LIMIT_USD
          ? `Refund of ${amount.toFixed(2)} USD is above the ${REFUND_POLICY_LIMIT_USD} USD an agent may propose without a policy check.`
          : null;
      },
    },
  ],
  exampleRequest: "Please refund order ORD-1234, it arrived broken",
};
