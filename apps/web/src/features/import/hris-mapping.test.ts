import { HRIS_FIELDS, HRIS_SYNONYMS, type HrisMapping, matchHrisColumns } from '@reorg/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseColumn, effectiveMapping, FIELD_TEXT, overridesToSend, sampleValues } from './hris-mapping';

const GITLAB = [
  'record_type',
  'slug',
  'gitlab_handle',
  'title',
  'reports_to',
  'reports_to_resolved',
  'departments',
];

describe('the HRIS column mapping', () => {
  it('names every field', () => {
    expect(Object.keys(FIELD_TEXT).sort()).toEqual([...HRIS_FIELDS].sort());
  });

  it('matches GitLab columns automatically and reports the unused ones', () => {
    const { mapping, unmatched, changed } = effectiveMapping(GITLAB, {});
    expect(mapping).toMatchObject({
      id: 'slug',
      manager: 'reports_to',
      title: 'title',
      department: 'departments',
    });
    expect(unmatched).toEqual(['gitlab_handle', 'reports_to_resolved']);
    expect(changed).toEqual([]);
  });

  it('moves the manager to another column, and sends only that change', () => {
    const overrides = chooseColumn({}, 'manager', 'reports_to_resolved');
    const { mapping, unmatched, changed } = effectiveMapping(GITLAB, overrides);
    expect(mapping.manager).toBe('reports_to_resolved');
    expect(unmatched).toEqual(['gitlab_handle', 'reports_to']);
    expect(changed).toEqual(['manager']);
    expect(overridesToSend(GITLAB, overrides)).toEqual({ manager: 'reports_to_resolved' });
  });

  it('takes a column away from the field that had it, and leaves a field not mapped on request', () => {
    // "slug" was the id; given to email, the id has no other column ("gitlab_handle" is no synonym).
    const o1 = chooseColumn({}, 'email', 'slug');
    const m1 = effectiveMapping(GITLAB, o1).mapping;
    expect(m1.email).toBe('slug');
    expect(m1.id).toBeUndefined();
    expect(overridesToSend(GITLAB, o1)).toEqual({ id: '', email: 'slug' });
    // An explicit choice of the same column by another field is dropped (one column, one field).
    const o2 = chooseColumn(chooseColumn({}, 'email', 'title'), 'location', 'title');
    expect(o2).toEqual({ email: '', location: 'title' });
    const o3 = chooseColumn({}, 'title', '');
    expect(effectiveMapping(GITLAB, o3).mapping.title).toBeUndefined();
    expect(overridesToSend(GITLAB, o3)).toEqual({ title: '' });
  });

  it('sends overrides that make the importer read exactly the mapping shown', () => {
    const pool = [...new Set(HRIS_FIELDS.flatMap((f) => HRIS_SYNONYMS[f].slice(0, 3))), 'notes', 'extra'];
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.constantFrom(...HRIS_FIELDS), fc.nat()), { maxLength: 6 }),
        (headers, picks) => {
          let overrides: HrisMapping = {};
          for (const [field, k] of picks) {
            const header =
              k % (headers.length + 1) === headers.length ? '' : headers[k % (headers.length + 1)];
            overrides = chooseColumn(overrides, field, header);
          }
          const shown = effectiveMapping(headers, overrides).mapping;
          const read = matchHrisColumns(headers, overridesToSend(headers, overrides)).mapping;
          expect(read).toEqual(shown);
          const columns = Object.values(shown);
          expect(new Set(columns).size).toBe(columns.length);
        },
      ),
    );
  });

  it('shows the first non-empty values of a column as samples', () => {
    const rows = [{ cells: ['a', ''] }, { cells: ['b', 'x'] }, { cells: ['c', 'y'] }, { cells: ['d', 'z'] }];
    expect(sampleValues(['one', 'two'], rows, 'two')).toEqual(['x', 'y', 'z']);
    expect(sampleValues(['one', 'two'], rows, 'one', 2)).toEqual(['a', 'b']);
    expect(sampleValues(['one', 'two'], rows, undefined)).toEqual([]);
    expect(sampleValues(['one', 'two'], rows, 'three')).toEqual([]);
  });
});
