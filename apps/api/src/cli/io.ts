import { readdir, readFile, stat, writeFile } from 'node:fs/promises';

/** What a command needs from the outside world; tests pass a fake. */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (path: string) => Promise<string>;
  writeFile: (path: string, text: string) => Promise<void>;
  /** Today's date as YYYY-MM-DD (the default as-of date of CSV imports). */
  today: () => string;
  /** True when stdout is a terminal (colors). */
  isTty: boolean;
  /** The entries of `path` when it is a folder (names, not paths), else undefined. */
  listDir?: (path: string) => Promise<string[] | undefined>;
}

/** The real process IO. */
export const processIo: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  today: () => new Date().toISOString().slice(0, 10),
  isTty: Boolean(process.stdout.isTTY),
  listDir: async (path) => ((await stat(path)).isDirectory() ? readdir(path) : undefined),
};

/** A usage error: exit code 2 with the message and the command's usage. */
export class UsageError extends Error {}
