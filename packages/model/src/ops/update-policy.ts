import { z } from 'zod';
import { type Policy, PolicySchema } from '../schema/policy';
import { formatIssues, type OpError, opError } from './op-error';
import type { OpWorkspace } from './workspace';

/**
 * `updatePolicy`: changes the numbers the rules use. `policy` is any part of a {@link PolicySchema}
 * input, deep-merged over the current policy, e.g. `{ span: { experiencedSenior: { min: 6, max: 10 } } }`.
 */
export const UpdatePolicyOpSchema = z.strictObject({
  type: z.literal('updatePolicy'),
  policy: z.record(z.string(), z.unknown()),
});
/** A validated `updatePolicy` op. */
export type UpdatePolicyOp = z.infer<typeof UpdatePolicyOpSchema>;

/**
 * Applies an `updatePolicy` op. Refuses: `invalid_op` for a setting the policy does not have
 * (a typo such as `span.newManger`); `invalid_result` when the merged policy fails
 * {@link PolicySchema} (a wrong type, a min above its max), naming each path. Cost: O(policy size).
 */
export function applyUpdatePolicy(ws: OpWorkspace, op: UpdatePolicyOp): OpError | null {
  const unknown = unknownKeys(op.policy, ws.policy, []);
  if (unknown.length > 0) {
    return opError(
      'invalid_op',
      `Unknown policy setting${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`,
    );
  }
  const parsed = PolicySchema.safeParse(deepMerge(ws.policy, op.policy));
  if (!parsed.success) {
    return opError(
      'invalid_result',
      `The updated policy is not valid: ${formatIssues(parsed.error, ['policy'])}.`,
    );
  }
  ws.policy = keepIdentity(ws.policy, parsed.data) as Policy;
  return null;
}

/** `next`, reusing the objects of `prev` wherever their content did not change. */
function keepIdentity(prev: unknown, next: unknown): unknown {
  if (!isPlainObject(prev) || !isPlainObject(next)) return Object.is(prev, next) ? prev : next;
  const keys = Object.keys(next);
  let same = keys.length === Object.keys(prev).length;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    out[key] = keepIdentity(prev[key], next[key]);
    if (out[key] !== prev[key]) same = false;
  }
  return same ? prev : out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Dotted paths of `patch` that `shape` does not have (only where `shape` is an object). */
function unknownKeys(patch: Record<string, unknown>, shape: unknown, path: string[]): string[] {
  if (!isPlainObject(shape)) return [];
  return Object.entries(patch).flatMap(([key, value]) => {
    if (!Object.hasOwn(shape, key)) return [[...path, key].join('.')];
    return isPlainObject(value) ? unknownKeys(value, shape[key], [...path, key]) : [];
  });
}

/** `patch` merged over `base`: objects merge key by key, anything else replaces. */
function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) out[key] = deepMerge(base[key], value);
  return out;
}
