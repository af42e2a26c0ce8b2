-- Saved headcount plans are append-only like scenario revisions: a changed plan is saved as a new
-- plan. Refuse UPDATE and DELETE of headcount_plans rows, whoever issues them (the function is
-- the one of the append-only migration).
CREATE TRIGGER "headcount_plans_append_only" BEFORE UPDATE OR DELETE ON "headcount_plans"
  FOR EACH ROW EXECUTE FUNCTION "reorg_refuse_change"();
