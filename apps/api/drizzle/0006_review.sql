-- Issue 14: comments, approval and adoption of scenarios. Everything here is append-only, like
-- the revisions: a resolution, a decision or an adoption is a new row, never an update.
ALTER TABLE "scenarios" ADD COLUMN "baseline_revision" integer DEFAULT 1 NOT NULL;
--> statement-breakpoint
-- Baseline revisions after the first (revision 1 is "orgs"."document", which stays as it was).
CREATE TABLE "org_baselines" (
  "org_id" text NOT NULL REFERENCES "orgs"("id"),
  "revision" integer NOT NULL CHECK ("revision" >= 2),
  "document" jsonb NOT NULL,
  "scenario_id" text NOT NULL REFERENCES "scenarios"("id"),
  "scenario_revision" integer NOT NULL,
  "effective_date" text NOT NULL,
  "author" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  PRIMARY KEY ("org_id", "revision")
);
--> statement-breakpoint
CREATE TABLE "scenario_comments" (
  "id" text PRIMARY KEY NOT NULL,
  "scenario_id" text NOT NULL REFERENCES "scenarios"("id"),
  "subject_kind" text NOT NULL CHECK ("subject_kind" IN ('scenario', 'person', 'team', 'revision')),
  "subject_id" text,
  "revision" integer NOT NULL,
  "author" text NOT NULL,
  "body" text NOT NULL,
  "mentions" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "scenario_comments_scenario_id_idx" ON "scenario_comments" ("scenario_id");
--> statement-breakpoint
CREATE TABLE "comment_resolutions" (
  "id" bigserial PRIMARY KEY NOT NULL,
  "comment_id" text NOT NULL REFERENCES "scenario_comments"("id"),
  "resolved" boolean NOT NULL,
  "actor" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "comment_resolutions_comment_id_idx" ON "comment_resolutions" ("comment_id");
--> statement-breakpoint
CREATE TABLE "scenario_reviews" (
  "id" bigserial PRIMARY KEY NOT NULL,
  "scenario_id" text NOT NULL REFERENCES "scenarios"("id"),
  "kind" text NOT NULL CHECK ("kind" IN ('submit', 'approve', 'request-changes', 'adopt')),
  "actor" text NOT NULL,
  "revision" integer NOT NULL,
  "approvers" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "role" text,
  "comment" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "scenario_reviews_scenario_id_idx" ON "scenario_reviews" ("scenario_id");
--> statement-breakpoint
CREATE TRIGGER "org_baselines_append_only" BEFORE UPDATE OR DELETE ON "org_baselines"
  FOR EACH ROW EXECUTE FUNCTION "reorg_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "scenario_comments_append_only" BEFORE UPDATE OR DELETE ON "scenario_comments"
  FOR EACH ROW EXECUTE FUNCTION "reorg_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "comment_resolutions_append_only" BEFORE UPDATE OR DELETE ON "comment_resolutions"
  FOR EACH ROW EXECUTE FUNCTION "reorg_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "scenario_reviews_append_only" BEFORE UPDATE OR DELETE ON "scenario_reviews"
  FOR EACH ROW EXECUTE FUNCTION "reorg_refuse_change"();
