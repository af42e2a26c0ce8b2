import { runAnalyze } from './analyze';
import { type CliIo, processIo, UsageError } from './io';

const USAGE = `reorg: org-design modeling from the command line

Usage:
  reorg analyze FILE [FILE2] [--ladder F] [--policy F] [--as-of DATE] [--format table|json] [--fail-on error|warning] [--normalize-ids]
      Analyse an org: org JSON, HRIS CSV, or a UK organogram (senior CSV, junior CSV as FILE2).
      --normalize-ids: a manager id differing from a record's only in case or leading zeros is that record.
  reorg apply FILE OPS.json --out NEW.json [--format table|json] [--normalize-ids]
      Apply reorg ops ("reorg as code"), write the new org and print the diff.
  reorg simulate FILE --plan PLAN.json [--runs N] [--seed S] [--format table|json]
      Simulate a headcount plan: quarterly p10/p50/p90 of headcount, cost, attrition, managers needed.
  reorg serve [--port 8787] [--data DIR]
      Run the API and the web app (embedded PGlite in DIR, or PostgreSQL when DATABASE_URL is set).
      On a data folder with no users, makes the first admin and prints a one-time sign-in link.
  reorg users add EMAIL --role admin|hr|editor|viewer [--org ID] [--name N] [--data DIR]
  reorg users list [--data DIR]
      Add a user (prints a one-time sign-in link) or list users, on a folder no server holds.
  reorg tokens create EMAIL [--name N] [--data DIR]
      Make an API token (printed alone on the last line) for Authorization: Bearer TOKEN.

Exit codes: 0 success, 1 invalid input, 2 usage error, 3 --fail-on met.
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  analyze: async () => runAnalyze,
  apply: async () => (await import('./apply')).runApply as Command,
  simulate: async () => (await import('./simulate')).runSimulate,
  serve: async () => (await import('./serve')).runServe,
  users: async () => (await import('./admin')).runUsers,
  tokens: async () => (await import('./admin')).runTokens,
};

/**
 * Entry point of the `reorg` command line. Returns the exit code: 0 success, 1 invalid input,
 * 2 usage error, 3 `--fail-on` met. Never prints a stack trace for bad input.
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    (command ? io.stdout : io.stderr)(USAGE);
    return command ? 0 : 2;
  }
  const load = COMMANDS[command];
  if (!load) {
    io.stderr(`reorg: unknown command '${command}'\n\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`reorg ${command}: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      io.stderr(`reorg ${command}: cannot read ${(error as NodeJS.ErrnoException).path}: ${code}\n`);
      return 1;
    }
    io.stderr(`reorg ${command}: unexpected error: ${(error as Error).message}\n`);
    return 1;
  }
}
