-- Baselines are immutable and scenario history is append-only: refuse UPDATE and DELETE of rows
-- in orgs and scenario_revisions, whoever issues them.
CREATE FUNCTION "reorg_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'reorg: % of % is refused: baselines and scenario revisions are append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "orgs_append_only" BEFORE UPDATE OR DELETE ON "orgs"
  FOR EACH ROW EXECUTE FUNCTION "reorg_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "scenario_revisions_append_only" BEFORE UPDATE OR DELETE ON "scenario_revisions"
  FOR EACH ROW EXECUTE FUNCTION "reorg_refuse_change"();
