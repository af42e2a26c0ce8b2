import { describe, expect, it } from 'vitest';
import { createOrg } from '../schema/org';
import type { PersonInput } from '../schema/person';
import { createPolicy, type Policy } from '../schema/policy';
import type { Finding } from '../schema/report';
import type { RuleCode } from '../schema/rules';
import type { TeamInput } from '../schema/team';
import { createAnalysisContext } from './context';
import { checkPeopleOnLadder } from './ladder-people';

/** Runs the people-on-ladder checks on the default ladder (L3-L6, M5-M7) and keeps one rule's findings. */
function check(code: RuleCode, people: PersonInput[], teams: TeamInput[] = [], policy?: Policy): Finding[] {
  const org = createOrg({ id: 'o', name: 'O', asOf: '2025-06-30', people, teams });
  const ctx = createAnalysisContext(org, policy ? { policy } : {});
  checkPeopleOnLadder(ctx);
  return ctx.findings.filter((f) => f.code === code);
}
const subjects = (fs: Finding[]) => fs.map((f) => f.subject.id);

describe('ladder.level_unknown', () => {
  it('gives one error per unknown level id, and none for a missing level', () => {
    const fs = check('ladder.level_unknown', [
      { id: 'a', level: 'L4' },
      { id: 'b', name: 'Bea', level: 'G7' },
      { id: 'c', level: 'G7' },
      { id: 'd', level: 'l4' },
      { id: 'e' },
      { id: 'f', level: '' },
    ]);
    expect(fs.map((f) => [f.subject, f.severity, f.data])).toEqual([
      [{ kind: 'level', id: 'G7' }, 'error', { level: 'G7', count: 2, ids: ['b', 'c'], suggestion: null }],
      [{ kind: 'level', id: 'l4' }, 'error', { level: 'l4', count: 1, ids: ['d'], suggestion: 'L4' }],
    ]);
    expect(fs[0].message).toBe(
      'Level G7 is not in the ladder "Default engineering ladder"; 2 records use it: Bea (b), c.',
    );
    expect(fs[0].fix).toContain('L3, L4, L5, L6, M5, M6, M7');
    expect(fs[1].fix).toBe('Change the level of these records from l4 to L4 (level ids are case-sensitive).');
  });

  it('names the first 10 records and lists every id in data', () => {
    const people = Array.from({ length: 12 }, (_, k) => ({ id: `p${k + 1}`, level: 'X' }));
    const [f] = check('ladder.level_unknown', people);
    expect(f.message).toContain('12 records use it: p1, p2, p3, p4, p5, p6, p7, p8, p9, p10 and 2 more.');
    expect((f.data.ids as string[]).length).toBe(12);
  });
});

describe('ladder.inversion', () => {
  const people: PersonInput[] = [
    { id: 'm', name: 'Mo', level: 'M5' },
    { id: 'r1', name: 'Ria', level: 'L6', managerId: 'm' },
    { id: 'r2', level: 'L5', managerId: 'm' },
    { id: 'r3', level: 'L4', managerId: 'm' },
    { id: 'r4', level: 'G9', managerId: 'm' },
    { id: 'r5', managerId: 'm' },
    { id: 'agg', level: 'L6', managerId: 'm', aggregate: true, fte: 3 },
    { id: 'top', level: 'L6' },
  ];

  it('warns for a report ranked above the manager, informs for the same rank, skips unknown levels', () => {
    const fs = check('ladder.inversion', people);
    expect(fs.map((f) => [f.subject.id, f.severity])).toEqual([
      ['r1', 'warning'],
      ['r2', 'info'],
      ['agg', 'warning'],
    ]);
    expect(fs[0].data).toEqual({ managerId: 'm', level: 'L6', rank: 6, managerLevel: 'M5', managerRank: 5 });
    expect(fs[0].message).toBe(
      'Ria (r1) at Principal Engineer (L6, rank 6) is ranked above their manager Mo (m) at Engineering Manager (M5, rank 5).',
    );
    expect(fs[1].message).toContain('has the same rank as their manager Mo (m)');
  });

  it('is quiet when every report is ranked below the manager', () => {
    expect(check('ladder.inversion', [{ id: 'm', level: 'M7' }, ...people.slice(1)])).toEqual([]);
  });
});

describe('ladder.informal_manager', () => {
  it('flags an IC-track person with reports, counting an aggregate as its FTE rounded up', () => {
    const fs = check('ladder.informal_manager', [
      { id: 'lead', name: 'Lee', level: 'L5' },
      { id: 'x', managerId: 'lead', level: 'L3' },
      { id: 'y', managerId: 'lead' },
      { id: 'agg', managerId: 'lead', aggregate: true, fte: 2.5 },
    ]);
    expect(fs.map((f) => [f.subject.id, f.severity, f.data])).toEqual([
      ['lead', 'warning', { level: 'L5', rank: 5, directReports: 5, reportIds: ['x', 'y', 'agg'] }],
    ]);
    expect(fs[0].message).toContain(
      'Lee (lead) is on the IC track at Staff Engineer (L5, rank 5) but has 5 direct reports',
    );
    expect(fs[0].fix).toContain(
      'Move Lee (lead) to the manager track at Engineering Manager (M5, rank 5), a lateral move',
    );
  });

  it('suggests a manager-track level when there is no lateral one', () => {
    const [f] = check('ladder.informal_manager', [
      { id: 'a', level: 'L3' },
      { id: 'b', managerId: 'a' },
    ]);
    expect(f.fix).toContain('Move a to a manager-track level');
  });

  it('ignores managers on the manager track, ICs without reports and unknown levels', () => {
    const fs = check('ladder.informal_manager', [
      { id: 'm', level: 'M5' },
      { id: 'a', level: 'L4', managerId: 'm' },
      { id: 'u', level: 'Z1' },
      { id: 'b', managerId: 'u' },
    ]);
    expect(fs).toEqual([]);
  });
});

describe('ladder.manager_without_reports', () => {
  const people: PersonInput[] = [
    { id: 'm1', level: 'M5' },
    { id: 'm2', level: 'M5', status: 'open' },
    { id: 'm3', level: 'M7', status: 'planned' },
    { id: 'm4', level: 'M6' },
    { id: 'r', level: 'L4', managerId: 'm4' },
    { id: 'agg', level: 'M5', aggregate: true, fte: 2 },
  ];

  it('informs on manager-track people with no reports, saying when the position is open or planned', () => {
    const fs = check('ladder.manager_without_reports', people);
    expect(fs.map((f) => [f.subject.id, f.severity, f.data.status])).toEqual([
      ['m1', 'info', 'active'],
      ['m2', 'info', 'open'],
      ['m3', 'info', 'planned'],
    ]);
    expect(fs[0].message).toBe(
      'm1 is at manager level Engineering Manager (M5, rank 5) but has no direct reports.',
    );
    expect(fs[0].fix).toContain('the IC level of the same rank, Staff Engineer (L5, rank 5)');
    expect(fs[1].message).toContain('(an open requisition: reports may come once it is filled)');
    expect(fs[2].message).toContain('(a planned hire:');
  });
});

describe('ladder.no_senior_in_team', () => {
  const team: TeamInput = { id: 't', name: 'Core', managerId: 'em' };
  const base: PersonInput[] = [
    { id: 'em', level: 'M5', teamId: 't' },
    { id: 'a', level: 'L3', teamId: 't', managerId: 'em' },
    { id: 'b', level: 'L3', teamId: 't', managerId: 'em' },
    { id: 'c', level: 'L3', teamId: 't', managerId: 'em' },
  ];
  const noSenior = (people: PersonInput[], teams = [team], policy?: Policy) =>
    check('ladder.no_senior_in_team', people, teams, policy);

  it('warns on a team of 3 ICs none of whom is senior (the manager aside)', () => {
    const fs = noSenior(base);
    expect(fs.map((f) => [f.subject, f.severity, f.data])).toEqual([
      [{ kind: 'team', id: 't' }, 'warning', { ics: 3, minIcs: 3, seniorRank: 4, icIds: ['a', 'b', 'c'] }],
    ]);
    expect(fs[0].message).toBe(
      'Team Core (t) has 3 ICs and none at or above the senior rank 4: a at L3, b at L3, c at L3.',
    );
    expect(fs[0].fix).toContain('e.g. Senior Engineer (L4, rank 4)');
  });

  it('is quiet with a senior IC, with fewer than 3 ICs, or with a different policy', () => {
    expect(noSenior([...base, { id: 'd', level: 'L4', teamId: 't', managerId: 'em' }])).toEqual([]);
    expect(noSenior(base.slice(0, 3))).toEqual([]);
    expect(noSenior(base, [team], createPolicy({ seniorRank: 3 }))).toEqual([]);
    expect(noSenior(base, [team], createPolicy({ teams: { noSeniorMinIcs: 4 } }))).toEqual([]);
  });

  it('does not count leaving people, aggregates or members who manage someone', () => {
    expect(subjects(noSenior([...base, { id: 'd', level: 'L5', teamId: 't', status: 'leaving' }]))).toEqual([
      't',
    ]);
    const fewer = [
      ...base.slice(0, 3),
      { id: 'agg', level: 'L3', teamId: 't', aggregate: true, fte: 5 },
      { id: 'lead', level: 'L3', teamId: 't' },
      { id: 'x', managerId: 'lead' },
    ];
    expect(noSenior(fewer)).toEqual([]);
  });

  it('counts a missing or unknown level as not senior, and skips groups', () => {
    const people = [...base.slice(0, 3), { id: 'c', level: 'Senior', teamId: 't' }, { id: 'd', teamId: 't' }];
    expect(noSenior(people)[0].data.ics).toBe(4);
    expect(noSenior(base, [{ ...team, kind: 'group' }])).toEqual([]);
  });

  it('says once that it was skipped when no IC in any team has a level on the ladder', () => {
    // Two teams of 3 and 4 ICs with no levels (GitLab's team page has no level column), one IC at
    // a level not on the ladder: 7 ICs, 2 teams that would each have been flagged.
    const teams: TeamInput[] = [team, { id: 'u', name: 'Edge', managerId: 'em2' }];
    const unlevelled: PersonInput[] = [
      { id: 'em', teamId: 't' },
      ...['a', 'b', 'c'].map((id) => ({ id, teamId: 't', managerId: 'em' })),
      { id: 'em2', teamId: 'u' },
      ...['d', 'e', 'f'].map((id) => ({ id, teamId: 'u', managerId: 'em2' })),
      { id: 'g', teamId: 'u', managerId: 'em2', level: 'Senior' },
    ];
    expect(noSenior(unlevelled, teams)).toEqual([]);
    const skipped = check('analysis.check_skipped', unlevelled, teams);
    expect(skipped.map((f) => [f.severity, f.subject, f.data])).toEqual([
      [
        'info',
        { kind: 'org', id: 'o' },
        {
          rule: 'ladder.no_senior_in_team',
          reason:
            'none of the 7 ICs in teams has a level on the ladder, so seniority is unknown (2 teams would each have been flagged)',
          ics: 7,
          teams: 2,
        },
      ],
    ]);
    expect(skipped[0].message).toBe(
      'Check ladder.no_senior_in_team was skipped: none of the 7 ICs in teams has a level on the ladder, so seniority is unknown (2 teams would each have been flagged).',
    );
    // One IC on the ladder anywhere and the check runs: both teams are flagged.
    const oneLevelled = unlevelled.map((p) => (p.id === 'a' ? { ...p, level: 'L3' } : p));
    expect(subjects(noSenior(oneLevelled, teams))).toEqual(['t', 'u']);
    expect(check('analysis.check_skipped', oneLevelled, teams)).toEqual([]);
  });
});
