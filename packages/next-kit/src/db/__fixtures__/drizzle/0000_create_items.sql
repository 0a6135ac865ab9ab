CREATE SCHEMA "provision_kit";
--> statement-breakpoint
CREATE TABLE "provision_kit"."items" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
