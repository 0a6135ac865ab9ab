CREATE TABLE "operations_portal"."alert" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"claimed_by" text,
	"claimed_at" timestamp with time zone,
	"lease_expires_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"snoozed_until" timestamp with time zone,
	"snooze_reason" text,
	"duplicate_count" integer DEFAULT 0 NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dedup_key" text NOT NULL,
	"asset_id" text NOT NULL,
	"site_id" text NOT NULL,
	"asset_type" text NOT NULL,
	"rule_id" text NOT NULL,
	"rule_description" text NOT NULL,
	"value" double precision NOT NULL,
	"scored_at" timestamp with time zone NOT NULL,
	"priority" integer NOT NULL,
	"resolution_note" text,
	"work_order_id" uuid,
	CONSTRAINT "alert_status_check" CHECK ("operations_portal"."alert"."status" in ('open','claimed','acknowledged','dismissed','work_order')),
	CONSTRAINT "alert_resolution_note_length_check" CHECK (char_length("operations_portal"."alert"."resolution_note") <= 500)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "alert_open_dedup_key" ON "operations_portal"."alert" USING btree ("dedup_key") WHERE status in ('open', 'claimed');--> statement-breakpoint
CREATE INDEX "alert_claim_order_idx" ON "operations_portal"."alert" USING btree ("status","priority","due_at");--> statement-breakpoint
CREATE INDEX "alert_asset_idx" ON "operations_portal"."alert" USING btree ("asset_id","status");