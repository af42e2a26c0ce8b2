import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween } from '../schema/common';
import { createOrg } from '../schema/org';
import type { Person, PersonInput } from '../schema/person';
import { createPolicy, type Policy } from '../schema/policy';
import { type AnalyzeOptions, createAnalysisContext } from './context';
import { analyzeSpans, getNewManagerCutoff } from './span';
import { people } from './test-orgs';

const AS_OF = '2026-01-01';

function run(list: Person[], options: AnalyzeOptions = {}) {
  const ctx = createAnalysisContext(createOrg({ id: 'o', name: 'O', asOf: AS_OF, people: list }), options);
  const managers = analyzeSpans(ctx);
  const manager = (id: string) => managers.find((m) => m.id === id)!;
  return { managers, findings: ctx.findings, manager };
}

/** `count` ICs `${prefix}1…` reporting to `managerId`, at `level`. */
function reports(
  managerId: string,
  count: number,
  level = 'L4',
  extra: Partial<PersonInput> = {},
  prefix = `${managerId}-r`,
): Array<[string, string, Partial<PersonInput>]> {
  return Array.from({ length: count }, (_, k) => [`${prefix}${k + 1}`, managerId, { level, ...extra }]);
}

describe('span of control: first-line managers', () => {
  it('flags an experienced manager of a senior team above 6–8 (span.over), naming the numbers', () => {
    const { manager, findings } = run(
      people(['p12', null, { name: 'Dana Reyes', level: 'M5' }], ...reports('p12', 11)),
    );
    expect(manager('p12')).toMatchObject({
      directReports: 11,
      countedSpan: 11,
      directIcs: 0,
      role: 'first-line',
      target: { min: 6, max: 8 },
      targetKind: 'experienced-senior',
      status: 'over',
      estimated: false,
      layer: 1,
      subtreeSize: 11,
    });
    expect(findings).toHaveLength(1);
    const f = findings[0];
    expect(f).toMatchObject({
      code: 'span.over',
      severity: 'warning',
      subject: { kind: 'person', id: 'p12' },
    });
    expect(f.message).toBe(
      'Dana Reyes (p12), first-line manager of a senior team, has 11 direct reports; target 6–8.',
    );
    expect(f.fix).toBe('Move 3 reports to a peer, or split the team under a new lead.');
    expect(f.data).toMatchObject({ countedSpan: 11, excess: 3, target: { min: 6, max: 8 } });
  });

  it('is critical at twice the max (16 for 6–8) and over just below (15)', () => {
    expect(run(people(['m', null], ...reports('m', 16))).manager('m').status).toBe('critical');
    const critical = run(people(['m', null], ...reports('m', 16))).findings[0];
    expect(critical).toMatchObject({ code: 'span.critical', severity: 'error', data: { excess: 8 } });
    expect(critical.fix).toContain('16 reports make 2 teams of at most 8');
    expect(run(people(['m', null], ...reports('m', 15))).manager('m').status).toBe('over');
  });

  it('treats a team with under half seniors as junior (5–6) and exactly half as senior', () => {
    const junior = run(
      people(['m', null], ...reports('m', 4, 'L3', {}, 'j'), ...reports('m', 3, 'L4', {}, 's')),
    );
    expect(junior.manager('m')).toMatchObject({
      targetKind: 'experienced-junior',
      target: { min: 5, max: 6 },
    });
    expect(junior.manager('m').status).toBe('over');
    const half = run(
      people(['m', null], ...reports('m', 3, 'L3', {}, 'j'), ...reports('m', 3, 'L5', {}, 's')),
    );
    expect(half.manager('m')).toMatchObject({ targetKind: 'experienced-senior', status: 'ok' });
  });

  it('counts unknown levels, missing levels, assistants and aggregates out of team seniority', () => {
    const { manager } = run(
      people(
        ['m', null],
        ['a', 'm', { level: 'L6' }],
        ['b', 'm', { level: 'X9' }],
        ['c', 'm'],
        ['pa', 'm', { level: 'L6', isAssistant: true }],
        ['agg', 'm', { aggregate: true, fte: 3, level: 'L6' }],
      ),
    );
    // 1 senior of 3 counted reports: a junior team.
    expect(manager('m')).toMatchObject({
      targetKind: 'experienced-junior',
      directReports: 7,
      countedSpan: 6,
    });
  });

  it('gives a manager with no individual reports a junior team', () => {
    const { manager } = run(people(['m', null], ['agg', 'm', { aggregate: true, fte: 5 }]));
    expect(manager('m')).toMatchObject({ targetKind: 'experienced-junior', countedSpan: 5, status: 'ok' });
  });

  it('uses the new-manager target (4–5) within 365 days of the as-of date', () => {
    const at = (since: string) =>
      run(people(['m', null, { managerSince: since }], ...reports('m', 6))).manager('m');
    expect(at('2025-01-02')).toMatchObject({
      targetKind: 'new-manager',
      target: { min: 4, max: 5 },
      status: 'over',
    });
    expect(at('2025-01-01')).toMatchObject({ targetKind: 'experienced-senior', status: 'ok' });
    const { findings } = run(people(['m', null, { managerSince: '2025-09-01' }], ...reports('m', 6)));
    expect(findings[0].message).toBe(
      'm, new first-line manager (managing since 2025-09-01), has 6 direct reports; target 4–5.',
    );
  });

  it('flags a single direct report (assistants aside) before under, naming the report', () => {
    const { manager, findings } = run(
      people(
        ['top', null, { name: 'Top' }],
        ['m', 'top', { name: 'Mo' }],
        ['r', 'm', { name: 'Ray', level: 'L4' }],
        ['asst', 'm', { isAssistant: true }],
        ...reports('top', 5),
      ),
    );
    expect(manager('m')).toMatchObject({ directReports: 2, countedSpan: 1, status: 'single', layer: 2 });
    const f = findings.find((x) => x.subject.id === 'm')!;
    expect(f.code).toBe('span.single');
    expect(f.message).toBe(
      'Mo (m), first-line manager of a senior team, has a single direct report (assistants aside), Ray (r): a layer that adds little.',
    );
    expect(f.fix).toBe(
      'Have Ray (r) report to Top (top) and remove this layer, or give Mo (m) a team of 6–8.',
    );
    expect(f.data).toMatchObject({ reportId: 'r' });
  });

  it('flags a span below the target (span.under) with the deficit', () => {
    const { manager, findings } = run(people(['m', null], ...reports('m', 3, 'L3')));
    expect(manager('m').status).toBe('under');
    expect(findings[0]).toMatchObject({ code: 'span.under', severity: 'warning', data: { deficit: 2 } });
    expect(findings[0].message).toBe(
      'm, first-line manager of a junior team, has 3 direct reports; target 5–6.',
    );
  });

  it('raises no finding for a span within the target', () => {
    const { manager, findings } = run(people(['m', null], ...reports('m', 5, 'L3')));
    expect(manager('m').status).toBe('ok');
    expect(findings).toEqual([]);
  });

  it('reads team seniority from the policy of each analysis of one org (record columns are cached per org)', () => {
    const org = createOrg({
      id: 'o',
      name: 'O',
      asOf: AS_OF,
      people: people(['m', null], ...reports('m', 6, 'L4')),
    });
    const kindWith = (seniorRank: number) =>
      analyzeSpans(createAnalysisContext(org, { policy: createPolicy({ seniorRank }) }))[0].targetKind;
    expect(kindWith(4)).toBe('experienced-senior');
    expect(kindWith(5)).toBe('experienced-junior');
    expect(kindWith(4)).toBe('experienced-senior');
  });

  it('follows the policy numbers', () => {
    const policy: Policy = createPolicy({
      span: { experiencedSenior: { min: 2, max: 3 }, criticalFactor: 3 },
    });
    const { manager } = run(people(['m', null], ...reports('m', 8)), { policy });
    expect(manager('m')).toMatchObject({ target: { min: 2, max: 3 }, status: 'over' });
    const senior = run(people(['m', null], ...reports('m', 2, 'L5'), ...reports('m', 2, 'L3', {}, 'j')), {
      policy: createPolicy({ seniorRank: 5, span: { seniorShare: 0.6 } }),
    });
    expect(senior.manager('m').targetKind).toBe('experienced-junior');
  });
});

describe('span of control: aggregates', () => {
  it('counts an aggregate as its FTE rounded up and marks the span estimated (findings info)', () => {
    const { manager, findings } = run(
      people(['m', null], ['a', 'm', { level: 'L3' }], ['posts', 'm', { aggregate: true, fte: 9.2 }]),
    );
    expect(manager('m')).toMatchObject({
      directReports: 11,
      countedSpan: 11,
      estimated: true,
      status: 'over',
    });
    expect(findings[0]).toMatchObject({ code: 'span.over', severity: 'info' });
    expect(findings[0].message).toContain('estimated from FTE');
  });

  it('treats one aggregate of at most 1 FTE as a single report, and of 2 FTE as two', () => {
    const one = run(people(['m', null], ['posts', 'm', { aggregate: true, fte: 0.5 }]));
    expect(one.manager('m')).toMatchObject({ status: 'single', directReports: 1 });
    expect(one.findings[0]).toMatchObject({ code: 'span.single', severity: 'info' });
    const two = run(people(['m', null], ['posts', 'm', { aggregate: true, fte: 2 }]));
    expect(two.manager('m')).toMatchObject({ status: 'under', countedSpan: 2 });
  });

  it('never makes an aggregate a manager', () => {
    const { managers } = run(
      people(['m', null], ['posts', 'm', { aggregate: true, fte: 3 }], ['x', 'posts']),
    );
    expect(managers.map((m) => m.id)).toEqual(['m']);
    expect(managers[0].role).toBe('first-line');
  });
});

describe('span of control: managers of managers and executives', () => {
  /** vp → dir → em1, em2 (6 ICs each) + 2 ICs + an assistant under dir. */
  const org = () =>
    people(
      ['vp', null, { name: 'Vi' }],
      ['dir', 'vp', { name: 'Di' }],
      ['em1', 'dir'],
      ['em2', 'dir'],
      ['ic1', 'dir', { level: 'L5' }],
      ['ic2', 'dir', { level: 'L5' }],
      ['pa', 'dir', { isAssistant: true }],
      ...reports('em1', 6),
      ...reports('em2', 6),
    );

  it('counts only the managers for a manager of managers and lists direct ICs apart', () => {
    const { manager, findings } = run(org());
    expect(manager('dir')).toMatchObject({
      role: 'manager-of-managers',
      directReports: 5,
      countedSpan: 2,
      directIcs: 2,
      targetKind: 'manager-of-managers',
      target: { min: 4, max: 6 },
      status: 'under',
      subtreeSize: 17,
    });
    const f = findings.find((x) => x.subject.id === 'dir')!;
    expect(f.message).toBe(
      'Di (dir), manager of managers, has 2 managers reporting directly (plus 2 ICs reporting directly); target 4–6 managers.',
    );
  });

  it('makes a manager of a manager of managers an executive (3–5), single before under', () => {
    const { manager } = run(org());
    expect(manager('vp')).toMatchObject({
      role: 'executive',
      targetKind: 'executive',
      target: { min: 3, max: 5 },
      countedSpan: 1,
      directIcs: 0,
      status: 'single',
    });
    expect(manager('em1')).toMatchObject({ role: 'first-line', status: 'ok' });
  });

  it('lists managers in reporting order from the top', () => {
    expect(run(org()).managers.map((m) => m.id)).toEqual(['vp', 'dir', 'em1', 'em2']);
  });

  it('gives managers in a reporting loop a role without looping forever', () => {
    const { managers } = run(people(['a', 'b'], ['b', 'a'], ['c', 'a']));
    expect(managers.map((m) => [m.id, m.role, m.layer, m.subtreeSize])).toEqual([
      ['a', 'executive', 0, 0],
      ['b', 'executive', 0, 0],
    ]);
  });
});

describe('manager time (1:1 load)', () => {
  it('gives a CTO with 8 directs and no skip-levels 4 hours a week', () => {
    const { manager } = run(people(['cto', null], ...reports('cto', 8)));
    expect(manager('cto').weeklyOneOnOneHours).toBe(4);
  });

  it('adds skip-level 1:1s monthly: 2 directs × 30 min + 10 skips × 30 min / 4.33 = 2.15 h', () => {
    const { manager } = run(
      people(['m', null], ['a', 'm'], ['b', 'm'], ...reports('a', 5), ...reports('b', 4), [
        'agg',
        'b',
        { aggregate: true, fte: 0.4 },
      ]),
    );
    expect(manager('m').weeklyOneOnOneHours).toBe(2.15);
  });

  it('gives no hours on an estimated span (posts counted by FTE report directly), and says why', () => {
    // b has 4 people and an aggregate of 2.5 FTE: how many 1:1s that is depends on who holds the posts.
    const { manager } = run(
      people(['m', null], ['a', 'm'], ['b', 'm'], ...reports('a', 5), ...reports('b', 4), [
        'agg',
        'b',
        { aggregate: true, fte: 2.5 },
      ]),
    );
    expect(manager('b')).toMatchObject({
      directReports: 7,
      estimated: true,
      weeklyOneOnOneHours: null,
      weeklyOneOnOneHoursNote: 'n/a, posts counted by FTE',
    });
    // a: 5 people, 5 × 30 min = 2.5 h, no note; m: 2 directs × 30 min + (5 + 4 + 3) skips × 30 min / 4.33 = 2.39 h.
    expect(manager('a').weeklyOneOnOneHours).toBe(2.5);
    expect(manager('a').weeklyOneOnOneHoursNote).toBeUndefined();
    expect(manager('m').weeklyOneOnOneHours).toBe(2.39);
  });

  it('follows the policy minutes', () => {
    const policy = createPolicy({ oneOnOne: { minutesPerReport: 45 } });
    const { manager } = run(people(['m', null], ...reports('m', 4)), { policy });
    expect(manager('m').weeklyOneOnOneHours).toBe(3);
  });
});

describe('getNewManagerCutoff', () => {
  it('makes "since > cutoff" the same as fewer than newManagerDays whole days before asOf', () => {
    const day = fc
      .integer({ min: 0, max: 20_000 })
      .map((d) => new Date(Date.UTC(2000, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.integer({ min: 1, max: 2_000 }), (since, asOf, days) => {
        const ctx = createAnalysisContext(
          createOrg({ id: 'o', name: 'O', asOf, policy: { span: { newManagerDays: days } } }),
        );
        expect(since > getNewManagerCutoff(ctx)).toBe(daysBetween(since, asOf) < days);
      }),
    );
    expect(
      getNewManagerCutoff(createAnalysisContext(createOrg({ id: 'o', name: 'O', asOf: '2024-03-01' }))),
    ).toBe('2023-03-02');
  });
});
