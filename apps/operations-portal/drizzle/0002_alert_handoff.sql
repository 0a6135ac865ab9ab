CREATE TABLE "operations_portal"."alert_handoff" (
	"alert_id" uuid PRIMARY KEY NOT NULL,
	"agent_kit" text NOT NULL,
	"thread_id" text NOT NULL,
	"handed_by" text NOT NULL,
	"handed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "operations_portal"."alert_handoff" ADD CONSTRAINT "alert_handoff_alert_id_alert_id_fk" FOREIGN KEY ("alert_id") REFERENCES "operations_portal"."alert"("id") ON DELETE no action ON UPDATE no action;