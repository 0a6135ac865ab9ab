CREATE TABLE "operations_portal"."asset_health" (
	"asset_id" text PRIMARY KEY NOT NULL,
	"health_score" double precision,
	"anomaly_score" double precision,
	"scored_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "asset_health_health_asc_idx" ON "operations_portal"."asset_health" USING btree (coalesce("health_score", 'Infinity'::float8),"asset_id");--> statement-breakpoint
CREATE INDEX "asset_health_health_desc_idx" ON "operations_portal"."asset_health" USING btree (coalesce("health_score", '-Infinity'::float8),"asset_id");--> statement-breakpoint
CREATE INDEX "asset_health_anomaly_asc_idx" ON "operations_portal"."asset_health" USING btree (coalesce("anomaly_score", 'Infinity'::float8),"asset_id");--> statement-breakpoint
CREATE INDEX "asset_health_anomaly_desc_idx" ON "operations_portal"."asset_health" USING btree (coalesce("anomaly_score", '-Infinity'::float8),"asset_id");--> statement-breakpoint
CREATE INDEX "asset_health_scored_idx" ON "operations_portal"."asset_health" USING btree ("scored_at");