import type { FileKind, InputFile } from '@reorg/model';
import { type CheckFiles, checkImport, inspectFile } from './import-check';
import type { ImportRequest, ImportResponse } from './import-protocol';

type Loaded = InputFile & { size: number; kind: FileKind | 'unknown' };

/**
 * The import checks over one set of files, wherever they run (the worker, or the page when there
 * is no Worker): `load` keeps the files and inspects them; `check` runs the importer on them.
 */
export function createImportSession(): (msg: ImportRequest) => ImportResponse {
  let files: Loaded[] = [];
  return (msg) => {
    try {
      if (msg.kind === 'load') {
        const inspected = msg.files.map(inspectFile);
        files = msg.files.map((f, k) => ({ ...f, kind: inspected[k].kind }));
        return { kind: 'loaded', seq: msg.seq, files: inspected };
      }
      return { kind: 'checked', seq: msg.seq, result: checkImport(filesFor(msg.plan, files), msg.options) };
    } catch (error) {
      return { kind: 'failed', seq: msg.seq, message: (error as Error).message };
    }
  };
}

/** The loaded files in the roles of a plan (the kinds found when they were loaded). */
function filesFor(plan: CheckFiles['kind'], files: Loaded[]): CheckFiles {
  const find = (kind: FileKind) => files.find((f) => f.kind === kind);
  const need = (kind: FileKind) => {
    const file = find(kind);
    if (!file) throw new Error(`no ${kind} file among the chosen files`);
    return { name: file.name, text: file.text };
  };
  if (plan === 'hris') return { kind: 'hris', file: need('hris-csv') };
  if (plan === 'auto') return { kind: 'auto', files: files.map((f) => ({ name: f.name, text: f.text })) };
  if (plan === 'org-json') return { kind: 'org-json', file: need('org-json') };
  const junior = find('uk-junior');
  return {
    kind: 'uk-organogram',
    senior: need('uk-senior'),
    ...(junior ? { junior: { name: junior.name, text: junior.text } } : {}),
  };
}
