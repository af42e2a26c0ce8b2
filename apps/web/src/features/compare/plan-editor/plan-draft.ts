import type { HeadcountPlan, HeadcountPlanInput, Org } from '@reorg/model';
import {
  type CellErrors,
  type GridRow,
  getPlanOrgContext,
  hireToRow,
  isBlankRow,
  normalizeQuarter,
  type PlanOrgContext,
  parseCost,
  quarterAt,
  quarterIndex,
  rowToHire,
  validateRow,
} from './plan-grid-model';

/**
 * The plan editor's state as the planner typed it (text fields, percents as percents), and the
 * conversions to and from a {@link HeadcountPlan}. Fields the editor does not show (promotions,
 * per-quarter budgets and targets, a description) are kept from the plan it started from.
 */
export interface PlanDraft {
  name: string;
  startQuarter: string;
  quarters: string;
  rows: GridRow[];
  /** Annual attrition, in percent (15 = 15% a year). */
  attrition: string;
  /** Annual attrition by level id, in percent. */
  attritionByLevel: LevelRate[];
  /** Annual promotion rates to the next IC level, by level, in percent. */
  promotionsByLevel: LevelRate[];
  /** Annual rates of ICs moving into management, by level, in percent. */
  intoManagement: LevelRate[];
  timeToHire: string;
  rampUp: string;
  backfill: boolean;
  backfillDelay: string;
  /** Months of a leaver's annual cost; blank: the org's policy. */
  replacementCostMonths: string;
  /** Annual cost budget (run rate); blank: none. */
  budget: string;
  /** Headcount target; blank: none. */
  headcountTarget: string;
}

/** A rate for one level, as typed (percent a year). */
export interface LevelRate {
  key: string;
  level: string;
  rate: string;
}

/** One assumption's default and where it comes from, for the editor to show beside the field. */
export interface AssumptionDefault {
  value: string;
  source: string;
}

/** The defaults the editor shows, with their sources (those of `HeadcountPlanSchema`). */
export function getAssumptionDefaults(
  org: Pick<Org, 'policy'>,
): Record<
  'attrition' | 'timeToHire' | 'rampUp' | 'backfill' | 'backfillDelay' | 'replacementCostMonths' | 'quarters',
  AssumptionDefault
> {
  return {
    attrition: { value: 'none', source: 'a stated assumption: reorg has no default attrition rate' },
    timeToHire: { value: '1 quarter', source: 'the project’s own default (about three months)' },
    rampUp: { value: '1 quarter', source: 'the project’s own default' },
    backfill: { value: 'on', source: 'the project’s own default: every leaver is replaced' },
    backfillDelay: { value: '0 quarters', source: 'the project’s own default' },
    replacementCostMonths: {
      value: `${org.policy.simulation.replacementCostMonths} months`,
      source:
        org.policy.simulation.replacementCostMonths === 9
          ? 'the org’s policy, default 9 (EL26: a leaver costs 6–18 months of salary)'
          : 'the org’s policy (reorg’s default is 9; EL26: 6–18 months of salary)',
    },
    quarters: { value: '8', source: 'the project’s own default (two years)' },
  };
}

/** The quarter after the one holding the org's as-of date: a new plan's first quarter. */
export function firstQuarterAfter(asOf: string): string {
  const [y, m] = asOf.split('-').map(Number);
  return quarterAt(y! * 4 + Math.floor((m! - 1) / 3) + 1);
}

let keys = 0;
/** A new row key, unique in this page. */
export function newRowKey(): string {
  keys += 1;
  return `r${keys}`;
}

const pct = (rate: number) => String(Math.round(rate * 10000) / 100);

/** A draft of a new plan for an org: nothing planned, the defaults blank, one empty row. */
export function newPlanDraft(org: Pick<Org, 'asOf'>, name = 'New headcount plan'): PlanDraft {
  return {
    name,
    startQuarter: firstQuarterAfter(org.asOf),
    quarters: '8',
    rows: [],
    attrition: '',
    attritionByLevel: [],
    promotionsByLevel: [],
    intoManagement: [],
    timeToHire: '1',
    rampUp: '1',
    backfill: true,
    backfillDelay: '0',
    replacementCostMonths: '',
    budget: '',
    headcountTarget: '',
  };
}

const levelRates = (rates: Record<string, number> | undefined): LevelRate[] =>
  Object.entries(rates ?? {}).map(([level, r]) => ({ key: newRowKey(), level, rate: pct(r) }));

/** The draft of a saved plan. */
export function draftFromPlan(plan: HeadcountPlan, name: string, org: Pick<Org, 'asOf'>): PlanDraft {
  return {
    name,
    startQuarter: plan.startQuarter ?? firstQuarterAfter(org.asOf),
    quarters: String(plan.quarters),
    rows: plan.hires.map((h) => hireToRow(h, newRowKey())),
    attrition: pct(plan.attrition.annualRate),
    attritionByLevel: levelRates(plan.attrition.byLevel),
    promotionsByLevel: levelRates(plan.promotions?.byLevel),
    intoManagement: levelRates(plan.promotions?.intoManagement),
    timeToHire: String(plan.timeToHireQuarters),
    rampUp: String(plan.rampUpQuarters),
    backfill: plan.backfill.enabled,
    backfillDelay: String(plan.backfill.delayQuarters),
    replacementCostMonths: plan.replacementCostMonths === undefined ? '' : String(plan.replacementCostMonths),
    budget: plan.budget ? String(plan.budget.annualCost) : '',
    headcountTarget: plan.headcountTarget ? String(plan.headcountTarget.count) : '',
  };
}

/** A field of the draft outside the grid, and what is wrong with it. */
export interface FieldError {
  field: keyof PlanDraft | `${'attritionByLevel' | 'promotionsByLevel' | 'intoManagement'}.${number}`;
  message: string;
}

/** What {@link draftToPlan} gives: the plan, or every field and cell error (nothing partial). */
export type DraftResult =
  | { ok: true; plan: HeadcountPlanInput }
  | { ok: false; fields: FieldError[]; cells: Map<string, CellErrors> };

const whole = (text: string, min: number, max: number) => {
  const t = text.trim();
  return /^\d+$/.test(t) && Number(t) >= min && Number(t) <= max ? Number(t) : undefined;
};
const percent = (text: string) => {
  const n = Number(text.trim().replace(/%$/, '').replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 100 ? n / 100 : undefined;
};

/** The field errors of a draft (the grid's cells aside). */
export function validateFields(draft: PlanDraft, ctx: PlanOrgContext): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: FieldError['field'], message: string) => errors.push({ field, message });
  if (!draft.name.trim()) add('name', 'a plan needs a name');
  if (!normalizeQuarter(draft.startQuarter)) add('startQuarter', 'a quarter such as 2027-Q1');
  if (whole(draft.quarters, 1, 40) === undefined) add('quarters', 'a whole number of quarters, 1 to 40');
  if (percent(draft.attrition) === undefined)
    add('attrition', 'state the annual attrition, 0–100% (there is no default)');
  for (const list of ['attritionByLevel', 'promotionsByLevel', 'intoManagement'] as const) {
    const seen = new Set<string>();
    draft[list].forEach((l, k) => {
      const level = ctx.levels.get(l.level.trim().toLowerCase());
      if (!level) add(`${list}.${k}`, `unknown level "${l.level}"`);
      else if (seen.has(level.id)) add(`${list}.${k}`, `${level.id} is listed twice`);
      else if (percent(l.rate) === undefined) add(`${list}.${k}`, 'a rate of 0–100%');
      if (level) seen.add(level.id);
    });
  }
  if (whole(draft.timeToHire, 0, 40) === undefined) add('timeToHire', 'whole quarters, 0 to 40');
  if (whole(draft.rampUp, 0, 40) === undefined) add('rampUp', 'whole quarters, 0 to 40');
  if (whole(draft.backfillDelay, 0, 40) === undefined) add('backfillDelay', 'whole quarters, 0 to 40');
  const months = draft.replacementCostMonths.trim();
  if (months && !(Number(months) >= 0 && Number(months) <= 60))
    add('replacementCostMonths', 'months, 0 to 60 (blank: the org’s policy)');
  if (draft.budget.trim() && parseCost(draft.budget) === undefined)
    add('budget', 'an annual cost, e.g. 12,500,000');
  if (draft.headcountTarget.trim() && whole(draft.headcountTarget, 0, 10_000_000) === undefined)
    add('headcountTarget', 'a whole number of people');
  return errors;
}

/** The horizon of a draft, when its start quarter and quarters are valid. */
export function draftHorizon(draft: PlanDraft): { startQuarter: string; quarters: number } | undefined {
  const start = normalizeQuarter(draft.startQuarter);
  const quarters = whole(draft.quarters, 1, 40);
  return start && quarters ? { startQuarter: start, quarters } : undefined;
}

/** The cell errors of every row, by row key (rows without errors left out). */
export function validateRows(draft: PlanDraft, ctx: PlanOrgContext): Map<string, CellErrors> {
  const horizon = draftHorizon(draft);
  const out = new Map<string, CellErrors>();
  for (const row of draft.rows) {
    const e = validateRow(row, ctx, horizon);
    if (Object.keys(e).length) out.set(row.key, e);
  }
  return out;
}

/**
 * The plan of a draft (blank rows dropped), built on `base` so that what the editor does not show
 * is kept; or every field and cell error.
 */
export function draftToPlan(
  draft: PlanDraft,
  org: Pick<Org, 'teams' | 'ladder' | 'people'>,
  base?: HeadcountPlan,
): DraftResult {
  const ctx = getPlanOrgContext(org);
  const fields = validateFields(draft, ctx);
  const cells = validateRows(draft, ctx);
  if (fields.length || cells.size) return { ok: false, fields, cells };
  const rates = (list: LevelRate[]) =>
    Object.fromEntries(list.map((l) => [ctx.levels.get(l.level.trim().toLowerCase())!.id, percent(l.rate)!]));
  const byLevel = rates(draft.attritionByLevel);
  const promoted = rates(draft.promotionsByLevel);
  const intoManagement = rates(draft.intoManagement);
  const promotions = {
    ...(Object.keys(promoted).length ? { byLevel: promoted } : {}),
    ...(Object.keys(intoManagement).length ? { intoManagement } : {}),
  };
  const budget = draft.budget.trim() ? parseCost(draft.budget)! : undefined;
  const target = draft.headcountTarget.trim() ? Number(draft.headcountTarget.trim()) : undefined;
  const {
    budget: oldBudget,
    headcountTarget: oldTarget,
    replacementCostMonths: _r,
    promotions: _p,
    ...kept
  } = base ?? {};
  const plan: HeadcountPlanInput = {
    ...kept,
    name: draft.name.trim(),
    startQuarter: normalizeQuarter(draft.startQuarter)!,
    quarters: Number(draft.quarters.trim()),
    hires: draft.rows.filter((r) => !isBlankRow(r)).map((r) => rowToHire(r, ctx)!),
    attrition: { annualRate: percent(draft.attrition)!, ...(Object.keys(byLevel).length ? { byLevel } : {}) },
    timeToHireQuarters: Number(draft.timeToHire.trim()),
    rampUpQuarters: Number(draft.rampUp.trim()),
    backfill: { enabled: draft.backfill, delayQuarters: Number(draft.backfillDelay.trim()) },
    ...(draft.replacementCostMonths.trim()
      ? { replacementCostMonths: Number(draft.replacementCostMonths) }
      : {}),
    ...(budget !== undefined ? { budget: { ...oldBudget, annualCost: budget } } : {}),
    ...(target !== undefined ? { headcountTarget: { ...oldTarget, count: target } } : {}),
    ...(Object.keys(promotions).length ? { promotions } : {}),
  };
  return { ok: true, plan };
}

/** The horizon's quarters, first to last. */
export function horizonQuarters(h: { startQuarter: string; quarters: number }): string[] {
  const first = quarterIndex(h.startQuarter);
  return Array.from({ length: h.quarters }, (_, k) => quarterAt(first + k));
}
