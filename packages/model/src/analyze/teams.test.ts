import { describe, expect, it } from 'vitest';
import { createOrg } from '../schema/org';
import type { PersonInput } from '../schema/person';
import { createPolicy, type Policy } from '../schema/policy';
import type { Finding } from '../schema/report';
import type { TeamInput } from '../schema/team';
import { createAnalysisContext } from './context';
import { analyzeTeams, formatNameList, getTeamMembers, plural } from './teams';

function run(people: PersonInput[], teams: TeamInput[], policy?: Policy) {
  const org = createOrg({ id: 'acme', name: 'Acme', asOf: '2025-06-30', people, teams });
  const ctx = createAnalysisContext(org, policy ? { policy } : {});
  const rows = analyzeTeams(ctx);
  return { rows, findings: ctx.findings, ctx };
}
const codes = (fs: Finding[]) => fs.map((f) => `${f.code}:${f.subject.id}`);
/** `n` people `${prefix}1..n` in `teamId`, reporting to `managerId`. */
const crew = (
  prefix: string,
  n: number,
  teamId: string,
  managerId: string | null,
  extra: Partial<PersonInput> = {},
) => Array.from({ length: n }, (_, k) => ({ id: `${prefix}${k + 1}`, teamId, managerId, ...extra }));

describe('analyzeTeams: rows', () => {
  const teams: TeamInput[] = [
    { id: 'g1', name: 'Product', kind: 'group' },
    { id: 'g2', name: 'Payments group', kind: 'group', parentId: 'g1' },
    { id: 't1', name: 'Checkout', parentId: 'g2', managerId: 'p1' },
    { id: 't2', name: 'Billing', parentId: 'g1', managerId: 'p3' },
    { id: 't3', name: 'Tools', managerId: 'p4' },
    { id: 'gA', name: 'Loop A', kind: 'group', parentId: 'gB' },
    { id: 'gB', name: 'Loop B', kind: 'group', parentId: 'gA' },
    { id: 'tC', name: 'In the loop', parentId: 'gA', managerId: 'p5' },
  ];
  const people: PersonInput[] = [
    { id: 'd1', teamId: 'g1', cost: 200_000 },
    { id: 'p1', teamId: 't1', cost: 100_000 },
    { id: 'p2', teamId: 't1', cost: 90_000, status: 'open' },
    { id: 'agg', teamId: 't1', aggregate: true, fte: 2.5, cost: 150_000 },
    { id: 'p3', teamId: 't2', fte: 0.5 },
    { id: 'p4', teamId: 't3', cost: 50_000 },
    { id: 'p6', teamId: 't3', fte: 0.1, status: 'leaving' },
    { id: 'p7', teamId: 't3', fte: 0.2, status: 'planned' },
    { id: 'p5', teamId: 'tC', cost: 10_000 },
  ];

  it('sums headcount (no aggregates), FTE and cost per team, and groups recursively', () => {
    const { rows } = run(people, teams);
    const byId = Object.fromEntries(rows.map((r) => [r.id, [r.headcount, r.fte, r.cost]]));
    expect(byId).toEqual({
      g1: [4, 6, 540_000], // d1 + t1 (p1, p2, agg) + t2 (p3) + g2 (empty itself)
      g2: [2, 4.5, 340_000],
      t1: [2, 4.5, 340_000],
      t2: [1, 0.5, 0],
      t3: [3, 1.3, 50_000], // 1 + 0.1 + 0.2 without float noise; leaving people still counted in rows
      gA: [1, 1, 10_000], // the gA <-> gB parent loop is cut
      gB: [1, 1, 10_000],
      tC: [1, 1, 10_000],
    });
  });

  it('keeps team order and copies kind, type, parent and manager', () => {
    const { rows } = run(people, teams);
    expect(rows.map((r) => r.id)).toEqual(['g1', 'g2', 't1', 't2', 't3', 'gA', 'gB', 'tC']);
    expect(rows[2]).toMatchObject({
      name: 'Checkout',
      kind: 'team',
      type: 'stream-aligned',
      parentId: 'g2',
      managerId: 'p1',
    });
  });

  it('never applies team rules to groups', () => {
    const { findings } = run(people, teams);
    expect(findings.filter((f) => ['g1', 'g2', 'gA', 'gB'].includes(f.subject.id))).toEqual([]);
  });
});

describe('team.size_small / team.size_large', () => {
  const team = (over: Partial<TeamInput> = {}): TeamInput => ({
    id: 't',
    name: 'Core',
    managerId: 'em',
    ...over,
  });
  const sizeFindings = (people: PersonInput[], teams: TeamInput[], policy?: Policy) =>
    run(people, teams, policy).findings.filter((f) => f.code.startsWith('team.size'));

  it('counts the manager once when outside the team: 4 members + manager = 5 is fine, 3 + 1 is small', () => {
    expect(sizeFindings([{ id: 'em' }, ...crew('a', 4, 't', 'em')], [team()])).toEqual([]);
    const small = sizeFindings([{ id: 'em' }, ...crew('a', 3, 't', 'em')], [team()]);
    expect(codes(small)).toEqual(['team.size_small:t']);
    expect(small[0].data).toMatchObject({ size: 4, min: 5, max: 9, managerId: 'em' });
    expect(small[0].message).toContain('has 4 people, manager included');
    expect(small[0].fix).toContain('at least 5 (1 more)');
  });

  it('does not count a manager who is a member twice', () => {
    const people = [{ id: 'em', teamId: 't' }, ...crew('a', 3, 't', 'em')];
    expect(sizeFindings(people, [team()])[0].data.size).toBe(4);
  });

  it('counts an aggregate as its FTE rounded up and leaves out leaving people', () => {
    const people: PersonInput[] = [
      { id: 'em' },
      { id: 'agg', teamId: 't', managerId: 'em', aggregate: true, fte: 2.5 },
      { id: 'a1', teamId: 't', managerId: 'em' },
      { id: 'a2', teamId: 't', managerId: 'em', status: 'leaving' },
    ];
    // em 1 + agg ceil(2.5) = 3 + a1 1 = 5 (a2 is leaving): fine at 5-9, small at 6-9.
    expect(sizeFindings(people, [team()])).toEqual([]);
    const fs = sizeFindings(people, [team()], createPolicy({ teams: { minSize: 6 } }));
    expect(fs[0].data).toMatchObject({ size: 5, min: 6, memberIds: ['agg', 'a1'], leavingIds: ['a2'] });
    expect(fs[0].message).toContain('has 5 people, manager included (1 leaving not counted)');
  });

  it('flags a team above the max, and follows the policy', () => {
    const people = [{ id: 'em', teamId: 't' }, ...crew('a', 9, 't', 'em')];
    const large = sizeFindings(people, [team()]);
    expect(codes(large)).toEqual(['team.size_large:t']);
    expect(large[0].data.size).toBe(10);
    expect(large[0].fix).toContain('move 1 person to other teams');
    expect(sizeFindings(people, [team()], createPolicy({ teams: { maxSize: 10 } }))).toEqual([]);
  });

  it('flags an empty team as small', () => {
    const fs = sizeFindings([{ id: 'em' }], [team()]);
    expect(fs.map((f) => f.data.size)).toEqual([1]);
    const [alone] = sizeFindings([], [team({ managerId: null })]);
    expect(alone.message).toBe(
      'Team Core (t) has 0 people, and no manager: fewer than the 5–9 a team works best with.',
    );
  });
});

describe('team.no_manager', () => {
  const noManager = (teams: TeamInput[]) =>
    run(crew('a', 5, 't', null), teams).findings.filter((f) => f.code === 'team.no_manager');

  it('flags a team with no manager and one whose manager matches no record', () => {
    const none = noManager([{ id: 't', name: 'Core' }]);
    expect(none.map((f) => [f.subject, f.severity, f.message])).toEqual([
      [{ kind: 'team', id: 't' }, 'warning', 'Team Core (t) has no manager.'],
    ]);
    const ghost = noManager([{ id: 't', name: 'Core', managerId: 'ghost' }]);
    expect(ghost[0].message).toBe('Team Core (t) names manager ghost, who matches no record.');
    expect(ghost[0].data).toEqual({ managerId: 'ghost' });
  });

  it('is quiet when the manager exists', () => {
    expect(noManager([{ id: 't', name: 'Core', managerId: 'a1' }])).toEqual([]);
  });
});

describe('team.split_reporting', () => {
  const split = (people: PersonInput[]) =>
    run(people, [{ id: 't', name: 'Core', managerId: 'em' }]).findings.filter(
      (f) => f.code === 'team.split_reporting',
    );

  it('flags members reporting to two managers outside the team', () => {
    const fs = split([
      { id: 'em', teamId: 't' },
      { id: 'x', name: 'Xena' },
      { id: 'y', name: 'Yuri' },
      { id: 'a', teamId: 't', managerId: 'em' },
      { id: 'b', teamId: 't', managerId: 'x' },
      { id: 'c', teamId: 't', managerId: 'y' },
      { id: 'd', teamId: 't', managerId: 'y' },
    ]);
    expect(fs.map((f) => [f.severity, f.data])).toEqual([
      ['info', { managerIds: ['x', 'y'], byManager: { x: ['b'], y: ['c', 'd'] } }],
    ]);
    expect(fs[0].message).toContain('report to 2 managers');
    expect(fs[0].message).toContain('Yuri (y) manages c, d');
    expect(fs[0].fix).toContain('report to its manager em');
  });

  it('ignores lines to the manager, to other members and a single outside manager', () => {
    expect(
      split([
        { id: 'em' },
        { id: 'x' },
        { id: 'lead', teamId: 't', managerId: 'em' },
        { id: 'a', teamId: 't', managerId: 'lead' },
        { id: 'b', teamId: 't', managerId: 'x' },
        { id: 'c', teamId: 't', managerId: 'x' },
      ]),
    ).toEqual([]);
  });
});

describe('team.cognitive_load', () => {
  const load = (domains: TeamInput['domains']) =>
    run([], [{ id: 't', name: 'Core', domains }]).findings.filter((f) => f.code === 'team.cognitive_load');
  const d = (name: string, complexity: 'simple' | 'complicated' | 'complex' = 'simple') => ({
    name,
    complexity,
  });

  it('flags more than 3 domains, a complex domain with another, and two complicated domains', () => {
    const many = load([d('a'), d('b'), d('c'), d('e')]);
    expect(many[0].message).toContain('4 domains, more than 3');
    expect(many[0].data).toMatchObject({ count: 4, maxDomains: 3 });
    const complex = load([d('risk', 'complex'), d('ui')]);
    expect(complex[0].message).toContain('a complex domain (risk) alongside 1 other domain');
    expect(complex[0].data).toMatchObject({ complex: ['risk'], complicated: [] });
    const complicated = load([d('tax', 'complicated'), d('fx', 'complicated')]);
    expect(complicated[0].message).toContain('2 complicated domains (tax, fx)');
  });

  it('gives one finding listing every reason', () => {
    const fs = load([d('risk', 'complex'), d('tax', 'complicated'), d('fx', 'complicated'), d('ui')]);
    expect(fs).toHaveLength(1);
    expect(fs[0].message.split('; ')).toHaveLength(3);
  });

  it('accepts 3 domains with one complicated, and a complex domain alone', () => {
    expect(load([d('a', 'complicated'), d('b'), d('c')])).toEqual([]);
    expect(load([d('risk', 'complex')])).toEqual([]);
    expect(load([])).toEqual([]);
  });
});

describe('org.no_platform', () => {
  const noPlatform = (people: PersonInput[], teams: TeamInput[], policy?: Policy) =>
    run(people, teams, policy).findings.filter((f) => f.code === 'org.no_platform');
  const streamTeams: TeamInput[] = [
    { id: 's1', name: 'S1' },
    { id: 's2', name: 'S2' },
    { id: 'e1', name: 'Enable', type: 'enabling' },
  ];
  const people = [
    ...crew('a', 11, 's1', null),
    ...crew('b', 10, 's2', null),
    ...crew('c', 5, 'e1', null),
    { id: 'agg', teamId: 's1', aggregate: true, fte: 4 },
    { id: 'gone', teamId: 's2', status: 'leaving' as const },
  ];

  it('flags more than 20 people in stream-aligned teams with no platform team', () => {
    const fs = noPlatform(people, streamTeams);
    expect(fs.map((f) => [f.subject, f.severity, f.data])).toEqual([
      [
        { kind: 'org', id: 'acme' },
        'info',
        { engineers: 21, threshold: 20, streamAlignedTeamIds: ['s1', 's2'], basis: 'team-type' },
      ],
    ]);
    expect(fs[0].message).toBe(
      '21 engineers work in 2 stream-aligned teams (more than 20) and there is no platform team ' +
        '(every team counted as engineering, since the org types its teams).',
    );
  });

  describe('with every team of the default type (as imports give), by names and titles', () => {
    // Sales has 12 people, Payments BE Team 9 (named), Checkout 8 of whom 5 are engineers by title
    // and 3 untitled (5 of 5 titled: engineering), Finance 6 with 2 engineers of 6 titled (not).
    const teams: TeamInput[] = [
      { id: 'eng', name: 'Engineering Division', kind: 'group' },
      { id: 'sales', name: 'Sales' },
      { id: 'pay', name: 'Payments BE Team' },
      { id: 'chk', name: 'Checkout', parentId: 'nothing' },
      { id: 'fin', name: 'Finance' },
      { id: 'core', name: 'Core', parentId: 'eng' },
      { id: 'sup', name: 'Customer Support', parentId: 'eng' },
    ];
    const staff = [
      ...crew('s', 12, 'sales', null, { title: 'Account Executive' }),
      ...crew('p', 9, 'pay', null),
      ...crew('c', 5, 'chk', null, { title: 'Senior Backend Engineer' }),
      ...crew('cu', 3, 'chk', null),
      ...crew('f', 4, 'fin', null, { title: 'Accountant' }),
      ...crew('fe', 2, 'fin', null, { title: 'Software Engineer' }),
      ...crew('k', 5, 'core', null),
      { id: 'se', teamId: 'sales', title: 'Sales Engineer' },
      ...crew('su', 6, 'sup', null, { title: 'Support Engineer' }),
    ];

    it('counts engineering teams only and says how it decided', () => {
      const [f] = noPlatform(staff, teams);
      // pay 9 + chk 8 + core 5 (its group is "Engineering Division") = 22 engineers; sales, fin and
      // Customer Support (in the engineering division, but support by its own name and titles) not.
      expect(f.data).toEqual({
        engineers: 22,
        threshold: 20,
        streamAlignedTeamIds: ['pay', 'chk', 'core'],
        basis: 'keywords',
        teamsByName: 2,
        teamsByTitle: 1,
      });
      expect(f.message).toBe(
        '22 engineers work in 3 stream-aligned teams (more than 20) and there is no platform team ' +
          "(engineering teams read from the data: 2 teams by team or department name, 1 team by members' job titles; 3 stream-aligned teams counted).",
      );
    });

    it('is quiet when the engineering teams are small, however many others there are', () => {
      expect(
        noPlatform(
          staff.filter((p) => p.teamId !== 'core'),
          teams,
        ),
      ).toEqual([]);
    });

    it('says once that it was skipped when no team is an engineering one', () => {
      const { findings } = run(
        [...crew('s', 15, 'sales', null), ...crew('f', 10, 'fin', null, { title: 'Accountant' })],
        teams.filter((t) => t.id === 'sales' || t.id === 'fin'),
      );
      const skipped = findings.filter((f) => f.code.startsWith('analysis.') || f.code === 'org.no_platform');
      expect(skipped.map((f) => [f.code, f.severity, f.data])).toEqual([
        [
          'analysis.check_skipped',
          'info',
          {
            rule: 'org.no_platform',
            reason:
              'no team is an engineering team by team type, team or department name, or job titles (25 people in stream-aligned teams were not counted as engineers)',
            people: 25,
          },
        ],
      ]);
    });
  });

  it('is quiet at 20, with a platform team, or with a higher threshold', () => {
    expect(noPlatform(people.slice(1), streamTeams)).toEqual([]);
    expect(noPlatform(people, [...streamTeams, { id: 'p', name: 'Platform', type: 'platform' }])).toEqual([]);
    expect(noPlatform(people, streamTeams, createPolicy({ teams: { noPlatformEngineers: 21 } }))).toEqual([]);
  });

  it('does not count a platform group as a platform team', () => {
    const withGroup = [
      ...streamTeams,
      { id: 'pg', name: 'Platform', kind: 'group' as const, type: 'platform' as const },
    ];
    expect(noPlatform(people, withGroup)).toHaveLength(1);
  });
});

describe('helpers', () => {
  it('lists members by team id in record order', () => {
    const { ctx } = run([{ id: 'a', teamId: 't' }, { id: 'b' }, { id: 'c', teamId: 't' }], []);
    expect(Object.fromEntries(getTeamMembers(ctx.graph))).toEqual({ t: [0, 2] });
  });

  it('formats lists and plurals', () => {
    expect(formatNameList(['a', 'b', 'c'], 2)).toBe('a, b and 1 more');
    expect(formatNameList(['a', 'b'], 2)).toBe('a, b');
    expect(plural(1, 'person', 'people')).toBe('1 person');
    expect(plural(2, 'team')).toBe('2 teams');
  });
});
