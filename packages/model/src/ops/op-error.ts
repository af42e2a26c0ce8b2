import type { z } from 'zod';
import type { Person } from '../schema/person';
import type { Team } from '../schema/team';

/**
 * Why an op was refused. Codes are stable strings (the API and the CLI show them as they are);
 * messages are written for a director and name the people and teams involved.
 */
export const OP_ERROR_CODES = {
  /** The op does not match its schema: unknown `type`, a missing, malformed or unknown field. */
  invalid_op: 'the op does not match its schema',
  /** The op names a person, team or interaction that does not exist (the message says which). */
  not_found: 'a referenced person, team or interaction does not exist',
  /** The op would add a person or team with an id already in use. */
  duplicate_id: 'the id is already in use',
  /** The op would create a reporting loop (or a loop of team groups); the message names both ends. */
  cycle: 'the change would create a loop',
  /** The target is not acceptable: a team merged into itself, a member not in the team, an aggregate as a manager… */
  invalid_target: 'the target of the op is not acceptable',
  /** The org after the op would not pass the org schema (e.g. a merged policy with min above max). */
  invalid_result: 'the resulting org would not be valid',
} as const;

/** One of the keys of {@link OP_ERROR_CODES}. */
export type OpErrorCode = keyof typeof OP_ERROR_CODES;

/** An op refused: a stable `code` and a message for a person. */
export interface OpError {
  code: OpErrorCode;
  message: string;
}

/** An op of a batch refused: {@link OpError} plus `opIndex`, the op's position in the batch (0-based). */
export interface OpBatchError extends OpError {
  opIndex: number;
}

/** Builds an {@link OpError}. */
export function opError(code: OpErrorCode, message: string): OpError {
  return { code, message };
}

/** How a person is named in messages: `Dana Reyes (p12)`, or the id when the name is unknown. */
export function describePersonRecord(p: Pick<Person, 'id' | 'name'>): string {
  return p.name ? `${p.name} (${p.id})` : p.id;
}

/** A short name for a person in running text: the first word of the name, or the id. */
export function shortName(p: Pick<Person, 'id' | 'name'>): string {
  return p.name?.trim().split(/\s+/)[0] || p.id;
}

/** How a team is named in messages: `Payments (t3)`. */
export function describeTeamRecord(t: Pick<Team, 'id' | 'name'>): string {
  return `${t.name} (${t.id})`;
}

/** A `not_found` error for a person id, saying what the id was for (e.g. "the new manager"). */
export function personNotFound(id: string, role: string): OpError {
  return opError('not_found', `There is no person with id "${id}" (${role}).`);
}

/** A `not_found` error for a team id, saying what the id was for. */
export function teamNotFound(id: string, role: string): OpError {
  return opError('not_found', `There is no team with id "${id}" (${role}).`);
}

/**
 * Turns zod issues into one readable line listing each issue's path, e.g.
 * `personId: Invalid input: expected string, received undefined; withReports: …`.
 */
export function formatIssues(error: z.ZodError, prefix: string[] = []): string {
  return error.issues
    .map((issue) => {
      const path = [...prefix, ...issue.path.map(String)].join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
