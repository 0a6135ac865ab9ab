CREATE INDEX "customers_lifetime_value_key_idx" ON "customer"."customers" USING btree ("lifetime_value","customer_id");--> statement-breakpoint
CREATE INDEX "customers_full_name_key_idx" ON "customer"."customers" USING btree ("full_name","customer_id");--> statement-breakpoint
CREATE INDEX "customers_churn_risk_score_key_idx" ON "customer"."customers" USING btree ("churn_risk_score","customer_id");--> statement-breakpoint
CREATE INDEX "customers_updated_at_key_idx" ON "customer"."customers" USING btree ("updated_at","customer_id");