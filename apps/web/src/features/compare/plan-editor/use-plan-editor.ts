import type { HeadcountPlan, Org } from '@reorg/model';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, getScenario, type SavedPlan } from '../../../lib/api/client';
import { createPlan, deletePlan, duplicatePlan, getPlan, updatePlan } from '../../../lib/api/plans';
import { type DraftResult, draftFromPlan, draftToPlan, newPlanDraft, type PlanDraft } from './plan-draft';

/** The editor's state: loading, failed, or the org and plan being edited. */
export type EditorState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; org: Org; saved: SavedPlan | null; scenarioId: string; scenarioRevision: number };

/** A message under the editor's toolbar. */
export interface EditorNote {
  kind: 'ok' | 'error' | 'stale';
  text: string;
}

const text = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/** True when the server left some of the plan's costs out (the caller may not see them). */
export function hasHiddenCosts(plan: HeadcountPlan | undefined): boolean {
  return JSON.stringify(plan ?? {}).includes('"redacted":true');
}

/**
 * Loads a saved plan (or starts a new one on `scenarioId`) with the org of its scenario, and
 * saves, renames, duplicates and deletes it. `onSaved` gets the id of the plan to show next.
 */
export function usePlanEditor(
  planId: string,
  scenarioId: string | undefined,
  onSaved: (id: string) => void,
  onDeleted: () => void,
) {
  const [state, setState] = useState<EditorState>({ status: 'loading' });
  const [draft, setDraft] = useState<PlanDraft | null>(null);
  const [note, setNote] = useState<EditorNote | null>(null);
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` asks for a fresh read.
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    (async () => {
      const saved = planId === 'new' ? null : await getPlan(planId);
      const on = saved?.scenarioId ?? scenarioId;
      if (!on) throw new Error('pick a scenario to save the plan with');
      const scenario = await getScenario(on);
      const org = scenario.state;
      if (!live) return;
      setState({ status: 'ready', org, saved, scenarioId: on, scenarioRevision: scenario.revision });
      setDraft(saved ? draftFromPlan(saved.plan, saved.name, org) : newPlanDraft(org));
    })().catch((e) => live && setState({ status: 'error', message: text(e) }));
    return () => {
      live = false;
    };
  }, [planId, scenarioId, reload]);

  const result: DraftResult | null = useMemo(
    () => (state.status === 'ready' && draft ? draftToPlan(draft, state.org, state.saved?.plan) : null),
    [state, draft],
  );

  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    setNote(null);
    try {
      await what();
    } catch (e) {
      if (e instanceof ApiError && e.status === 412)
        setNote({
          kind: 'stale',
          text: 'Someone saved this plan meanwhile: nothing was stored. Reload it and re-apply your change.',
        });
      else setNote({ kind: 'error', text: text(e) });
    } finally {
      setBusy(false);
    }
  };

  const ready = state.status === 'ready' ? state : null;
  const save = () =>
    run(async () => {
      if (!ready || !draft || !result) return;
      if (!result.ok) {
        const cells = [...result.cells.values()].reduce((n, e) => n + Object.keys(e).length, 0);
        const parts = [
          cells ? `${cells} cell${cells === 1 ? '' : 's'}` : '',
          result.fields.length ? `${result.fields.length} field${result.fields.length === 1 ? '' : 's'}` : '',
        ];
        setNote({
          kind: 'error',
          text: `Not saved: ${parts.filter(Boolean).join(' and ')} to fix (marked in red).`,
        });
        return;
      }
      const name = draft.name.trim();
      if (!ready.saved) {
        const made = await createPlan(ready.scenarioId, name, result.plan);
        onSaved(made.id);
        return;
      }
      const next = await updatePlan(ready.saved.id, ready.saved.revision ?? 1, { name, plan: result.plan });
      setState({ ...ready, saved: next });
      setNote({ kind: 'ok', text: `Saved as revision ${next.revision}.` });
    });
  const rename = () =>
    run(async () => {
      if (!ready?.saved || !draft) return;
      const next = await updatePlan(ready.saved.id, ready.saved.revision ?? 1, { name: draft.name.trim() });
      setState({ ...ready, saved: next });
      setNote({ kind: 'ok', text: `Renamed (revision ${next.revision}).` });
    });
  const duplicate = (name: string) =>
    run(async () => {
      if (!ready?.saved) return;
      const copy = await duplicatePlan(ready.saved.id, name);
      onSaved(copy.id);
    });
  const remove = () =>
    run(async () => {
      if (!ready?.saved) return;
      await deletePlan(ready.saved.id, ready.saved.revision ?? 1);
      onDeleted();
    });

  /** After the rate card was saved on the scenario: the org with it, and the new revision. */
  const rateCardSaved = (rateCard: Org['rateCard'], revision: number) => {
    if (!ready) return;
    const { rateCard: _old, ...rest } = ready.org;
    setState({ ...ready, org: rateCard ? { ...rest, rateCard } : rest, scenarioRevision: revision });
  };

  return {
    state,
    draft,
    rateCardSaved,
    setDraft,
    result,
    note,
    busy,
    save,
    rename,
    duplicate,
    remove,
    reload: () => setReload((n) => n + 1),
  };
}
