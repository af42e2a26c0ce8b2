/// <reference lib="webworker" />
import type { ImportRequest } from './import-protocol';
import { createImportSession } from './import-session';

/**
 * The import worker: keeps the chosen files, inspects them (kind, headers, preview, row count)
 * and runs the model's importer on them off the main thread, so a large file keeps the page responsive.
 */
const handle = createImportSession();

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  (self as unknown as Worker).postMessage(handle(event.data));
};
