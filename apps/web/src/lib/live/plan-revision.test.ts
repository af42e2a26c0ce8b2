import { describe, expect, it } from 'vitest';
import { planRevision } from './plan-revision';

const session = { scenarioId: 's', revision: 4, pending: 0, inFlight: 0, conflict: false };
const event = { scenarioId: 's', revision: 5, author: 'ana@x.example', restoredFrom: null };

describe('planRevision', () => {
  it('applies the next revision at once when nothing is unsaved here', () => {
    expect(planRevision(session, event, 'kofi@x.example')).toBe('apply');
  });
  it('ignores revisions it has, of another scenario, and our own save in flight', () => {
    expect(planRevision(session, { ...event, revision: 4 }, null)).toBe('ignore');
    expect(planRevision(session, { ...event, scenarioId: 't' }, null)).toBe('ignore');
    expect(planRevision({ ...session, pending: 1, inFlight: 1 }, event, 'ana@x.example')).toBe('ignore');
  });
  it('rebases as after a 412 with unsaved changes, a gap, a restore or a conflict shown', () => {
    expect(planRevision({ ...session, pending: 2 }, event, 'kofi@x.example')).toBe('rebase');
    expect(planRevision({ ...session, pending: 1, inFlight: 1 }, event, 'kofi@x.example')).toBe('rebase');
    expect(planRevision(session, { ...event, revision: 7 }, null)).toBe('rebase');
    expect(planRevision(session, { ...event, restoredFrom: 2 }, null)).toBe('rebase');
    expect(planRevision({ ...session, conflict: true }, event, null)).toBe('rebase');
  });
});
