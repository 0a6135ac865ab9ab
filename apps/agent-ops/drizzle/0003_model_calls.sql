CREATE TABLE "agent_ops"."model_call" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"thread_id" text NOT NULL,
	"agent" text NOT NULL,
	"model" text NOT NULL,
	"user_email" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"latency_ms" integer NOT NULL,
	"input_tokens" integer,
	"output_tokens" integer,
	"status" text NOT NULL,
	"error" text,
	CONSTRAINT "model_call_status_check" CHECK ("agent_ops"."model_call"."status" in ('ok','error'))
);
--> statement-breakpoint
CREATE INDEX "model_call_started_idx" ON "agent_ops"."model_call" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "model_call_thread_idx" ON "agent_ops"."model_call" USING btree ("thread_id");