/**
 * The synced tables this kit reads, as test fixtures. Local stand-in until `@appbase/datasets`
 * publishes its migrations: columns follow `@appbase/synthetic-data`'s customer datasets.
 * Every statement is IF NOT EXISTS so it is harmless where the real migrations already ran.
 */
export const syncedFixtureDdl = [
  "create schema if not exists customer",
  `create table if not exists customer.customers (
    customer_id text primary key, full_name text not null, email text not null, phone text not null,
    street_address text not null, city text not null, postal_code text not null, country_code text not null,
    birth_date date not null, segment text not null, region text not null, status text not null,
    lifetime_value double precision not null, churn_risk_score double precision not null,
    churn_risk_band text not null, consent_marketing boolean not null, consent_analytics boolean not null,
    consent_personalization boolean not null, consent_profiling boolean not null,
    created_at timestamptz not null, updated_at timestamptz not null)`,
  `create table if not exists customer.customer_features (
    customer_id text not null, feature_name text not null, value double precision,
    computed_at timestamptz not null, primary key (customer_id, feature_name))`,
  `create table if not exists customer.interactions (
    interaction_id text primary key, customer_id text not null, channel text not null, kind text not null,
    occurred_at timestamptz not null, summary text not null, sentiment double precision)`,
  "create schema if not exists appbase_meta",
  `create table if not exists appbase_meta.synced_table_status (
    target_table text primary key, source_table text, detailed_state text,
    last_sync_time timestamptz, last_processed_commit_version bigint)`,
];
