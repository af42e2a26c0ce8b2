import { describe, expect, it } from 'vitest';
import { formatUrl, parseUrl } from './url-state';

describe('url state', () => {
  it('reads a find-me link', () => {
    expect(parseUrl('/orgs/scaleup/scenarios/s%201/chart', '?person=E1042')).toEqual({
      orgId: 'scaleup',
      scenarioId: 's 1',
      view: 'chart',
      personId: 'E1042',
    });
  });

  it('falls back to the chart for an unknown view and to home for unknown paths', () => {
    expect(parseUrl('/orgs/a/scenarios/b/nope', '').view).toBe('chart');
    expect(parseUrl('/whatever', '')).toEqual({
      orgId: null,
      scenarioId: null,
      view: 'chart',
      personId: null,
    });
  });

  it('round-trips', () => {
    const state = { orgId: 'o/1', scenarioId: 'x y', view: 'ladder' as const, personId: 'p&1' };
    const url = new URL(formatUrl(state), 'http://h');
    expect(parseUrl(url.pathname, url.search)).toEqual(state);
    expect(formatUrl({ orgId: 'o', scenarioId: null, view: 'chart', personId: null })).toBe('/orgs/o');
  });
});

describe('url state of the compare view', () => {
  it('reads and writes the scenarios and plans picked', () => {
    const state = parseUrl('/orgs/scaleup/compare', '?scenarios=a,b%20c&plans=p1');
    expect(state).toEqual({
      orgId: 'scaleup',
      scenarioId: null,
      view: 'chart',
      personId: null,
      compare: { scenarios: ['a', 'b c'], plans: ['p1'] },
    });
    expect(formatUrl(state)).toBe('/orgs/scaleup/compare?scenarios=a,b+c&plans=p1');
    const url = new URL(formatUrl(state), 'http://h');
    expect(parseUrl(url.pathname, url.search)).toEqual(state);
  });

  it('holds the plan open in the plan editor, and the scenario of a new one', () => {
    const open = parseUrl('/orgs/scaleup/compare', '?plans=p1&edit=p1');
    expect(open.compare).toEqual({ scenarios: [], plans: ['p1'], edit: 'p1' });
    expect(formatUrl(open)).toBe('/orgs/scaleup/compare?plans=p1&edit=p1');
    const fresh = parseUrl('/orgs/scaleup/compare', '?edit=new&on=s1');
    expect(fresh.compare).toEqual({ scenarios: [], plans: [], edit: 'new', on: 's1' });
    expect(formatUrl(fresh)).toBe('/orgs/scaleup/compare?edit=new&on=s1');
    // `on` means nothing without the editor.
    expect(parseUrl('/orgs/scaleup/compare', '?on=s1').compare).toEqual({ scenarios: [], plans: [] });
  });

  it('gives the bare compare path when nothing is picked, and the scenario path when one is open', () => {
    const empty = { orgId: 'o', scenarioId: null, view: 'chart' as const, personId: null };
    expect(formatUrl({ ...empty, compare: { scenarios: [], plans: [] } })).toBe('/orgs/o/compare');
    expect(parseUrl('/orgs/o/compare', '').compare).toEqual({ scenarios: [], plans: [] });
    expect(formatUrl({ ...empty, scenarioId: 's', compare: { scenarios: ['x'], plans: [] } })).toBe(
      '/orgs/o/scenarios/s/chart',
    );
  });
});

describe('url state of the import page', () => {
  it('reads and writes /import, which leaves no org open', () => {
    expect(parseUrl('/import', '')).toEqual({
      orgId: null,
      scenarioId: null,
      view: 'chart',
      personId: null,
      page: 'import',
    });
    expect(formatUrl({ orgId: null, scenarioId: null, view: 'chart', personId: null, page: 'import' })).toBe(
      '/import',
    );
    expect(formatUrl({ orgId: 'o', scenarioId: null, view: 'chart', personId: null, page: 'import' })).toBe(
      '/orgs/o',
    );
    expect(parseUrl('/import/x', '').page).toBeUndefined();
  });
});

describe('pages outside any org', () => {
  it('reads and writes the sign-in, settings and audit pages', () => {
    expect(parseUrl('/signin', '?next=%2F').page).toBe('signin');
    expect(parseUrl('/reset-password', '?token=t').page).toBe('reset-password');
    expect(parseUrl('/settings', '').page).toBe('settings');
    expect(parseUrl('/audit', '').page).toBe('audit');
    expect(parseUrl('/nope', '').page).toBeUndefined();
    expect(formatUrl({ ...parseUrl('/', ''), page: 'settings' })).toBe('/settings');
    expect(formatUrl({ ...parseUrl('/', ''), page: 'audit' })).toBe('/audit');
  });
});
