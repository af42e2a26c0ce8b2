-- Live work (DESIGN.md "Live work"): a feed sequence on revisions, and presence.
-- `seq` orders the revisions of one org in commit order (each append takes a per-org advisory
-- lock before it draws the number), so `GET /api/orgs/:id/events` resumes after a `seq` without
-- gaps. Existing rows are numbered now (ALTER TABLE fires no row trigger: history is unchanged).
ALTER TABLE "scenario_revisions" ADD COLUMN "seq" bigserial NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "scenario_revisions_seq_idx" ON "scenario_revisions" ("seq");
--> statement-breakpoint
-- Who has a scenario open: one row per open live feed (a browser tab), refreshed by its
-- heartbeat; rows older than the presence timeout count as gone (a process that died), and a
-- closed feed deletes its row. Ephemeral state, so not append-only.
CREATE TABLE "scenario_presence" (
  "scenario_id" text NOT NULL REFERENCES "scenarios"("id"),
  "connection_id" text NOT NULL,
  "user_email" text NOT NULL,
  "user_name" text NOT NULL,
  "selected_kind" text,
  "selected_id" text,
  "opened_at" timestamp with time zone DEFAULT now() NOT NULL,
  "seen_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "scenario_presence_pk" PRIMARY KEY ("scenario_id", "connection_id"),
  CONSTRAINT "scenario_presence_selected_kind" CHECK ("selected_kind" IS NULL OR "selected_kind" IN ('person', 'team'))
);
--> statement-breakpoint
CREATE INDEX "scenario_presence_seen_at_idx" ON "scenario_presence" ("seen_at");
