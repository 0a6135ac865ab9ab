CREATE TABLE "agent_ops"."agent_definition" (
	"agent_id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"tools" text NOT NULL,
	"review_required" boolean NOT NULL,
	"enabled" boolean NOT NULL,
	"version" bigint NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agent_ops"."tool_registry" (
	"tool_name" text PRIMARY KEY NOT NULL,
	"description" text NOT NULL,
	"reads" text NOT NULL,
	"risk_level" text NOT NULL,
	"enabled" boolean NOT NULL,
	"version" bigint NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agent_ops"."tool_call" (
	"tool_call_id" text NOT NULL,
	"thread_id" text NOT NULL,
	"agent" text NOT NULL,
	"tool" text NOT NULL,
	"args" jsonb NOT NULL,
	"result" jsonb,
	"error" text,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	CONSTRAINT "tool_call_pk" PRIMARY KEY("thread_id","tool_call_id"),
	CONSTRAINT "tool_call_status_check" CHECK ("agent_ops"."tool_call"."status" in ('ok','error'))
);
--> statement-breakpoint
ALTER TABLE "agent_ops"."assessment_handoff" ADD COLUMN "trace_id" text;--> statement-breakpoint
ALTER TABLE "agent_ops"."assessment_handoff" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "agent_ops"."assessment_handoff" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agent_ops"."assessment_handoff" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "agent_ops"."assessment_handoff" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "tool_call_tool_started_idx" ON "agent_ops"."tool_call" USING btree ("tool","started_at");