import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getOrgGraph } from '../graph/org-graph';
import { normalizeManagerIds } from '../import/normalize-ids';
import { createOrg } from '../schema/org';
import type { Person } from '../schema/person';
import { analyzeOrg } from './analyze-org';
import { createAnalysisContext } from './context';
import { checkGraph, listNames } from './graph-rules';
import { dirtyPeopleArb, people } from './test-orgs';

const orgOf = (list: Person[]) => createOrg({ id: 'acme', name: 'Acme', asOf: '2026-01-01', people: list });

function findingsOf(list: Person[]) {
  const ctx = createAnalysisContext(
    createOrg({ id: 'acme', name: 'Acme', asOf: '2026-01-01', people: list }),
  );
  checkGraph(ctx);
  return ctx.findings;
}

describe('listNames', () => {
  it('joins names in prose and cuts long lists', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['a'])).toBe('a');
    expect(listNames(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listNames(['a', 'b', 'c'], 3, 2)).toBe('a, b and 1 more');
    expect(listNames(['a', 'b'], 7)).toBe('a, b and 5 more');
  });
});

describe('checkGraph', () => {
  it('finds nothing wrong in a clean tree', () => {
    expect(findingsOf(people(['ceo', null], ['a', 'ceo'], ['b', 'a']))).toEqual([]);
  });

  it('reports one graph.duplicate_id per id, naming every row (1-based) and the kept one', () => {
    const findings = findingsOf(
      people(
        ['ceo', null],
        ['p7', 'ceo', { name: 'Ann Lee' }],
        ['x', 'ceo'],
        ['p7', 'ceo', { name: 'Ann Leigh' }],
        ['p7', 'ceo'],
      ),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'graph.duplicate_id',
      severity: 'error',
      subject: { kind: 'person', id: 'p7' },
      data: { id: 'p7', rows: [2, 4, 5], keptRow: 5 },
    });
    expect(findings[0].message).toBe(
      "Id 'p7' is used by 3 records: row 2 (Ann Lee), row 4 (Ann Leigh) and row 5. " +
        'The last, row 5, is kept; row 2 and row 4 are left out of the analysis.',
    );
  });

  it('reports a self-report and treats the record as a top person (not a second head)', () => {
    const findings = findingsOf(people(['ceo', null], ['s', 's', { name: 'Sam' }]));
    expect(findings.map((f) => f.code)).toEqual(['graph.self_report']);
    expect(findings[0].message).toBe(
      "Sam (s) reports to themselves (managerId 's'); they are treated as a top person.",
    );
    expect(findings[0].data).toEqual({ id: 's', row: 2 });
  });

  it('reports each dangling manager id and names a match that differs only in case', () => {
    const findings = findingsOf(
      people(
        ['ABC-1', null, { name: 'Ada' }],
        ['b', 'abc-1', { name: 'Bo' }],
        ['c', 'abc-1'],
        ['d', 'ghost'],
      ),
    );
    const dangling = findings.filter((f) => f.code === 'graph.dangling_manager');
    expect(dangling.map((f) => f.subject.id)).toEqual(['b', 'c', 'd']);
    expect(dangling[0].message).toBe(
      "Bo (b) reports to 'abc-1', which matches no record; they are treated as a top person. " +
        "Did you mean 'ABC-1' (Ada)? Ids are case-sensitive.",
    );
    expect(dangling[0].fix).toBe(
      "Change the managerId of Bo (b) from 'abc-1' to 'ABC-1' (or import with the option to normalise ids, which does it for every such id).",
    );
    expect(dangling[0].data).toEqual({ id: 'b', managerId: 'abc-1', row: 2, nearMatch: 'ABC-1' });
    expect(dangling[2].message).not.toContain('Did you mean');
    expect(dangling[2].fix).toBe("Add the manager 'ghost' to the data, or correct the managerId of d.");
  });

  it('names a match that differs only in leading zeros (Home Office: 00005654 for the post 5654)', () => {
    const findings = findingsOf(
      people(
        ['5654', null, { name: 'Perm Sec' }],
        ['12', '00005654'],
        ['0077', null],
        ['13', '77'],
        ['14', '0X'],
      ),
    );
    const dangling = findings.filter((f) => f.code === 'graph.dangling_manager');
    expect(dangling.map((f) => [f.subject.id, f.data.nearMatch])).toEqual([
      ['12', '5654'],
      ['13', '0077'],
      ['14', undefined],
    ]);
    expect(dangling[0].message).toContain("Did you mean '5654' (Perm Sec)? Leading zeros count in ids.");
  });

  it('counts the manager ids an import normalised in one info finding listing the records', () => {
    const { org } = normalizeManagerIds(
      orgOf(people(['5654', null], ['a', '00005654'], ['b', '005654'], ['c', 'ABC'], ['abc', '5654'])),
    );
    const findings = analyzeOrg(org).findings;
    expect(findings.filter((f) => f.code === 'graph.dangling_manager')).toEqual([]);
    const [note] = findings.filter((f) => f.code === 'graph.ids_normalized');
    expect(note.severity).toBe('info');
    expect(note.message).toBe(
      "3 manager ids were read as the record they differ from only in case or leading zeros: '00005654' → '5654', '005654' → '5654' and 'ABC' → 'abc'.",
    );
    expect(note.data).toMatchObject({ count: 3, ids: ['a', 'b', 'c'] });
  });

  it('does not offer a record as its own near match', () => {
    const [f] = findingsOf(people(['abc', 'ABC']));
    expect(f.code).toBe('graph.dangling_manager');
    expect(f.data.nearMatch).toBeUndefined();
  });

  it('reports one graph.cycle per loop, naming its members in manager order', () => {
    const findings = findingsOf(
      people(
        ['ceo', null],
        ['x', 'y', { name: 'Xi' }],
        ['y', 'z'],
        ['z', 'x'],
        ['below', 'x'],
        ['u', 'v'],
        ['v', 'u'],
      ),
    );
    const cycles = findings.filter((f) => f.code === 'graph.cycle');
    expect(cycles).toHaveLength(2);
    expect(cycles[0]).toMatchObject({ subject: { id: 'x' }, data: { ids: ['x', 'y', 'z'], length: 3 } });
    expect(cycles[0].message).toBe(
      'Reporting loop of 3 people: Xi (x) → y → z → back to Xi (x) (each reports to the next). ' +
        'They and anyone below them get no layer.',
    );
    expect(cycles[1].data).toEqual({ ids: ['u', 'v'], length: 2 });
    expect(findings.some((f) => f.code === 'graph.multiple_roots')).toBe(false);
  });

  it('warns once about multiple roots: people with no manager, naming the first 10 and carrying every id', () => {
    const list = people(...Array.from({ length: 11 }, (_, k): [string, null] => [`r${k + 1}`, null]), [
      'd',
      'missing',
    ]);
    list.push(...people(['posts', null, { aggregate: true, fte: 3 }]));
    const findings = findingsOf(list);
    const roots = findings.filter((f) => f.code === 'graph.multiple_roots');
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ severity: 'warning', subject: { kind: 'org', id: 'acme' } });
    // 'd' (dangling manager) and 'posts' (an aggregate with no manager) are defects of their own, not heads.
    expect(roots[0].data).toEqual({ count: 11, roots: Array.from({ length: 11 }, (_, k) => `r${k + 1}`) });
    expect(roots[0].message).toBe(
      'The org has 11 people at the top (no manager) instead of one: ' +
        'r1, r2, r3, r4, r5, r6, r7, r8, r9, r10 and 1 more.',
    );
    const orphan = findings.filter((f) => f.code === 'graph.dangling_manager' && f.subject.kind === 'org');
    expect(orphan).toHaveLength(1);
    expect(orphan[0].data).toEqual({ count: 1, fte: 3, ids: ['posts'], rows: [13], managerId: null });
  });

  it('gives one finding for every record of posts with no manager, listing them all', () => {
    const list = people(['ceo', null], ['d1', 'ceo']);
    list.push(
      ...people(
        ['junior-1', 'd1', { aggregate: true, fte: 8 }],
        ['junior-2', null, { aggregate: true, fte: 5, title: 'Assessor' }],
        ['junior-4', null, { aggregate: true, fte: 3, title: 'Inspection Support' }],
        ['junior-6', null, { aggregate: true, fte: 2.5 }],
      ),
    );
    const dangling = findingsOf(list).filter((f) => f.code === 'graph.dangling_manager');
    expect(dangling).toHaveLength(1);
    expect(dangling[0]).toMatchObject({
      severity: 'error',
      subject: { kind: 'org', id: 'acme' },
      data: {
        count: 3,
        fte: 10.5,
        ids: ['junior-2', 'junior-4', 'junior-6'],
        rows: [4, 5, 6],
        managerId: null,
      },
    });
    expect(dangling[0].message).toBe(
      '3 records of posts name no manager (10.5 FTE in all): Assessor (junior-2, 5 FTE), ' +
        'Inspection Support (junior-4, 3 FTE) and posts (junior-6, 2.5 FTE). ' +
        'Their posts report to nobody, so they sit at the top of the org.',
    );
  });
});

describe('leaving people at the top', () => {
  it('lists them in one info finding and does not count them as heads', () => {
    const list = people(
      ['ps', null, { name: 'Wren Keller' }],
      ['d1', 'ps'],
      ['old-1', null, { status: 'leaving', title: 'Deputy Director Regeneration' }],
      ['old-2', null, { status: 'leaving' }],
    );
    const report = analyzeOrg(orgOf(list));
    expect(report.summary.roots).toBe(1);
    expect(report.findings.some((f) => f.code === 'graph.multiple_roots')).toBe(false);
    const leaving = report.findings.filter((f) => f.code === 'graph.leaving_at_top');
    expect(leaving).toHaveLength(1);
    expect(leaving[0]).toMatchObject({ severity: 'info', data: { count: 2, ids: ['old-1', 'old-2'] } });
    expect(leaving[0].message).toBe(
      '2 leaving records have no manager: Deputy Director Regeneration (old-1) and old-2. ' +
        'They are not counted as heads of the org (people at the top).',
    );
  });

  it('keeps leaving people as heads when everyone at the top is leaving', () => {
    const report = analyzeOrg(orgOf(people(['a', null, { status: 'leaving' }], ['b', 'a'])));
    expect(report.summary.roots).toBe(1);
    expect(report.findings.some((f) => f.code === 'graph.leaving_at_top')).toBe(false);
  });
});

describe('one finding per cause, on any dirty graph (fast-check)', () => {
  it('lists every record of posts with no manager in one finding, and splits the top into heads and leaving', () => {
    fc.assert(
      fc.property(dirtyPeopleArb, (list) => {
        const org = orgOf(list);
        const report = analyzeOrg(org);
        const graph = getOrgGraph(org);
        const kept = graph.records;
        const noManager = (p: Person) => p.managerId === null || p.managerId === undefined;
        // Posts with no manager: exactly one finding listing them all, or none.
        const orphans = kept.filter((p) => p.aggregate && noManager(p)).map((p) => p.id);
        const grouped = report.findings.filter(
          (f) => f.code === 'graph.dangling_manager' && f.subject.kind === 'org',
        );
        expect(grouped.map((f) => f.data.ids)).toEqual(orphans.length > 0 ? [orphans] : []);
        // People with no manager are either heads (summary.roots) or leaving (one finding).
        const top = kept.filter((p) => !p.aggregate && noManager(p));
        const leaving = report.findings.filter((f) => f.code === 'graph.leaving_at_top');
        const leavingIds = leaving.flatMap((f) => f.data.ids as string[]);
        expect(leaving.length).toBeLessThanOrEqual(1);
        expect(report.summary.roots + leavingIds.length).toBe(top.length);
        for (const id of leavingIds) expect(kept.find((p) => p.id === id)?.status).toBe('leaving');
        // A leaving person is only a head when every person at the top is leaving.
        if (leavingIds.length > 0) expect(report.summary.roots).toBeGreaterThan(0);
        // Summary counts agree: ICs and managers are the people; posts come apart.
        const s = report.summary;
        expect(s.ics + s.managers).toBe(s.people);
        if (s.managers > 0) {
          expect(s.icsPerManager).toBeCloseTo(s.ics / s.managers, 2);
          expect(s.icsAndPostsPerManager).toBeCloseTo((s.ics + s.aggregatePosts) / s.managers, 2);
        }
      }),
      { numRuns: 300 },
    );
  });
});
