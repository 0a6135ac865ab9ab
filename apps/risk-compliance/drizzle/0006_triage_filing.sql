CREATE TABLE "risk_compliance"."triage_filing" (
	"idempotency_key" text PRIMARY KEY NOT NULL,
	"source_kit" text NOT NULL,
	"source_thread_id" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"alert_ids" text[] NOT NULL,
	"reason" text NOT NULL,
	"case_id" uuid,
	"filed_by" text NOT NULL,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "triage_filing_action_check" CHECK ("risk_compliance"."triage_filing"."action" in ('escalate','monitor','dismiss')),
	CONSTRAINT "triage_filing_reason_length_check" CHECK (char_length("risk_compliance"."triage_filing"."reason") <= 500)
);
--> statement-breakpoint
ALTER TABLE "risk_compliance"."triage_filing" ADD CONSTRAINT "triage_filing_case_id_risk_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "risk_compliance"."risk_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "triage_filing_case_idx" ON "risk_compliance"."triage_filing" USING btree ("case_id");