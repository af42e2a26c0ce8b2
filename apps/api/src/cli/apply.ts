import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { diffOrgs, getScenarioState, isCalendarDate } from '@reorg/model';
import { formatDiffTable } from './format-diff';
import { type CliIo, processIo } from './io';
import { loadOrgInput } from './load-input';

/** What `reorg apply` needs from the outside world (the rest of {@link CliIo} is optional). */
export type ApplyIo = Pick<CliIo, 'stdout' | 'stderr' | 'readFile' | 'writeFile'> &
  Partial<Pick<CliIo, 'today' | 'isTty'>>;

const USAGE = `Usage: reorg apply FILE [FILE2] OPS.json --out NEW.json [--format table|json] [--as-of DATE] [--normalize-ids]
  Applies the reorg ops in OPS.json (a JSON array of ops, or a scenario with "ops") to the org in
  FILE (org JSON, HRIS CSV, or a UK organogram senior CSV with its junior CSV as FILE2), writes the
  new org JSON to NEW.json and prints the diff. Ops are numbered from 0, as in the array.
  --normalize-ids reads a manager id that differs from a record's only in case or leading zeros
  as that record's.
  Exit codes: 0 applied, 1 invalid input or an op refused (nothing is written), 2 usage error.
`;

class UsageProblem extends Error {}

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        format: { type: 'string' },
        'as-of': { type: 'string' },
        'normalize-ids': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageProblem((error as Error).message);
  }
}

function parseApplyArgs(args: string[]) {
  const parsed = parseOptions(args);
  const { values, positionals } = parsed;
  if (positionals.length < 2 || positionals.length > 3) {
    throw new UsageProblem('expected an org FILE (or a UK senior and junior pair) and an OPS.json file');
  }
  const out = values.out;
  if (!out) throw new UsageProblem('--out NEW.json is required: where to write the new org');
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json')
    throw new UsageProblem(`--format must be table or json, not '${format}'`);
  const asOf = values['as-of'];
  if (asOf !== undefined && !isCalendarDate(asOf)) {
    throw new UsageProblem(`--as-of must be a real date as YYYY-MM-DD, not '${asOf}'`);
  }
  const normalizeIds = values['normalize-ids'] === true;
  return { inputs: positionals.slice(0, -1), opsPath: positionals.at(-1)!, out, format, asOf, normalizeIds };
}

/** Reads the ops file: a JSON array of ops, or an object (e.g. a saved scenario) with an `ops` array. */
async function readOps(
  path: string,
  io: ApplyIo,
): Promise<{ ok: true; ops: unknown[] } | { ok: false; error: string }> {
  const file = basename(path);
  let doc: unknown;
  try {
    doc = JSON.parse(await io.readFile(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code) throw error;
    return { ok: false, error: `${file}: not valid JSON (${(error as Error).message})` };
  }
  if (Array.isArray(doc)) return { ok: true, ops: doc };
  const ops = (doc as { ops?: unknown } | null)?.ops;
  if (Array.isArray(ops)) return { ok: true, ops };
  return { ok: false, error: `${file}: expected a JSON array of ops, or an object with an "ops" array` };
}

function opType(op: unknown): string {
  const type = (op as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : 'unknown type';
}

async function apply(args: string[], io: ApplyIo): Promise<number> {
  const { inputs, opsPath, out, format, asOf, normalizeIds } = parseApplyArgs(args);
  const cliIo: CliIo = { today: processIo.today, isTty: false, ...io };
  const loaded = await loadOrgInput(inputs, { asOf, normalizeIds }, cliIo);
  if (!loaded.ok) {
    io.stderr(`${loaded.errors.join('\n')}\n`);
    return 1;
  }
  const ops = await readOps(opsPath, io);
  if (!ops.ok) {
    io.stderr(`${ops.error}\n`);
    return 1;
  }
  for (const w of loaded.warnings) io.stderr(`warning: ${w}\n`);
  const state = getScenarioState(loaded.org, ops.ops);
  if (!state.ok) {
    const { opIndex, code, message } = state.error;
    io.stderr(`op ${opIndex} (${opType(ops.ops[opIndex])}): ${message} [${code}]\nNothing was written.\n`);
    return 1;
  }
  const diff = diffOrgs(loaded.org, state.org);
  await io.writeFile(out, `${JSON.stringify(state.org, null, 2)}\n`);
  io.stdout(
    format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : formatDiffTable(diff, { color: io.isTty }),
  );
  return 0;
}

/**
 * `reorg apply FILE [FILE2] OPS.json --out NEW.json [--format table|json] [--as-of DATE]`: applies
 * reorg ops ("reorg as code") to an org in any importable format, writes the new org JSON and
 * prints its diff against the input (a table for a person, or the `OrgDiff` JSON). Returns the exit
 * code: 0 applied; 1 for invalid input, an unreadable file or a refused op (stderr names the op
 * index, its type and the reason; nothing is written); 2 for a usage error (e.g. no `--out`).
 */
export async function runApply(args: string[], io: ApplyIo): Promise<number> {
  try {
    return await apply(args, io);
  } catch (error) {
    if (error instanceof UsageProblem) {
      io.stderr(`reorg apply: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT' || e.code === 'EISDIR' || e.code === 'EACCES') {
      io.stderr(`reorg apply: cannot access ${e.path ?? 'a file'}: ${e.code}\n`);
      return 1;
    }
    throw error;
  }
}
