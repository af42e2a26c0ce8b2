import { describe, expect, it } from 'vitest';
import { countOpenBySubject, mergeComment } from '../../stores/review-store';
import type { ScenarioComment } from '../api/review';
import { describeSubject, splitMentions } from './review-words';

const comment = (
  id: string,
  subject: ScenarioComment['subject'],
  resolved = false,
  createdAt = '2026-01-01T00:00:00Z',
): ScenarioComment => ({
  id,
  scenarioId: 's',
  subject,
  revision: 1,
  author: 'a@x',
  body: 'b',
  mentions: [],
  createdAt,
  resolved,
  resolvedBy: null,
  resolvedAt: null,
});

describe('review words', () => {
  it('splits @mentions out of a comment', () => {
    expect(splitMentions('Ask @kofi and @ana@x.com, not mail@x.com')).toEqual([
      { text: 'Ask ', mention: false },
      { text: '@kofi', mention: true },
      { text: ' and ', mention: false },
      { text: '@ana@x.com', mention: true },
      { text: ', not mail@x.com', mention: false },
    ]);
  });
  it('names a subject', () => {
    const names = { person: (id: string) => (id === 'e1' ? 'Edsger' : undefined), team: () => 'Web' };
    expect(describeSubject({ kind: 'person', id: 'e1' }, names)).toBe('Edsger');
    expect(describeSubject({ kind: 'person', id: 'zz' }, names)).toBe('zz');
    expect(describeSubject({ kind: 'team', id: 'web' }, names)).toBe('team Web');
    expect(describeSubject({ kind: 'revision', id: '3' }, names)).toBe('revision 3');
  });
  it('counts open comments per card and merges an updated comment in place', () => {
    const list = [
      comment('1', { kind: 'person', id: 'e1' }),
      comment('2', { kind: 'person', id: 'e1' }, true),
      comment('3', { kind: 'team', id: 'web' }),
    ];
    expect([...countOpenBySubject(list)]).toEqual([
      ['e1', 1],
      ['web', 1],
    ]);
    const merged = mergeComment(list, { ...list[0], resolved: true });
    expect(merged.map((c) => [c.id, c.resolved])).toEqual([
      ['1', true],
      ['2', true],
      ['3', false],
    ]);
    expect(
      mergeComment(list, comment('0', { kind: 'scenario', id: null }, false, '2025-12-31T00:00:00Z'))[0].id,
    ).toBe('0');
  });
});
