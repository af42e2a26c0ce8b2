import type { z } from 'zod';
import type { ImportIssue } from './result';

/**
 * Turns the issues of validating a built org into import issues: an issue under `people.<i>` gets
 * the spreadsheet row of record `i` (`rows[i]`); the field path is kept in the message. A safety
 * net: the importers check cells first, so this only fires on a value they let through.
 */
export function toOrgIssues(error: z.ZodError, rows: readonly number[]): ImportIssue[] {
  return error.issues.map((issue) => {
    const [head, index, ...rest] = issue.path.map(String);
    const i = Number(index);
    if (head === 'people' && Number.isInteger(i) && rows[i] !== undefined) {
      return { row: rows[i], message: `${rest.join('.') || 'record'}: ${issue.message}` };
    }
    return { message: `${issue.path.map(String).join('.') || '(org)'}: ${issue.message}` };
  });
}
