import { kitBundle } from "@appbase/bundle/generate";
import kit from "@appbase/risk-compliance/kit";

/**
 * The Real-Time Risk & Compliance Engine bundle: Lakebase with synced entities, scores, alerts and
 * policies, UC grants, an optional embedding endpoint, an optional SQL warehouse for governed case
 * decisions, and an optional evidence volume the app uploads files to (so WRITE_VOLUME).
 */
export default kitBundle(kit, { permissions: { "evidence-volume": "WRITE_VOLUME" } });
