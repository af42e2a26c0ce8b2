import { describe, expect, it } from 'vitest';
import { OP_TYPES, OpSchema, parseOp } from './op-schema';

describe('OpSchema and parseOp', () => {
  it('lists every op type of the union', () => {
    expect(OP_TYPES).toEqual(OpSchema.options.map((o) => o.shape.type.value));
    expect(OP_TYPES).toHaveLength(16);
  });

  it('fills defaults, and the parsed op survives a JSON round trip', () => {
    const parsed = parseOp({ type: 'changeManager', personId: 'p1', managerId: null });
    expect(parsed).toEqual({
      ok: true,
      op: { type: 'changeManager', personId: 'p1', managerId: null, withReports: true },
    });
    if (parsed.ok) expect(OpSchema.parse(JSON.parse(JSON.stringify(parsed.op)))).toEqual(parsed.op);
  });

  it('says what is wrong with input that is not an op', () => {
    expect(parseOp(null)).toEqual({
      ok: false,
      error: { code: 'invalid_op', message: 'An op must be an object with a "type".' },
    });
    expect(parseOp([])).toMatchObject({ ok: false, error: { code: 'invalid_op' } });
    expect(parseOp({ personId: 'p1' })).toMatchObject({
      ok: false,
      error: { message: /Unknown op: no "type"/ },
    });
    expect(parseOp({ type: 'removePerson', personId: 'p1', extra: true })).toMatchObject({
      ok: false,
      error: { message: 'Malformed removePerson op: Unrecognized key: "extra".' },
    });
  });
});
