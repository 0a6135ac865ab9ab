CREATE SCHEMA IF NOT EXISTS "agents";
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS "customer";
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS "operations";
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS "risk";
--> statement-breakpoint
CREATE TABLE "agents"."agent_definitions" (
	"agent_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"model" text NOT NULL,
	"version" text NOT NULL,
	"system_prompt" text NOT NULL,
	"tools" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agents"."messages" (
	"message_id" text PRIMARY KEY NOT NULL,
	"thread_id" text NOT NULL,
	"seq" integer NOT NULL,
	"role" text NOT NULL,
	"content" text NOT NULL,
	"tool_call_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"token_count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agents"."threads" (
	"thread_id" text PRIMARY KEY NOT NULL,
	"agent_id" text NOT NULL,
	"status" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"title" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "agents"."tool_calls" (
	"tool_call_id" text PRIMARY KEY NOT NULL,
	"thread_id" text NOT NULL,
	"message_id" text NOT NULL,
	"tool_name" text NOT NULL,
	"args" jsonb NOT NULL,
	"result" jsonb,
	"error" text,
	"status" text NOT NULL,
	"latency_ms" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agents"."tools" (
	"tool_name" text PRIMARY KEY NOT NULL,
	"agent_kind" text NOT NULL,
	"description" text NOT NULL,
	"args_schema" jsonb NOT NULL,
	"requires_approval" boolean NOT NULL,
	"registered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer"."customer_features" (
	"customer_id" text NOT NULL,
	"feature_name" text NOT NULL,
	"value" double precision,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_features_customer_id_feature_name_pk" PRIMARY KEY("customer_id","feature_name")
);
--> statement-breakpoint
CREATE TABLE "customer"."customers" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"full_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text NOT NULL,
	"street_address" text NOT NULL,
	"city" text NOT NULL,
	"postal_code" text NOT NULL,
	"country_code" text NOT NULL,
	"birth_date" date NOT NULL,
	"segment" text NOT NULL,
	"region" text NOT NULL,
	"status" text NOT NULL,
	"lifetime_value" double precision NOT NULL,
	"churn_risk_score" double precision NOT NULL,
	"churn_risk_band" text NOT NULL,
	"consent_marketing" boolean NOT NULL,
	"consent_analytics" boolean NOT NULL,
	"consent_personalization" boolean NOT NULL,
	"consent_profiling" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer"."interactions" (
	"interaction_id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"summary" text NOT NULL,
	"sentiment" double precision
);
--> statement-breakpoint
CREATE TABLE "operations"."asset_scores" (
	"asset_id" text NOT NULL,
	"scored_at" timestamp with time zone NOT NULL,
	"health_score" double precision NOT NULL,
	"anomaly_score" double precision NOT NULL,
	"model_version" text NOT NULL,
	CONSTRAINT "asset_scores_asset_id_scored_at_pk" PRIMARY KEY("asset_id","scored_at")
);
--> statement-breakpoint
CREATE TABLE "operations"."assets" (
	"asset_id" text PRIMARY KEY NOT NULL,
	"site_id" text NOT NULL,
	"asset_type" text NOT NULL,
	"tag" text NOT NULL,
	"manufacturer" text NOT NULL,
	"model" text NOT NULL,
	"install_date" date NOT NULL,
	"criticality" text NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operations"."sites" (
	"site_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"site_type" text NOT NULL,
	"city" text NOT NULL,
	"country_code" text NOT NULL,
	"region" text NOT NULL,
	"timezone" text NOT NULL,
	"commissioned_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operations"."work_orders" (
	"work_order_id" text PRIMARY KEY NOT NULL,
	"asset_id" text NOT NULL,
	"site_id" text NOT NULL,
	"title" text NOT NULL,
	"work_type" text NOT NULL,
	"status" text NOT NULL,
	"priority" text NOT NULL,
	"assignee" text,
	"estimated_hours" double precision NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "risk"."alerts" (
	"alert_id" text PRIMARY KEY NOT NULL,
	"entity_id" text NOT NULL,
	"rule_id" text NOT NULL,
	"rule_name" text NOT NULL,
	"severity" text NOT NULL,
	"status" text NOT NULL,
	"resolution" text,
	"case_id" text,
	"assignee" text,
	"dedupe_key" text NOT NULL,
	"score" double precision NOT NULL,
	"duplicate_count" integer NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk"."entities" (
	"entity_id" text PRIMARY KEY NOT NULL,
	"entity_type" text NOT NULL,
	"name" text NOT NULL,
	"country_code" text NOT NULL,
	"sector" text,
	"registration_number" text,
	"date_of_birth" date,
	"is_pep" boolean NOT NULL,
	"kyc_status" text NOT NULL,
	"onboarded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk"."policies" (
	"policy_id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"version" text NOT NULL,
	"owner" text NOT NULL,
	"effective_date" date NOT NULL,
	"body" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk"."risk_scores" (
	"entity_id" text NOT NULL,
	"model_version" text NOT NULL,
	"scored_at" timestamp with time zone NOT NULL,
	"score" double precision NOT NULL,
	"band" text NOT NULL,
	"top_factors" jsonb NOT NULL,
	CONSTRAINT "risk_scores_entity_id_model_version_scored_at_pk" PRIMARY KEY("entity_id","model_version","scored_at")
);
--> statement-breakpoint
CREATE INDEX "agent_definitions_kind_idx" ON "agents"."agent_definitions" USING btree ("kind");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_thread_seq_idx" ON "agents"."messages" USING btree ("thread_id","seq");--> statement-breakpoint
CREATE INDEX "messages_tool_call_idx" ON "agents"."messages" USING btree ("tool_call_id");--> statement-breakpoint
CREATE INDEX "threads_agent_started_idx" ON "agents"."threads" USING btree ("agent_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "threads_status_idx" ON "agents"."threads" USING btree ("status");--> statement-breakpoint
CREATE INDEX "threads_subject_idx" ON "agents"."threads" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "threads_started_idx" ON "agents"."threads" USING btree ("started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tool_calls_thread_started_idx" ON "agents"."tool_calls" USING btree ("thread_id","started_at");--> statement-breakpoint
CREATE INDEX "tool_calls_message_idx" ON "agents"."tool_calls" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "tool_calls_tool_status_idx" ON "agents"."tool_calls" USING btree ("tool_name","status");--> statement-breakpoint
CREATE INDEX "tools_agent_kind_idx" ON "agents"."tools" USING btree ("agent_kind");--> statement-breakpoint
CREATE INDEX "customers_full_name_search_idx" ON "customer"."customers" USING btree (lower("full_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customers_email_search_idx" ON "customer"."customers" USING btree (lower("email") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customers_segment_idx" ON "customer"."customers" USING btree ("segment");--> statement-breakpoint
CREATE INDEX "customers_region_idx" ON "customer"."customers" USING btree ("region");--> statement-breakpoint
CREATE INDEX "customers_churn_risk_band_idx" ON "customer"."customers" USING btree ("churn_risk_band");--> statement-breakpoint
CREATE INDEX "customers_status_idx" ON "customer"."customers" USING btree ("status");--> statement-breakpoint
CREATE INDEX "interactions_customer_occurred_idx" ON "customer"."interactions" USING btree ("customer_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "interactions_kind_idx" ON "customer"."interactions" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "asset_scores_scored_idx" ON "operations"."asset_scores" USING btree ("scored_at");--> statement-breakpoint
CREATE INDEX "assets_site_idx" ON "operations"."assets" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "assets_type_idx" ON "operations"."assets" USING btree ("asset_type");--> statement-breakpoint
CREATE INDEX "assets_criticality_status_idx" ON "operations"."assets" USING btree ("criticality","status");--> statement-breakpoint
CREATE INDEX "sites_region_idx" ON "operations"."sites" USING btree ("region");--> statement-breakpoint
CREATE INDEX "work_orders_asset_idx" ON "operations"."work_orders" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "work_orders_site_status_idx" ON "operations"."work_orders" USING btree ("site_id","status");--> statement-breakpoint
CREATE INDEX "work_orders_status_priority_due_idx" ON "operations"."work_orders" USING btree ("status","priority","due_at");--> statement-breakpoint
CREATE INDEX "alerts_entity_idx" ON "risk"."alerts" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "alerts_status_severity_opened_idx" ON "risk"."alerts" USING btree ("status","severity","opened_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "alerts_rule_idx" ON "risk"."alerts" USING btree ("rule_id");--> statement-breakpoint
CREATE INDEX "alerts_case_idx" ON "risk"."alerts" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "alerts_dedupe_key_idx" ON "risk"."alerts" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "entities_name_search_idx" ON "risk"."entities" USING btree (lower("name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "entities_country_idx" ON "risk"."entities" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "entities_type_sector_idx" ON "risk"."entities" USING btree ("entity_type","sector");--> statement-breakpoint
CREATE INDEX "entities_kyc_status_idx" ON "risk"."entities" USING btree ("kyc_status");--> statement-breakpoint
CREATE INDEX "policies_category_idx" ON "risk"."policies" USING btree ("category");--> statement-breakpoint
CREATE INDEX "risk_scores_model_scored_band_idx" ON "risk"."risk_scores" USING btree ("model_version","scored_at","band");