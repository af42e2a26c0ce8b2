import { describe, expect, it } from 'vitest';
import { createOrg } from '../schema/org';
import { getManagerAnnouncements } from './announcements';
import { getChangeList } from './change-list';
import { getChangeListTable } from './hris-columns';
import { getMentions } from './mentions';
import { rebaseOps } from './rebase';

// ceo ← ana (Checkout) ← lee, mia; ceo ← kofi (Payments) ← zed; one aggregate of posts under kofi.
const before = createOrg({
  id: 'o',
  name: 'O',
  asOf: '2026-01-01',
  teams: [
    { id: 'checkout', name: 'Checkout' },
    { id: 'payments', name: 'Payments' },
  ],
  people: [
    { id: 'ceo', name: 'Cy', managerId: null, level: 'M7' },
    { id: 'ana', name: 'Ana', managerId: 'ceo', teamId: 'checkout', level: 'M5' },
    { id: 'kofi', name: 'Kofi', managerId: 'ceo', teamId: 'payments', level: 'M5' },
    { id: 'lee', name: 'Lee', managerId: 'ana', teamId: 'checkout', level: 'L4', title: 'Engineer' },
    { id: 'mia', name: 'Mia', managerId: 'ana', teamId: 'checkout', level: 'L3' },
    { id: 'zed', name: 'Zed', managerId: 'kofi', teamId: 'payments', level: 'L4' },
    { id: 'posts', managerId: 'kofi', aggregate: true, fte: 3 },
  ],
});

// Lee moves to Kofi and Payments; Mia is promoted to L4 in place; Zed leaves the org; a new
// open position under Ana; the aggregate moves too (but posts are not in a change list).
const after = createOrg({
  ...before,
  people: [
    ...before.people
      .filter((p) => p.id !== 'zed')
      .map((p) => {
        if (p.id === 'lee') return { ...p, managerId: 'kofi', teamId: 'payments' };
        if (p.id === 'mia') return { ...p, level: 'L4', title: 'Senior Engineer' };
        if (p.id === 'posts') return { ...p, managerId: 'ana' };
        return p;
      }),
    { id: 'req1', managerId: 'ana', teamId: 'checkout', status: 'open' as const, title: 'Engineer' },
  ],
});

describe('getChangeList', () => {
  const rows = getChangeList(before, after, '2026-03-01');
  it('has one row per changed, new or removed person, not posts', () => {
    expect(rows.map((r) => [r.personId, r.kind, r.changed])).toEqual([
      ['lee', 'change', ['manager', 'team']],
      ['mia', 'change', ['level', 'title']],
      ['req1', 'hire', ['manager', 'team', 'title', 'status']],
      ['zed', 'removal', []],
    ]);
    expect(rows[0].before?.managerName).toBe('Ana');
    expect(rows[0].after).toMatchObject({ managerId: 'kofi', managerName: 'Kofi', teamName: 'Payments' });
    expect(rows.every((r) => r.effectiveDate === '2026-03-01')).toBe(true);
  });
  it('is empty between an org and itself', () => {
    expect(getChangeList(before, before, '2026-03-01')).toEqual([]);
  });

  it('lays out Workday and BambooHR columns', () => {
    const workday = getChangeListTable(rows, 'workday');
    expect(workday[0].slice(0, 7)).toEqual([
      'Employee ID',
      'Worker',
      'Effective Date',
      'Reason',
      'Manager Employee ID',
      'Manager',
      'Supervisory Organization',
    ]);
    expect(workday[1]).toEqual([
      'lee',
      'Lee',
      '2026-03-01',
      'Reorganization: manager, team',
      'kofi',
      'Kofi',
      'Payments',
      'L4',
      'Engineer',
      'active',
      'Ana',
      'Checkout',
      'L4',
      'Engineer',
      'active',
    ]);
    expect(workday[4].slice(0, 4)).toEqual(['zed', 'Zed', '2026-03-01', 'Position Eliminated']);
    expect(workday[4][9]).toBe('terminated');
    const bamboo = getChangeListTable(rows, 'bamboohr');
    expect(bamboo[0].slice(0, 6)).toEqual([
      'Employee #',
      'Name',
      'Date',
      'Reason',
      'Reports To ID',
      'Reports To',
    ]);
    expect(bamboo).toHaveLength(5);
  });

  it('summarises what changes for each manager', () => {
    const a = getManagerAnnouncements(rows);
    expect(a.map((x) => [x.managerId, x.summary])).toEqual([
      ['ana', '1 joins your team (req1); 1 leaves (Lee); 1 changes in place (Mia).'],
      ['kofi', '1 joins your team (Lee); 1 leaves (Zed).'],
    ]);
    expect(a[0].changing[0].changes).toEqual(['level L3 → L4', 'title none → Senior Engineer']);
    expect(a[1].joining[0]).toEqual({ personId: 'lee', name: 'Lee', from: 'Ana' });
  });
});

describe('rebaseOps', () => {
  it('keeps the ops that still apply and names the ones that do not', () => {
    const result = rebaseOps(after, [
      { type: 'changeManager', personId: 'mia', managerId: 'kofi', withReports: false },
      { type: 'changeManager', personId: 'zed', managerId: 'ana', withReports: false },
      { type: 'changeManager', personId: 'lee', managerId: 'ana', withReports: false },
    ]);
    expect(result.kept.map((o) => ('personId' in o ? o.personId : ''))).toEqual(['mia', 'lee']);
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({ opIndex: 1, code: 'not_found' });
    expect(result.org.people.find((p) => p.id === 'lee')?.managerId).toBe('ana');
  });
});

describe('getMentions', () => {
  const users = ['ana@x.com', 'kofi@x.com', 'kofi@y.com', 'lee@x.com'];
  it('resolves full e-mails and unique local parts, once each, in order', () => {
    expect(
      getMentions('@lee and @Ana@x.com, see @lee again; cc @kofi (ambiguous), @nobody, mail@ana', users),
    ).toEqual(['lee@x.com', 'ana@x.com']);
    expect(getMentions('ask @kofi@y.com.', users)).toEqual(['kofi@y.com']);
    expect(getMentions('no mentions here', users)).toEqual([]);
  });
});
