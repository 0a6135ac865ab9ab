import { kitBundle } from "@appbase/bundle/generate";
import kit from "@appbase/operations-portal/kit";

/** The Intelligent Operations Portal bundle: Lakebase with synced sites, assets, scores and work-order history, and UC grants. */
export default kitBundle(kit);
