ALTER TABLE "risk"."entities" ADD COLUMN "customer_id" text;--> statement-breakpoint
CREATE INDEX "entities_customer_idx" ON "risk"."entities" USING btree ("customer_id");