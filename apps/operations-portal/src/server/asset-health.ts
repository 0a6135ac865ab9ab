import "server-only";
import { recurringStep } from "@appbase/telemetry/node";
import { reconcileAssetHealth } from "../domain/assets/asset-health.ts";
import { db } from "./kit.ts";

let rebuilt = false;

/**
 * The startup step that keeps each asset's latest score beside it for the asset list: at start every
 * asset's latest score is read again; then every 5 minutes the assets synced or removed since are
 * reconciled (new scores also reach the list at once: each list read folds them in first).
 */
export const assetHealthStep = recurringStep({
  name: "asset health",
  kit: "operations-portal",
  everyMs: 5 * 60_000,
  run: async () => {
    const changed = await reconcileAssetHealth(await db(), { rebuild: !rebuilt });
    rebuilt = true;
    const { added, removed, rescored } = changed;
    return added + removed + rescored === 0
      ? null
      : `${added} asset(s) added or rescored in full, ${removed} removed, ${rescored} newly scored`;
  },
});
