import { createPerson } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { createPeopleSearch, searchPeople } from './search-people';

describe('searchPeople', () => {
  const search = createPeopleSearch([
    createPerson({ id: 'E1', name: 'Dana Reyes', title: 'Engineering Manager', email: 'dana@x.io' }),
    createPerson({ id: 'E2', name: 'Adam Danaher', title: 'Staff Engineer', email: 'adam@x.io' }),
    createPerson({ id: 'E3', name: 'Lee Chan', title: 'Director of Engineering', email: 'lchan@x.io' }),
    createPerson({ id: 'E4', status: 'open', title: 'Senior Engineer' }),
  ]);

  it('ranks a name start first, then a word start, then anything', () => {
    expect(searchPeople(search, 'dan').map((h) => h.id)).toEqual(['E1', 'E2']);
    expect(searchPeople(search, 'dan').map((h) => h.score)).toEqual([3, 2]);
  });

  it('matches email, title and id, every word', () => {
    expect(searchPeople(search, 'lchan@').map((h) => h.id)).toEqual(['E3']);
    expect(searchPeople(search, 'senior engineer').map((h) => h.id)).toEqual(['E4']);
    expect(searchPeople(search, 'e3').map((h) => h.id)).toEqual(['E3']);
    expect(searchPeople(search, '  ')).toEqual([]);
  });
});
