import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { people } from '../analyze/test-orgs';
import { getOrgGraph } from '../graph/org-graph';
import { createOrg } from '../schema/org';
import { idMatchKey, normalizeManagerIds } from './normalize-ids';

const orgOf = (list: ReturnType<typeof people>) =>
  createOrg({ id: 'o', name: 'O', asOf: '2026-01-01', people: list });

describe('idMatchKey', () => {
  it.each([
    ['00005654', '5654'],
    ['5654', '5654'],
    ['0', '0'],
    ['000', '0'],
    ['EoE-HEE-001', 'eoe-hee-001'],
    ['0A1', 'a1'],
  ])('%s → %s', (id, key) => expect(idMatchKey(id)).toBe(key));
});

describe('normalizeManagerIds', () => {
  it('rewrites dangling manager ids that match one record but for leading zeros or case, and lists them', () => {
    const org = orgOf(
      people(
        ['5654', null],
        ['a', '00005654'],
        ['b', '5654'],
        ['c', 'ghost'],
        ['X1', null],
        ['x1', null],
        ['d', 'x01'],
      ),
    );
    const { org: out, changes } = normalizeManagerIds(org);
    expect(changes).toEqual([{ id: 'a', from: '00005654', to: '5654' }]);
    // 'ghost' matches nothing; 'x01' is not 'x1' (only leading zeros are dropped), and 'x1' is ambiguous anyway.
    expect(out.people.map((p) => p.managerId)).toEqual([null, '5654', '5654', 'ghost', null, null, 'x01']);
    expect(out.importNotes).toEqual({ normalizedIds: changes });
    expect(org.people[1].managerId).toBe('00005654'); // the input is not changed
  });

  it('returns the same org when nothing matches', () => {
    const org = orgOf(people(['a', null], ['b', 'ghost']));
    expect(normalizeManagerIds(org)).toEqual({ org, changes: [] });
  });

  it('never adds a dangling manager, and a second pass changes nothing (property)', () => {
    const id = fc.constantFrom('1', '01', '001', 'a', 'A', '0a', 'b', 'B', 'c');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(id, fc.option(id, { nil: null })), { selector: ([i]) => i, maxLength: 9 }),
        (rows) => {
          const org = orgOf(people(...rows));
          const once = normalizeManagerIds(org);
          const before = getOrgGraph(org).dangling.length;
          const after = getOrgGraph(once.org).dangling.length;
          return after === before - once.changes.length && normalizeManagerIds(once.org).changes.length === 0;
        },
      ),
    );
  });
});
