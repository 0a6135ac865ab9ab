-- IF NOT EXISTS: the migrator may already have created the schema for its own bookkeeping table.
CREATE SCHEMA IF NOT EXISTS "customer_hub";
--> statement-breakpoint
CREATE TABLE "customer_hub"."activity" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"actor_email" text NOT NULL,
	"action" text NOT NULL,
	"detail" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_hub"."customer_status" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_status_status_check" CHECK ("customer_hub"."customer_status"."status" in ('new','contacted','engaged','retained','churned'))
);
--> statement-breakpoint
CREATE TABLE "customer_hub"."follow_up_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" text NOT NULL,
	"title" text NOT NULL,
	"assignee_email" text NOT NULL,
	"due_date" date NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"request_id" uuid NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "follow_up_tasks_request_id_unique" UNIQUE("request_id"),
	CONSTRAINT "follow_up_tasks_state_check" CHECK ("customer_hub"."follow_up_tasks"."state" in ('open','done')),
	CONSTRAINT "follow_up_tasks_title_length_check" CHECK (char_length("customer_hub"."follow_up_tasks"."title") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "customer_hub"."notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" text NOT NULL,
	"body" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"request_id" uuid NOT NULL,
	"author_email" text NOT NULL,
	"updated_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notes_request_id_unique" UNIQUE("request_id"),
	CONSTRAINT "notes_body_length_check" CHECK (char_length("customer_hub"."notes"."body") between 1 and 4000)
);
--> statement-breakpoint
CREATE INDEX "activity_customer_at_idx" ON "customer_hub"."activity" USING btree ("customer_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "follow_up_tasks_customer_idx" ON "customer_hub"."follow_up_tasks" USING btree ("customer_id","due_date");--> statement-breakpoint
CREATE INDEX "follow_up_tasks_assignee_idx" ON "customer_hub"."follow_up_tasks" USING btree ("assignee_email","state","due_date");--> statement-breakpoint
CREATE INDEX "notes_customer_created_idx" ON "customer_hub"."notes" USING btree ("customer_id","created_at" DESC NULLS LAST);