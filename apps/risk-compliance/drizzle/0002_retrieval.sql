-- Policy and evidence retrieval (pgvector). Hand-written, not generated: the chunk tables exist only
-- where pgvector does (Lakebase, the local Lakebase); on a Postgres without it (the Debian 15 test
-- server) this migration creates nothing and the kit runs without retrieval. The drizzle declarations
-- are src/db/retrieval/*.ts (kept out of drizzle-kit's schema list for that reason); keep them in step.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    RAISE NOTICE 'pgvector is not available: policy retrieval tables are not created';
    RETURN;
  END IF;
  EXECUTE 'CREATE EXTENSION IF NOT EXISTS vector';
  EXECUTE $ddl$
    CREATE TABLE risk_compliance.policy_chunk (
      id bigserial PRIMARY KEY,
      policy_id text NOT NULL,
      version text NOT NULL,
      ordinal int NOT NULL,
      title text NOT NULL,
      section text NOT NULL,
      content text NOT NULL,
      content_sha256 text NOT NULL,
      category text NOT NULL,
      jurisdiction text NOT NULL,
      effective_date date NOT NULL,
      is_current boolean NOT NULL,
      embedding vector(1024),
      embedder text,
      tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || section || ' ' || content)) STORED,
      CONSTRAINT policy_chunk_key UNIQUE (policy_id, version, ordinal)
    )$ddl$;
  EXECUTE 'CREATE INDEX policy_chunk_embedding_hnsw ON risk_compliance.policy_chunk USING hnsw (embedding vector_cosine_ops)';
  EXECUTE 'CREATE INDEX policy_chunk_tsv_idx ON risk_compliance.policy_chunk USING gin (tsv)';
  EXECUTE 'CREATE INDEX policy_chunk_filter_idx ON risk_compliance.policy_chunk (is_current, category, jurisdiction, effective_date)';
  EXECUTE 'CREATE INDEX policy_chunk_pending_idx ON risk_compliance.policy_chunk (id) WHERE embedding IS NULL';
  EXECUTE $ddl$
    CREATE TABLE risk_compliance.evidence_chunk (
      id bigserial PRIMARY KEY,
      evidence_id uuid NOT NULL,
      case_id uuid NOT NULL,
      ordinal int NOT NULL,
      content text NOT NULL,
      embedding vector(1024),
      embedder text,
      tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', content)) STORED,
      CONSTRAINT evidence_chunk_key UNIQUE (evidence_id, ordinal)
    )$ddl$;
  EXECUTE 'CREATE INDEX evidence_chunk_embedding_hnsw ON risk_compliance.evidence_chunk USING hnsw (embedding vector_cosine_ops)';
  EXECUTE 'CREATE INDEX evidence_chunk_tsv_idx ON risk_compliance.evidence_chunk USING gin (tsv)';
END
$$;
