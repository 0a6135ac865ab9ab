CREATE TABLE "risk_compliance"."policy_version" (
	"policy_id" text NOT NULL,
	"version" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"jurisdiction" text NOT NULL,
	"effective_date" date NOT NULL,
	"body" text NOT NULL,
	"is_current" boolean DEFAULT false NOT NULL,
	"published_by" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_version_policy_id_version_pk" PRIMARY KEY("policy_id","version"),
	CONSTRAINT "policy_version_title_length_check" CHECK (char_length("risk_compliance"."policy_version"."title") between 1 and 200),
	CONSTRAINT "policy_version_body_length_check" CHECK (char_length("risk_compliance"."policy_version"."body") between 1 and 100000),
	CONSTRAINT "policy_version_version_check" CHECK ("risk_compliance"."policy_version"."version" ~ '^[0-9]+(\.[0-9]+){0,2}$')
);
--> statement-breakpoint
CREATE UNIQUE INDEX "policy_version_one_current" ON "risk_compliance"."policy_version" USING btree ("policy_id") WHERE "risk_compliance"."policy_version"."is_current";