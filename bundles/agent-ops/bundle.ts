import kit from "@appbase/agent-ops/kit";
import { kitBundle } from "@appbase/bundle/generate";

/** The AI Agent Operations Center bundle: Lakebase for agent state and review, synced agent registries. */
// Assessments are writes to the experiment; the experiment type's default would be CAN_READ.
export default kitBundle(kit, { permissions: { experiment: "CAN_EDIT" } });
