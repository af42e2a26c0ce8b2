import type { CommentSubject, ReviewStateName } from '../api/review';

/** How each review state is named in the app. */
export const REVIEW_STATE_TEXT: Record<ReviewStateName, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  'changes-requested': 'Changes requested',
  approved: 'Approved',
  adopted: 'Adopted',
};

/** What a comment is about, in words ("Edsger", "team Web", "revision 3", "the scenario"). */
export function describeSubject(
  subject: CommentSubject,
  names: { person: (id: string) => string | undefined; team: (id: string) => string | undefined },
): string {
  if (subject.kind === 'scenario') return 'the scenario';
  if (subject.kind === 'revision') return `revision ${subject.id}`;
  if (subject.kind === 'team') return `team ${names.team(subject.id) ?? subject.id}`;
  return names.person(subject.id) ?? subject.id;
}

/** A comment's text cut into plain text and @mentions (to show the mentions apart). */
export function splitMentions(body: string): { text: string; mention: boolean }[] {
  const parts: { text: string; mention: boolean }[] = [];
  let last = 0;
  for (const m of body.matchAll(/(^|[^\w.@])(@[\w.+-]+(?:@[\w-]+(?:\.[\w-]+)+)?)/g)) {
    const start = (m.index ?? 0) + m[1].length;
    if (start > last) parts.push({ text: body.slice(last, start), mention: false });
    parts.push({ text: m[2], mention: true });
    last = start + m[2].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last), mention: false });
  return parts;
}

/** The review state after a scenario's name in a plain-text list (" · In review"); nothing for a draft. */
export function reviewSuffix(state: ReviewStateName | undefined): string {
  return state && state !== 'draft' ? ` · ${REVIEW_STATE_TEXT[state]}` : '';
}
