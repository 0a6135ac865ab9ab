-- Reading any LangGraph program's checkpoints (apps/agent-ops/ARCHITECTURE.md, "Threads from the checkpointer").
-- The JS PostgresSaver stores channel values and writes as JSON text in bytea; one value that is not valid
-- JSON for jsonb (e.g. a \u0000 escape in a tool result) must not break the thread list, so it reads as null.
CREATE FUNCTION "agent_ops"."checkpoint_json"(blob bytea, kind text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  IF blob IS NULL OR kind IS DISTINCT FROM 'json' THEN
    RETURN NULL;
  END IF;
  RETURN convert_from(blob, 'UTF8')::jsonb;
EXCEPTION WHEN others THEN
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A `messages` value or write as a JSON array of serialized LangChain messages (one message becomes a list of one).
CREATE FUNCTION "agent_ops"."checkpoint_messages"(blob bytea, kind text) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE jsonb_typeof(v) WHEN 'array' THEN v WHEN 'object' THEN jsonb_build_array(v) ELSE '[]'::jsonb END
    FROM (SELECT "agent_ops"."checkpoint_json"(blob, kind) AS v) j
$$;
--> statement-breakpoint
-- The documented table a LangGraph program the kit cannot resume reads its reviewers' decisions from:
-- one row per decided interrupt; `resume` is the value to pass as Command({ resume }).
CREATE VIEW "agent_ops"."interrupt_decision" AS
SELECT i.thread_id,
       substr(i.source_key, length('interrupt:' || i.thread_id || ':') + 1) AS interrupt_id,
       i.decision,
       i.rationale,
       i.edited_value,
       i.decided_by,
       i.decided_at,
       jsonb_strip_nulls(jsonb_build_object('decision', i.decision, 'rationale', i.rationale,
                                            'editedArgs', i.edited_value)) AS resume,
       i.id AS review_item_id
  FROM "agent_ops"."review_item" i
 WHERE i.source = 'interrupt' AND i.status = 'decided';
