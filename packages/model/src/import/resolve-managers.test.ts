import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createManagerResolver } from './resolve-managers';

describe('createManagerResolver', () => {
  const resolve = createManagerResolver([
    { id: 'E1', email: 'Ann@X.org', name: 'Ann Lee' },
    { id: 'E2', email: 'bo@x.org', name: 'Bo Chen' },
    { id: 'E3', email: 'bo2@x.org', name: 'bo  chen' },
    { id: 'ann lee' },
  ]);

  it('resolves by exact id first, then email, then a unique name', () => {
    expect(resolve('E1')).toEqual({ kind: 'id', id: 'E1' });
    expect(resolve('ann lee')).toEqual({ kind: 'id', id: 'ann lee' }); // an id beats a name
    expect(resolve('ANN@x.ORG')).toEqual({ kind: 'email', id: 'E1' });
    expect(resolve(' Ann  LEE ')).toEqual({ kind: 'name', id: 'E1' });
  });

  it('leaves ambiguous names and unknown values unresolved; ids are case-sensitive', () => {
    expect(resolve('Bo Chen')).toEqual({ kind: 'ambiguous', via: 'name', ids: ['E2', 'E3'] });
    expect(resolve('e1')).toEqual({ kind: 'unresolved' });
    expect(resolve('nobody')).toEqual({ kind: 'unresolved' });
  });

  it('always resolves an id of the list to itself', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1 }), (ids) => {
        const r = createManagerResolver(ids.map((id) => ({ id, name: ids[0], email: ids[0] })));
        return ids.every((id) => {
          const found = r(id);
          return found.kind === 'id' && found.id === id;
        });
      }),
    );
  });
});
