import { kitBundle } from "@appbase/bundle/generate";
import kit from "@appbase/customer-hub/kit";

/** The Customer Intelligence Hub bundle: Lakebase with synced Customer 360, Genie and UC grants. */
export default kitBundle(kit);
