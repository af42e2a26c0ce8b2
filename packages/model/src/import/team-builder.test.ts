import { describe, expect, it } from 'vitest';
import { IssueCollector } from './result';
import { TeamBuilder } from './team-builder';

describe('TeamBuilder', () => {
  it('slugs names into ids, merges spellings, and suffixes a group that shares a team slug', () => {
    const b = new TeamBuilder();
    const core = b.addTeam('Core Platform', 'Engineering', 2);
    b.addTeam('core platform', undefined, 3);
    const sales = b.addTeam('Sales', 'Sales', 4);
    const issues = new IssueCollector();
    const teams = b.build(issues);
    expect(b.teamId(core)).toBe('core-platform');
    expect(b.groupId(b.addGroup('Sales'))).toBe('sales-group');
    expect(b.teamId(sales)).toBe('sales');
    expect(teams.map((t) => [t.id, t.name, t.kind, t.parentId])).toEqual([
      ['core-platform', 'Core Platform', 'team', 'engineering'],
      ['sales', 'Sales', 'team', 'sales-group'],
      ['engineering', 'Engineering', 'group', null],
      ['sales-group', 'Sales', 'group', null],
    ]);
    expect(issues.warnings).toEqual([]);
  });

  it('keeps the first group of a team named under several, with a warning', () => {
    const b = new TeamBuilder();
    b.addTeam('Geo', 'Dev', 2);
    b.addTeam('Geo', 'Ops', 7);
    b.addTeam('Geo', 'Dev', 9);
    const issues = new IssueCollector();
    expect(b.build(issues)[0].parentId).toBe('dev');
    expect(issues.warnings).toEqual([
      { row: 2, message: 'team "Geo" is listed under several groups; kept "Dev", not "Ops"' },
    ]);
  });
});
