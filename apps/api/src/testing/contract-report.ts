import { appendFileSync } from 'node:fs';
import { afterAll, expect } from 'vitest';
import { CONTRACT_COUNTS } from './contract';

/**
 * Setup file of the api test project: with `REORG_CONTRACT_REPORT=FILE`, each test file appends
 * one JSON line to FILE, how many responses it checked against the OpenAPI document, by status
 * (`node scripts/contract-report.mjs FILE` sums them).
 */
const file = process.env.REORG_CONTRACT_REPORT;
if (file) {
  afterAll(() => {
    appendFileSync(file, `${JSON.stringify({ ...CONTRACT_COUNTS, file: expect.getState().testPath })}\n`);
    CONTRACT_COUNTS.validated = 0;
    CONTRACT_COUNTS.skipped = 0;
    CONTRACT_COUNTS.byStatus = {};
  });
}
