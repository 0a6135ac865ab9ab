CREATE TABLE "risk_compliance"."case_decision" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"case_number" integer NOT NULL,
	"state" text NOT NULL,
	"disposition" text,
	"proposed_by" text,
	"decided_by" text NOT NULL,
	"rationale" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"version" bigint NOT NULL
);
