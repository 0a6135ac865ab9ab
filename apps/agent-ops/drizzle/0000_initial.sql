-- IF NOT EXISTS: the migrator may already have created the schema for its own bookkeeping table.
CREATE SCHEMA IF NOT EXISTS "agent_ops";
--> statement-breakpoint
CREATE TABLE "agent_ops"."agent_run" (
	"thread_id" text PRIMARY KEY NOT NULL,
	"agent" text NOT NULL,
	"model" text NOT NULL,
	"request" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"error" text,
	"started_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agent_run_status_check" CHECK ("agent_ops"."agent_run"."status" in ('running','interrupted','completed','failed'))
);
--> statement-breakpoint
CREATE TABLE "agent_ops"."assessment_handoff" (
	"review_item_id" uuid PRIMARY KEY NOT NULL,
	"thread_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'unbound' NOT NULL,
	"assessment_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_handoff_status_check" CHECK ("agent_ops"."assessment_handoff"."status" in ('unbound','pending','sent'))
);
--> statement-breakpoint
CREATE TABLE "agent_ops"."review_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"thread_id" text NOT NULL,
	"source" text NOT NULL,
	"source_key" text NOT NULL,
	"title" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"claimed_by" text,
	"claimed_at" timestamp with time zone,
	"lease_expires_at" timestamp with time zone,
	"decision" text,
	"rationale" text,
	"edited_value" jsonb,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_item_source_key_unique" UNIQUE("source_key"),
	CONSTRAINT "review_item_source_check" CHECK ("agent_ops"."review_item"."source" in ('interrupt','tool-error','policy-flag')),
	CONSTRAINT "review_item_status_check" CHECK ("agent_ops"."review_item"."status" in ('pending','claimed','decided')),
	CONSTRAINT "review_item_decision_check" CHECK ("agent_ops"."review_item"."decision" is null or "agent_ops"."review_item"."decision" in ('approve','reject','edit'))
);
--> statement-breakpoint
ALTER TABLE "agent_ops"."assessment_handoff" ADD CONSTRAINT "assessment_handoff_review_item_id_review_item_id_fk" FOREIGN KEY ("review_item_id") REFERENCES "agent_ops"."review_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agent_run_started_idx" ON "agent_ops"."agent_run" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "review_item_claimable_idx" ON "agent_ops"."review_item" USING btree ("priority","created_at","id") WHERE "agent_ops"."review_item"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "review_item_thread_idx" ON "agent_ops"."review_item" USING btree ("thread_id");