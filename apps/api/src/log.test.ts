import { describe, expect, it } from 'vitest';
import { createJsonLogger, describeError, redact } from './log';

describe('redact', () => {
  it('hides compensation under any key that names it, at any depth', () => {
    const out = redact({
      id: 'e1',
      cost: 123456,
      person: { annualCost: 99, baseSalary: 7, band: { min: 1, max: 2 }, name: 'Ada' },
      list: [{ bonus: 5, ok: true }],
    });
    expect(out).toEqual({
      id: 'e1',
      cost: '[redacted]',
      person: { annualCost: '[redacted]', baseSalary: '[redacted]', band: '[redacted]', name: 'Ada' },
      list: [{ bonus: '[redacted]', ok: true }],
    });
  });

  it('cuts long strings and deep nesting', () => {
    expect((redact('x'.repeat(600)) as string).length).toBe(501);
    expect(redact({ a: { b: { c: { d: { e: 1 } } } } })).toEqual({ a: { b: { c: { d: '[…]' } } } });
  });
});

describe('createJsonLogger', () => {
  it('writes one JSON line per event with level and message', () => {
    const lines: string[] = [];
    createJsonLogger((l) => lines.push(l)).warn('hello', { cost: 5, path: '/api' });
    expect(lines).toHaveLength(1);
    const event = JSON.parse(lines[0]!);
    expect(event).toMatchObject({ level: 'warn', msg: 'hello', cost: '[redacted]', path: '/api' });
    expect(lines[0]!.endsWith('\n')).toBe(true);
  });
});

describe('describeError', () => {
  it('keeps only the cause of a query error, never its parameters', () => {
    const cause = Object.assign(new Error('duplicate key'), { code: '23505' });
    const error = Object.assign(new Error('Failed query: insert … params: {"cost":424242}'), {
      name: 'DrizzleQueryError',
      params: ['{"cost":424242}'],
      cause,
    });
    const described = JSON.stringify(describeError(error));
    expect(described).not.toContain('424242');
    expect(described).toContain('duplicate key');
    expect(described).toContain('23505');
  });
});
