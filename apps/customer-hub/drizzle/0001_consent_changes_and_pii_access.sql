CREATE TABLE "customer_hub"."consent_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" text NOT NULL,
	"purpose" text NOT NULL,
	"granted" boolean NOT NULL,
	"reason" text NOT NULL,
	"request_id" uuid NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_changes_request_id_unique" UNIQUE("request_id"),
	CONSTRAINT "consent_changes_purpose_check" CHECK ("customer_hub"."consent_changes"."purpose" in ('marketing','analytics','personalization','profiling')),
	CONSTRAINT "consent_changes_reason_length_check" CHECK (char_length("customer_hub"."consent_changes"."reason") between 3 and 500)
);
--> statement-breakpoint
CREATE TABLE "customer_hub"."pii_access" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"viewer_email" text NOT NULL,
	"surface" text NOT NULL,
	"customer_ids" text[] NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "consent_changes_customer_idx" ON "customer_hub"."consent_changes" USING btree ("customer_id","purpose","recorded_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "pii_access_at_idx" ON "customer_hub"."pii_access" USING btree ("at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "pii_access_customer_ids_idx" ON "customer_hub"."pii_access" USING gin ("customer_ids");