import { parseArgs } from 'node:util';
import { analyzeOrg, isCalendarDate, parseDateFormat, type TeamsDirection } from '@reorg/model';
import { formatReportTable } from './format-report';
import { type CliIo, UsageError } from './io';
import { applyLadderFile, applyPolicyFile, loadOrgInput } from './load-input';

/**
 * `reorg analyze FILE|FOLDER... [--ladder F] [--policy F] [--as-of DATE] [--format table|json]
 * [--fail-on error|warning] [--normalize-ids] [--date-format DD-MM-YYYY|MM-DD-YYYY]
 * [--teams-direction listed-consumes|listed-provides]`: prints the analysis report. Exit 0 on
 * success, 1 on invalid input (with file, row and column), 2 on usage errors, 3 when a finding at
 * or above `--fail-on` exists. The analysis date is the org's `asOf` unless `--as-of` is given.
 */
export async function runAnalyze(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseAnalyzeArgs(args);
  if (positionals.length < 1) throw new UsageError('expected at least one file or folder');
  const dateFormatRaw = values['date-format'];
  const dateFormat = dateFormatRaw === undefined ? undefined : parseDateFormat(dateFormatRaw);
  if (dateFormatRaw !== undefined && !dateFormat) {
    throw new UsageError(`--date-format must be DD-MM-YYYY or MM-DD-YYYY, not '${dateFormatRaw}'`);
  }
  const teamsDirection = values['teams-direction'];
  if (
    teamsDirection !== undefined &&
    teamsDirection !== 'listed-consumes' &&
    teamsDirection !== 'listed-provides'
  ) {
    throw new UsageError(
      `--teams-direction must be listed-consumes or listed-provides, not '${teamsDirection}'`,
    );
  }
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json')
    throw new UsageError(`--format must be table or json, not '${format}'`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'error' && failOn !== 'warning') {
    throw new UsageError(`--fail-on must be error or warning, not '${failOn}'`);
  }
  const asOf = values['as-of'];
  if (asOf !== undefined && !isCalendarDate(asOf)) {
    throw new UsageError(`--as-of must be a real date as YYYY-MM-DD, not '${asOf}'`);
  }

  const loaded = await loadOrgInput(
    positionals,
    {
      asOf,
      normalizeIds: values['normalize-ids'],
      ...(dateFormat ? { dateFormat } : {}),
      ...(teamsDirection ? { teamsDirection: teamsDirection as TeamsDirection } : {}),
      ...(format === 'json' ? {} : { warningLines: 5 }),
    },
    io,
  );
  if (!loaded.ok) {
    io.stderr(`${loaded.errors.join('\n')}\n`);
    return 1;
  }
  let org = loaded.org;
  if (values.ladder) {
    const withLadder = await applyLadderFile(org, values.ladder, io);
    if (!withLadder.ok) return fail(io, withLadder.errors);
    org = withLadder.org;
  }
  if (values.policy) {
    const withPolicy = await applyPolicyFile(org, values.policy, io);
    if (!withPolicy.ok) return fail(io, withPolicy.errors);
    org = withPolicy.org;
  }
  for (const w of loaded.warnings) io.stderr(w.startsWith('  ') ? `${w}\n` : `warning: ${w}\n`);

  const report = analyzeOrg(org, asOf ? { asOf } : {});
  io.stdout(
    format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : formatReportTable(report, { color: io.isTty, org }),
  );
  if (failOn === 'error' && report.summary.findings.error > 0) return 3;
  if (failOn === 'warning' && report.summary.findings.error + report.summary.findings.warning > 0) return 3;
  return 0;
}

function fail(io: CliIo, errors: string[]): number {
  io.stderr(`${errors.join('\n')}\n`);
  return 1;
}

function parseAnalyzeArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        ladder: { type: 'string' },
        policy: { type: 'string' },
        'as-of': { type: 'string' },
        format: { type: 'string' },
        'fail-on': { type: 'string' },
        'normalize-ids': { type: 'boolean' },
        'date-format': { type: 'string' },
        'teams-direction': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
