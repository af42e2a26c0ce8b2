import type { InputFile } from '@reorg/model';
import type { CheckFiles, CheckOptions, CheckResult } from './import-check';
import type { InspectedFile } from './import-plan';

/** Messages to the import worker: load the chosen files (kept there), then check them as often as asked. */
export type ImportRequest =
  | { kind: 'load'; seq: number; files: (InputFile & { size: number })[] }
  | { kind: 'check'; seq: number; plan: CheckFiles['kind']; options: CheckOptions };

/** Answers of the import worker, each with the `seq` of its request. */
export type ImportResponse =
  | { kind: 'loaded'; seq: number; files: InspectedFile[] }
  | { kind: 'checked'; seq: number; result: CheckResult }
  | { kind: 'failed'; seq: number; message: string };
