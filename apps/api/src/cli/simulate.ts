import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type HeadcountPlan,
  isCalendarDate,
  MAX_SIMULATION_RUNS,
  parseHeadcountPlan,
  type QuantileBand,
  type SimulationResult,
  simulatePlan,
} from '@reorg/model';
import { type CliIo, UsageError } from './io';
import { loadOrgInput } from './load-input';

/**
 * `reorg simulate FILE [FILE2] --plan PLAN.json [--runs N] [--seed S] [--as-of DATE]
 * [--format table|json]`: Monte Carlo simulation of a headcount plan on an org (org JSON, HRIS
 * CSV, or a UK organogram pair). JSON output is the model's `SimulationResult`; the table shows the
 * assumptions, then one row per quarter with p10–p50–p90 bands. Exit 0 on success, 1 on invalid
 * input (the org or the plan, with file and path), 2 on usage errors.
 */
export async function runSimulate(args: string[], io: CliIo): Promise<number> {
  const { inputs, planPath, runs, seed, asOf, format } = parseSimulateArgs(args);
  const loaded = await loadOrgInput(inputs, { asOf }, io);
  if (!loaded.ok) return fail(io, loaded.errors);
  const plan = await readPlan(planPath, io);
  if (!plan.ok) return fail(io, plan.errors);
  for (const w of loaded.warnings) io.stderr(`warning: ${w}\n`);
  const result = simulatePlan(loaded.org, plan.plan, { runs, seed });
  for (const w of result.warnings) io.stderr(`warning: ${basename(planPath)}, ${w}\n`);
  io.stdout(
    format === 'json'
      ? `${JSON.stringify(result, null, 2)}\n`
      : formatSimulationTable(result, {
          orgName: loaded.org.name,
          planName: plan.plan.name ?? basename(planPath),
        }),
  );
  return 0;
}

function fail(io: CliIo, errors: string[]): number {
  io.stderr(`${errors.join('\n')}\n`);
  return 1;
}

function parseSimulateArgs(args: string[]) {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length < 1 || positionals.length > 2) {
    throw new UsageError('expected one org file, or a UK organogram senior and junior pair');
  }
  if (!values.plan) throw new UsageError('--plan PLAN.json is required: the headcount plan to simulate');
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json')
    throw new UsageError(`--format must be table or json, not '${format}'`);
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && (!/^\d+$/.test(values.runs ?? '') || runs < 1 || runs > MAX_SIMULATION_RUNS)) {
    throw new UsageError(
      `--runs must be a whole number from 1 to ${MAX_SIMULATION_RUNS}, not '${values.runs}'`,
    );
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && (!/^-?\d+$/.test(values.seed ?? '') || !Number.isSafeInteger(seed))) {
    throw new UsageError(`--seed must be an integer, not '${values.seed}'`);
  }
  const asOf = values['as-of'];
  if (asOf !== undefined && !isCalendarDate(asOf)) {
    throw new UsageError(`--as-of must be a real date as YYYY-MM-DD, not '${asOf}'`);
  }
  return { inputs: positionals, planPath: values.plan, runs, seed, asOf, format };
}

function parseOptions(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      plan: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
      format: { type: 'string' },
    },
  });
}

/** Reads and validates a plan file; errors name the file and the path in it. */
async function readPlan(
  path: string,
  io: CliIo,
): Promise<{ ok: true; plan: HeadcountPlan } | { ok: false; errors: string[] }> {
  const file = basename(path);
  let doc: unknown;
  try {
    doc = JSON.parse(await io.readFile(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code) throw error;
    return { ok: false, errors: [`${file}: not valid JSON (${(error as Error).message})`] };
  }
  const parsed = parseHeadcountPlan(doc);
  if (!parsed.ok) return { ok: false, errors: parsed.issues.map((i) => `${file}, ${i.path}: ${i.message}`) };
  return { ok: true, plan: parsed.plan };
}

/** A number with at most `digits` decimals (thousands separated). */
const num = (n: number, digits = 1) => n.toLocaleString('en-GB', { maximumFractionDigits: digits });

/** An amount of money in short form: 950k, 94.11M, 1.20B. */
export function shortMoney(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${(n / 1e9).toFixed(2)}B`;
  if (abs >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (abs >= 1e3) return `${(n / 1e3).toFixed(0)}k`;
  return n.toFixed(0);
}

const band = (b: QuantileBand, f: (n: number) => string) => `${f(b.p10)}–${f(b.p50)}–${f(b.p90)}`;

/**
 * Renders a simulation as text: the plan and org, the assumptions, the starting point, then one
 * row per quarter with p10–p50–p90 of headcount, annual cost, attrition cost, first-line managers
 * needed (and new manager reqs at p50) and the busiest manager's weekly 1:1 hours.
 */
export function formatSimulationTable(
  result: SimulationResult,
  names: { orgName: string; planName: string },
): string {
  const cur = result.currency;
  const out: string[] = [
    `Headcount plan "${names.planName}" on ${names.orgName} (${result.orgId}): ${result.runs} runs, seed ${result.seed}`,
    '',
    'Assumptions',
    ...result.assumptions.map((a) => `  - ${a}`),
    '',
    `Start        ${num(result.start.headcount)} in post, ${shortMoney(result.start.cost)} ${cur} a year, ` +
      `${num(result.start.openReqs)} open or planned records, ${num(result.start.plannedHires)} planned hires, ` +
      `${num(result.start.firstLineManagers)} first-line managers`,
    '',
    "Bands are p10–p50–p90 over the runs, at each quarter's end.",
  ];
  const header = [
    'Quarter',
    'Headcount',
    `Cost (${cur}/yr)`,
    `Attrition cost (${cur})`,
    'Managers needed',
    'New mgr reqs p50',
    'Busiest mgr h/wk',
  ];
  const rows = result.quarters.map((q) => [
    q.quarter,
    band(q.headcount, (n) => num(n)),
    band(q.cost, shortMoney),
    band(q.attritionCost, shortMoney),
    band(q.managersNeeded, (n) => num(n)),
    num(q.newManagerReqs.p50),
    band(q.busiestManagerHours, (n) => n.toFixed(1)),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  out.push(line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line));
  return `${out.join('\n')}\n`;
}
