CREATE TABLE "risk_compliance"."synced_alert_intake" (
	"source_alert_id" text PRIMARY KEY NOT NULL,
	"alert_id" uuid NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "risk_compliance"."synced_alert_intake" ADD CONSTRAINT "synced_alert_intake_alert_id_alert_id_fk" FOREIGN KEY ("alert_id") REFERENCES "risk_compliance"."alert"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
INSERT INTO "risk_compliance"."synced_alert_intake" ("source_alert_id", "alert_id", "taken_at")
SELECT "source_alert_id", "id", "created_at" FROM "risk_compliance"."alert" WHERE "source_alert_id" IS NOT NULL;
