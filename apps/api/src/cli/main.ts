import { runAnalyze } from './analyze';
import { type CliIo, processIo, UsageError } from './io';

/** What `reorg analyze` reads, one line per format, for its usage and `--help`. */
const FORMATS = `  Formats (detected from the content; give several files, or a folder, for one org):
    org JSON            fixtures/orgs/scaleup.json
    HRIS export CSV     people.csv (Employee ID, Manager / Reports To / parentId, Hire Date…; BambooHR,
                        GitLab, d3-org-chart's id,parentId,name,lastName)
    HR records JSON     workers.json ([…], {"Report_Entry":[…]} from Workday, {"value":[…]} from Microsoft Graph)
    UK organogram       SENIOR.csv JUNIOR.csv
    Backstage catalog   org.yaml (kind: Group / User; JSON array or {items}), with people.csv for reporting lines
    Team API            teams.yaml, team-*.md (YAML front matter) or a folder of them, alone or beside an org
    career ladder       ladder.csv (alone: ladder checks only; or --ladder F)`;

const COMMAND_USAGE: Record<string, string> = {
  analyze: `  reorg analyze FILE|FOLDER... [--ladder F] [--policy F] [--as-of DATE] [--format table|json]
                [--fail-on error|warning] [--normalize-ids] [--date-format DD-MM-YYYY|MM-DD-YYYY]
                [--teams-direction listed-consumes|listed-provides]
      Analyse an org. The analysis date is the org's asOf (an org JSON's own; else today) unless --as-of.
      --normalize-ids: a manager id differing from a record's only in case or leading zeros is that record.
      --date-format: how dates such as 09-10-2023 are written when no date of the file decides.
      --teams-direction: Team API x-as-a-service listed in a team's file: that team consumes (default) or provides.
${FORMATS}`,
  apply: `  reorg apply FILE... OPS.json --out NEW.json [--format table|json] [--as-of DATE] [--normalize-ids]
      Apply reorg ops ("reorg as code"), write the new org and print the diff.`,
  simulate: `  reorg simulate FILE... --plan PLAN.json [--runs N] [--seed S] [--format table|json]
      Simulate a headcount plan: quarterly p10/p50/p90 of headcount, cost, attrition, managers needed.`,
  serve: `  reorg serve [--port 8787] [--data DIR]
      Run the API and the web app (embedded PGlite in DIR, or PostgreSQL when DATABASE_URL is set).
      On a data folder with no users, makes the first admin and prints a one-time sign-in link.`,
  users: `  reorg users add EMAIL --role admin|hr|editor|viewer [--org ID] [--name N] [--data DIR]
  reorg users list [--data DIR]
      Add a user (prints a one-time sign-in link) or list users, on a folder no server holds.`,
  tokens: `  reorg tokens create EMAIL [--name N] [--data DIR]
      Make an API token (printed alone on the last line) for Authorization: Bearer TOKEN.`,
};

const EXIT_CODES = 'Exit codes: 0 success, 1 invalid input, 2 usage error, 3 --fail-on met.\n';

const USAGE = `reorg: org-design modeling from the command line

Usage:
${Object.values(COMMAND_USAGE).join('\n')}

${EXIT_CODES}`;

/** The usage of one command (for its `--help` and its usage errors). */
function usageOf(command: string): string {
  return `Usage:\n${COMMAND_USAGE[command]}\n\n${EXIT_CODES}`;
}

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
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(usageOf(command));
    return 0;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`reorg ${command}: ${error.message}\n\n${usageOf(command)}`);
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
