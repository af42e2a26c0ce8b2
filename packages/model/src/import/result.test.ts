import { describe, expect, it } from 'vitest';
import { IssueCollector, importError, MAX_ISSUES } from './result';

describe('IssueCollector', () => {
  it('finishes with the value and warnings when there is no error', () => {
    const c = new IssueCollector('a.csv');
    c.warn({ row: 3, message: 'w' });
    expect(c.finish(42)).toEqual({
      ok: true,
      value: 42,
      warnings: [{ file: 'a.csv', row: 3, message: 'w' }],
    });
  });

  it('fails with every error and no value once one error is recorded', () => {
    const c = new IssueCollector();
    c.warn({ message: 'w' });
    c.error({ row: 2, column: 'FTE', message: 'e1' });
    c.error({ file: 'other.csv', message: 'e2' });
    expect(c.finish(42)).toEqual({
      ok: false,
      errors: [
        { row: 2, column: 'FTE', message: 'e1' },
        { file: 'other.csv', message: 'e2' },
      ],
    });
  });

  it(`keeps the first ${MAX_ISSUES} issues of each kind and counts the rest`, () => {
    const c = new IssueCollector('f');
    for (let i = 0; i < 205; i++) c.warn({ message: `w${i}` });
    const result = c.finish('v');
    expect(result.ok && result.warnings.length).toBe(201);
    expect(result.ok && result.warnings[200]).toEqual({
      file: 'f',
      message: '…and 5 more warnings (205 in all)',
    });
  });

  it('stamps a view with its own file name', () => {
    const c = new IssueCollector('senior.csv');
    c.forFile('junior.csv').error({ row: 4, message: 'x' });
    c.forFile(undefined).error({ message: 'y' });
    expect(c.errors).toEqual([
      { file: 'junior.csv', row: 4, message: 'x' },
      { file: 'senior.csv', message: 'y' },
    ]);
  });

  it('builds a single-error result', () => {
    expect(importError('bad', { row: 2 })).toEqual({ ok: false, errors: [{ row: 2, message: 'bad' }] });
  });
});
