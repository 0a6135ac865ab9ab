CREATE SCHEMA "operations_portal";
--> statement-breakpoint
CREATE TABLE "operations_portal"."asset_meter" (
	"asset_id" text NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	"run_hours" double precision NOT NULL,
	CONSTRAINT "asset_meter_asset_id_read_at_pk" PRIMARY KEY("asset_id","read_at")
);
--> statement-breakpoint
CREATE TABLE "operations_portal"."checklist_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"work_order_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"done_by" text,
	"done_at" timestamp with time zone,
	CONSTRAINT "checklist_item_position_key" UNIQUE("work_order_id","position"),
	CONSTRAINT "checklist_item_label_length_check" CHECK (char_length("operations_portal"."checklist_item"."label") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "operations_portal"."pm_schedule" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"asset_type" text NOT NULL,
	"title" text NOT NULL,
	"trigger" text NOT NULL,
	"interval_days" integer,
	"interval_hours" integer,
	"anchor_on" date,
	"lead_days" integer DEFAULT 7 NOT NULL,
	"priority" text DEFAULT 'medium' NOT NULL,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "pm_schedule_trigger_check" CHECK (("operations_portal"."pm_schedule"."trigger" = 'time' and "operations_portal"."pm_schedule"."interval_days" between 1 and 3650 and "operations_portal"."pm_schedule"."anchor_on" is not null)
       or ("operations_portal"."pm_schedule"."trigger" = 'meter' and "operations_portal"."pm_schedule"."interval_hours" between 1 and 100000)),
	CONSTRAINT "pm_schedule_lead_check" CHECK ("operations_portal"."pm_schedule"."lead_days" between 0 and 365),
	CONSTRAINT "pm_schedule_title_length_check" CHECK (char_length("operations_portal"."pm_schedule"."title") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "operations_portal"."technician" (
	"id" text PRIMARY KEY NOT NULL,
	"display_name" text NOT NULL,
	"email" text NOT NULL,
	"home_site_id" text,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "technician_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "operations_portal"."work_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"work_order_id" uuid NOT NULL,
	"entry" text NOT NULL,
	"part_number" text DEFAULT '' NOT NULL,
	"quantity" double precision,
	"minutes" integer,
	"note" text DEFAULT '' NOT NULL,
	"request_id" uuid NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_log_request_id_unique" UNIQUE("request_id"),
	CONSTRAINT "work_log_entry_check" CHECK (("operations_portal"."work_log"."entry" = 'part' and "operations_portal"."work_log"."quantity" > 0 and "operations_portal"."work_log"."quantity" <= 10000 and char_length("operations_portal"."work_log"."part_number") between 1 and 64)
       or ("operations_portal"."work_log"."entry" = 'time' and "operations_portal"."work_log"."minutes" between 1 and 1440)),
	CONSTRAINT "work_log_note_length_check" CHECK (char_length("operations_portal"."work_log"."note") <= 500)
);
--> statement-breakpoint
CREATE TABLE "operations_portal"."work_order" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "operations_portal"."work_order_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1001 CACHE 1),
	"asset_id" text NOT NULL,
	"site_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"priority" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"assignee_id" text,
	"hold_reason" text,
	"cancel_reason" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"response_due_at" timestamp with time zone NOT NULL,
	"completion_due_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"on_hold_since" timestamp with time zone,
	"hold_seconds" integer DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"source" text,
	"pm_schedule_id" uuid,
	"pm_due_key" text,
	"request_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_order_number_unique" UNIQUE("number"),
	CONSTRAINT "work_order_request_id_unique" UNIQUE("request_id"),
	CONSTRAINT "work_order_pm_occurrence_key" UNIQUE("pm_schedule_id","asset_id","pm_due_key"),
	CONSTRAINT "work_order_source_key" UNIQUE("source"),
	CONSTRAINT "work_order_status_check" CHECK ("operations_portal"."work_order"."status" in ('open','in_progress','on_hold','complete','cancelled')),
	CONSTRAINT "work_order_priority_check" CHECK ("operations_portal"."work_order"."priority" in ('low','medium','high','urgent')),
	CONSTRAINT "work_order_kind_check" CHECK ("operations_portal"."work_order"."kind" in ('reactive','preventive')),
	CONSTRAINT "work_order_title_length_check" CHECK (char_length("operations_portal"."work_order"."title") between 1 and 200),
	CONSTRAINT "work_order_description_length_check" CHECK (char_length("operations_portal"."work_order"."description") <= 4000),
	CONSTRAINT "work_order_reasons_check" CHECK (("operations_portal"."work_order"."status" <> 'on_hold' or "operations_portal"."work_order"."hold_reason" is not null) and ("operations_portal"."work_order"."status" <> 'cancelled' or "operations_portal"."work_order"."cancel_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "operations_portal"."work_order_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"work_order_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"field" text NOT NULL,
	"old_value" jsonb,
	"new_value" jsonb,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "work_log_order_idx" ON "operations_portal"."work_log" USING btree ("work_order_id","recorded_at");--> statement-breakpoint
CREATE INDEX "work_order_site_status_idx" ON "operations_portal"."work_order" USING btree ("site_id","status");--> statement-breakpoint
CREATE INDEX "work_order_asset_idx" ON "operations_portal"."work_order" USING btree ("asset_id","status");--> statement-breakpoint
CREATE INDEX "work_order_assignee_idx" ON "operations_portal"."work_order" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "work_order_event_order_idx" ON "operations_portal"."work_order_event" USING btree ("work_order_id","id");