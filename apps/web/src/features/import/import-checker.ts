import type { InputFile } from '@reorg/model';
import type { CheckFiles, CheckOptions, CheckResult } from './import-check';
import type { InspectedFile } from './import-plan';
import type { ImportRequest, ImportResponse } from './import-protocol';
import { createImportSession } from './import-session';

/** Checks chosen files in a Web Worker (on the page where there is none); only the latest answer counts. */
export interface ImportChecker {
  load(files: (InputFile & { size: number })[]): Promise<InspectedFile[]>;
  check(plan: CheckFiles['kind'], options: CheckOptions): Promise<CheckResult>;
  dispose(): void;
}

/** A stale answer: a newer request was made meanwhile. */
export class Superseded extends Error {
  constructor() {
    super('superseded by a newer request');
  }
}

type WithoutSeq<T> = T extends unknown ? Omit<T, 'seq'> : never;

/** Creates a checker (a worker when the browser has them). */
export function createImportChecker(): ImportChecker {
  let seq = 0;
  const waiting = new Map<number, { resolve: (r: ImportResponse) => void; reject: (e: Error) => void }>();
  let send: (msg: ImportRequest) => void;
  let worker: Worker | null = null;
  const receive = (res: ImportResponse) => {
    const w = waiting.get(res.seq);
    waiting.delete(res.seq);
    if (!w) return;
    if (res.seq !== seq) w.reject(new Superseded());
    else if (res.kind === 'failed') w.reject(new Error(res.message));
    else w.resolve(res);
  };
  if (typeof Worker !== 'undefined') {
    worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<ImportResponse>) => receive(e.data);
    send = (msg) => worker!.postMessage(msg);
  } else {
    const handle = createImportSession();
    send = (msg) => queueMicrotask(() => receive(handle(msg)));
  }
  const ask = (msg: WithoutSeq<ImportRequest>) =>
    new Promise<ImportResponse>((resolve, reject) => {
      const request = { ...msg, seq: ++seq } as ImportRequest;
      waiting.set(request.seq, { resolve, reject });
      send(request);
    });
  return {
    async load(files) {
      const res = await ask({ kind: 'load', files });
      return res.kind === 'loaded' ? res.files : [];
    },
    async check(plan, options) {
      const res = await ask({ kind: 'check', plan, options });
      if (res.kind !== 'checked') throw new Error('unexpected answer from the import worker');
      return res.result;
    },
    dispose() {
      worker?.terminate();
      for (const w of waiting.values()) w.reject(new Superseded());
      waiting.clear();
    },
  };
}
