-- One partial HNSW index per policy category over the current versions. A search that names a
-- category (and asks for current versions, the default) walks a graph of that category alone, so
-- its filter (jurisdiction, effective date) passes most candidates and the top-k fills within
-- ef_search instead of iterating through the whole graph (`pnpm bench`: policy-retrieval). The
-- planner picks the partial index when the bound parameters prove its predicate; other searches
-- (no category, older versions, a category not listed here) keep policy_chunk_embedding_hnsw.
-- The categories are the gold policy areas; a new area needs a line here. Hand-written, like 0002:
-- nothing is created where pgvector (and so policy_chunk) is absent.
DO $$
DECLARE
  category text;
BEGIN
  IF to_regclass('risk_compliance.policy_chunk') IS NULL THEN
    RETURN;
  END IF;
  FOREACH category IN ARRAY ARRAY['aml', 'kyc', 'sanctions', 'fraud', 'privacy', 'conduct', 'model_risk', 'operational'] LOOP
    EXECUTE format(
      'CREATE INDEX %I ON risk_compliance.policy_chunk USING hnsw (embedding vector_cosine_ops) WHERE category = %L AND is_current',
      'policy_chunk_' || category || '_hnsw', category);
  END LOOP;
END
$$;
