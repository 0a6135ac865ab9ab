CREATE SCHEMA "appbase_governance";
--> statement-breakpoint
CREATE TABLE "appbase_governance"."outbox" (
	"event_id" text NOT NULL,
	"sink" text NOT NULL,
	"governed_table" text NOT NULL,
	"state" text NOT NULL,
	"row_key" jsonb NOT NULL,
	"payload" jsonb NOT NULL,
	"version" integer NOT NULL,
	"silver_base_version" integer NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_event_id_sink_pk" PRIMARY KEY("event_id","sink")
);
--> statement-breakpoint
CREATE INDEX "outbox_due" ON "appbase_governance"."outbox" USING btree ("state","next_attempt_at");