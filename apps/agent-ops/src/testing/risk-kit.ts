import type { KitCaller } from "@appbase/next-kit/kit-call";

/** The Risk kit's intake route as the tool sees it: one case per idempotency key, as the route files. */
export function riskKit() {
  const calls: { kit: string; path: string; body: Record<string, unknown> }[] = [];
  const cases = new Map<string, string>();
  const kits = (async (call) => {
    calls.push(call);
    const key = String(call.body.idempotencyKey);
    if (!cases.has(key)) cases.set(key, `c${cases.size + 1}`);
    return {
      action: call.body.action,
      alertIds: call.body.alertIds,
      caseId: cases.get(key),
      caseLabel: `CASE-${cases.size}`,
      replayed: false,
    };
  }) as KitCaller;
  return { calls, kits };
}
