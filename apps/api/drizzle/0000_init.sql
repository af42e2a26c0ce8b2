CREATE TABLE "orgs" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"document" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scenario_revisions" (
	"scenario_id" text NOT NULL,
	"revision" integer NOT NULL,
	"ops" jsonb NOT NULL,
	"author" text NOT NULL,
	"restored_from" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scenario_revisions_scenario_id_revision_pk" PRIMARY KEY("scenario_id","revision"),
	CONSTRAINT "scenario_revisions_revision_positive" CHECK ("scenario_revisions"."revision" >= 1),
	CONSTRAINT "scenario_revisions_restored_from_earlier" CHECK ("scenario_revisions"."restored_from" IS NULL OR ("scenario_revisions"."restored_from" >= 1 AND "scenario_revisions"."restored_from" < "scenario_revisions"."revision"))
);
--> statement-breakpoint
CREATE TABLE "scenarios" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"author" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "scenario_revisions" ADD CONSTRAINT "scenario_revisions_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenarios" ADD CONSTRAINT "scenarios_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scenarios_org_id_idx" ON "scenarios" USING btree ("org_id");