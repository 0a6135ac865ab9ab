CREATE SCHEMA "risk_compliance";
--> statement-breakpoint
CREATE TABLE "risk_compliance"."alert" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
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
	"source_alert_id" text,
	"entity_id" text NOT NULL,
	"rule_id" text NOT NULL,
	"rule_name" text NOT NULL,
	"severity" text NOT NULL,
	"priority" integer NOT NULL,
	"score" double precision NOT NULL,
	"resolution" text,
	"resolution_note" text,
	"case_id" uuid,
	CONSTRAINT "alert_source_alert_id_unique" UNIQUE("source_alert_id"),
	CONSTRAINT "alert_status_check" CHECK ("risk_compliance"."alert"."status" in ('new','claimed','dismissed','escalated','merged')),
	CONSTRAINT "alert_severity_check" CHECK ("risk_compliance"."alert"."severity" in ('low','medium','high','critical')),
	CONSTRAINT "alert_resolution_check" CHECK ("risk_compliance"."alert"."resolution" is null or "risk_compliance"."alert"."resolution" in ('false_positive','benign','duplicate','not_applicable')),
	CONSTRAINT "alert_resolution_note_length_check" CHECK (char_length("risk_compliance"."alert"."resolution_note") <= 2000),
	CONSTRAINT "alert_case_check" CHECK ("risk_compliance"."alert"."status" not in ('escalated','merged') or "risk_compliance"."alert"."case_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "risk_compliance"."audit_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"field" text,
	"previous_value" jsonb,
	"new_value" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_event_case_seq_key" UNIQUE("case_id","seq")
);
--> statement-breakpoint
CREATE TABLE "risk_compliance"."case_entity" (
	"case_id" uuid NOT NULL,
	"entity_id" text NOT NULL,
	"linked_by" text NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_entity_case_id_entity_id_pk" PRIMARY KEY("case_id","entity_id")
);
--> statement-breakpoint
CREATE TABLE "risk_compliance"."evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"url" text,
	"file_name" text,
	"content_type" text,
	"size_bytes" bigint,
	"storage" text,
	"storage_path" text,
	"sha256" text NOT NULL,
	"added_by" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_kind_check" CHECK ("risk_compliance"."evidence"."kind" in ('note','file','link')),
	CONSTRAINT "evidence_storage_check" CHECK ("risk_compliance"."evidence"."storage" is null or "risk_compliance"."evidence"."storage" in ('local','volume')),
	CONSTRAINT "evidence_title_length_check" CHECK (char_length("risk_compliance"."evidence"."title") between 1 and 200),
	CONSTRAINT "evidence_body_length_check" CHECK (char_length("risk_compliance"."evidence"."body") <= 20000),
	CONSTRAINT "evidence_sha256_check" CHECK ("risk_compliance"."evidence"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "risk_compliance"."risk_case" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "risk_compliance"."risk_case_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1001 CACHE 1),
	"title" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"risk_level" text NOT NULL,
	"assignee" text,
	"disposition" text,
	"proposed_disposition" text,
	"proposal_rationale" text,
	"proposed_by" text,
	"proposed_at" timestamp with time zone,
	"closed_by" text,
	"closed_at" timestamp with time zone,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"audit_head" text DEFAULT '' NOT NULL,
	"audit_seq" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_case_number_unique" UNIQUE("number"),
	CONSTRAINT "risk_case_status_check" CHECK ("risk_compliance"."risk_case"."status" in ('new','investigating','pending_review','closed')),
	CONSTRAINT "risk_case_risk_level_check" CHECK ("risk_compliance"."risk_case"."risk_level" in ('low','medium','high','critical')),
	CONSTRAINT "risk_case_disposition_check" CHECK (coalesce("risk_compliance"."risk_case"."disposition", 'confirmed_risk') in ('confirmed_risk','false_positive','no_action','escalated')
        and coalesce("risk_compliance"."risk_case"."proposed_disposition", 'confirmed_risk') in ('confirmed_risk','false_positive','no_action','escalated')),
	CONSTRAINT "risk_case_closed_check" CHECK (("risk_compliance"."risk_case"."status" = 'closed') = ("risk_compliance"."risk_case"."disposition" is not null)),
	CONSTRAINT "risk_case_title_length_check" CHECK (char_length("risk_compliance"."risk_case"."title") between 1 and 200),
	CONSTRAINT "risk_case_rationale_length_check" CHECK (char_length("risk_compliance"."risk_case"."proposal_rationale") <= 4000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "alert_open_dedup_key" ON "risk_compliance"."alert" USING btree ("dedup_key") WHERE status in ('new', 'claimed');--> statement-breakpoint
CREATE INDEX "alert_claim_order_idx" ON "risk_compliance"."alert" USING btree ("status","priority","due_at");--> statement-breakpoint
CREATE INDEX "alert_entity_idx" ON "risk_compliance"."alert" USING btree ("entity_id","status");--> statement-breakpoint
CREATE INDEX "alert_case_idx" ON "risk_compliance"."alert" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "alert_created_idx" ON "risk_compliance"."alert" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_event_at_idx" ON "risk_compliance"."audit_event" USING btree ("at");--> statement-breakpoint
CREATE INDEX "evidence_case_idx" ON "risk_compliance"."evidence" USING btree ("case_id","added_at");--> statement-breakpoint
CREATE INDEX "risk_case_status_idx" ON "risk_compliance"."risk_case" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "risk_case_assignee_idx" ON "risk_compliance"."risk_case" USING btree ("assignee","status");