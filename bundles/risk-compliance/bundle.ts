import { kitBundle } from "@appbase/bundle/generate";
import kit from "@appbase/risk-compliance/kit";

/** The Real-Time Risk & Compliance Engine bundle: Lakebase with synced entities, scores, alerts and policies, UC grants, and an optional embedding endpoint. */
export default kitBundle(kit);
