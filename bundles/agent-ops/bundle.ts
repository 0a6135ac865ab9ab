import { kitBundle } from "@appbase/bundle/generate";
import kit from "@appbase/agent-ops/kit";

/** The AI Agent Operations Center bundle: Lakebase for agent state and review, synced agent registries. */
// Assessments are writes to the experiment; the experiment type's default would be CAN_READ.
export default kitBundle(kit, { permissions: { experiment: "CAN_EDIT" } });
