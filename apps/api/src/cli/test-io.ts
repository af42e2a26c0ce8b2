import { readdir, readFile, stat } from 'node:fs/promises';
import { thirdPartyPath } from '../../../../fixtures/third-party-data';
import type { CliIo } from './io';

/** A fake IO for in-process CLI tests: real file reads, captured output and writes, a fixed today. */
export function createTestIo(today = '2026-11-21') {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  const io: CliIo = {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: async (path, text) => {
      written.set(path, text);
    },
    today: () => today,
    isTty: false,
    listDir: async (path) => ((await stat(path)).isDirectory() ? readdir(path) : undefined),
  };
  return {
    io,
    written,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

/** Absolute path of a file in the third-party data folder (`REORG_DATA_DIR`, default `../shared/data`). */
export const sharedData = thirdPartyPath;
