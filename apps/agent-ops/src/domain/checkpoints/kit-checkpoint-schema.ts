/** LangGraph's own tables live in this schema, apart from the kit's `agent_ops`. */
export const CHECKPOINT_SCHEMA = "agent_checkpoints";
