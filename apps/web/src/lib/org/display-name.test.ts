import { createPerson } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { getDisplayName } from './display-name';

describe('getDisplayName', () => {
  it('names people, posts, reqs and unnamed posts the way a director reads them', () => {
    expect(getDisplayName(createPerson({ id: 'p1', name: 'Ada Lovelace', title: 'CTO' }))).toBe(
      'Ada Lovelace',
    );
    expect(
      getDisplayName(createPerson({ id: 'junior-3', aggregate: true, fte: 3.8, title: 'Policy Manager' })),
    ).toBe('Policy Manager · 3.8 FTE');
    expect(getDisplayName(createPerson({ id: 'r1', status: 'open', title: 'Engineering Manager' }))).toBe(
      'Open req',
    );
    expect(getDisplayName(createPerson({ id: 'h1', status: 'planned' }))).toBe('Planned hire');
    expect(
      getDisplayName(createPerson({ id: 'GOA-055', title: 'Deputy Director - Internal Communications' })),
    ).toBe('Deputy Director - Internal Communications');
    expect(getDisplayName(createPerson({ id: 'x9' }))).toBe('x9');
    expect(getDisplayName(undefined)).toBe('');
  });
});
