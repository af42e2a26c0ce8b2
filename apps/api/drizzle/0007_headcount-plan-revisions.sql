-- Headcount plans get append-only revisions (issue 12): the headcount_plans row is revision 1 of
-- its plan; each save, rename or delete appends the next revision here. A delete is a revision
-- with "deleted" true, so the plan's history stays. Rows are never updated or deleted.
CREATE TABLE "headcount_plan_revisions" (
	"plan_id" text NOT NULL,
	"revision" integer NOT NULL,
	"name" text NOT NULL,
	"plan" jsonb NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"author" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "headcount_plan_revisions_pk" PRIMARY KEY("plan_id","revision"),
	CONSTRAINT "headcount_plan_revisions_revision_after_first" CHECK ("revision" >= 2)
);
--> statement-breakpoint
ALTER TABLE "headcount_plan_revisions" ADD CONSTRAINT "headcount_plan_revisions_plan_id_headcount_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."headcount_plans"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE TRIGGER "headcount_plan_revisions_append_only" BEFORE UPDATE OR DELETE ON "headcount_plan_revisions"
  FOR EACH ROW EXECUTE FUNCTION "reorg_refuse_change"();
