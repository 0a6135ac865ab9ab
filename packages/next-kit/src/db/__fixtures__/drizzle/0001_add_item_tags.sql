CREATE TABLE "provision_kit"."item_tags" (
	"item_id" integer NOT NULL REFERENCES "provision_kit"."items"("id"),
	"tag" text NOT NULL
);
