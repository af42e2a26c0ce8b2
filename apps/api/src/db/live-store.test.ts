import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestStore } from '../testing/engines';
import type { OpenedStore } from './open';

describe.each(ENGINES)('live store on %s', (engine) => {
  let opened: OpenedStore;
  beforeAll(async () => {
    opened = await openTestStore(engine);
    const { store } = opened;
    const org = {
      id: 'o',
      name: 'O',
      source: 'json',
      summary: { people: 0, aggregates: 0, teams: 0, asOf: '2025-01-01' },
    };
    await store.insertOrg({ ...org, document: {}, warnings: [] });
    for (const id of ['a', 'b'])
      await store.createScenario({ id, orgId: 'o', name: id, author: 'x@y.example' }, []);
  }, 60_000);
  afterAll(() => opened?.close(), 60_000);

  it('numbers an org’s revisions in commit order, across its scenarios', async () => {
    const { store } = opened;
    await store.appendRevision({ scenarioId: 'b', revision: 2, ops: [], author: 'x@y.example' });
    await store.appendRevision({ scenarioId: 'a', revision: 2, ops: [], author: 'x@y.example' });
    const rows = await store.live.orgRevisionsAfter('o', 0);
    expect(rows.map((r) => `${r.scenarioId}${r.revision}`)).toEqual(['a1', 'b1', 'b2', 'a2']);
    const seqs = rows.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(await store.live.latestOrgSeq('o')).toBe(seqs.at(-1));
    expect(await store.live.orgRevisionsAfter('o', seqs[1] as number)).toHaveLength(2);
    expect(rows[0]?.authorName).toBe('x@y.example'); // not a user: the e-mail stands in
  });

  it('counts someone present until 30 s without a heartbeat, and sweeps them after 60 s', async () => {
    const { store } = opened;
    await store.live.enterPresence({
      scenarioId: 'a',
      connectionId: 'c1',
      email: 'ana@x.example',
      name: 'Ana',
    });
    await store.live.enterPresence({
      scenarioId: 'a',
      connectionId: 'c2',
      email: 'kofi@x.example',
      name: 'Kofi',
    });
    expect(await store.live.selectInPresence('a', 'c1', 'ana@x.example', { kind: 'team', id: 't' })).toBe(
      true,
    );
    expect(await store.live.selectInPresence('a', 'c1', 'kofi@x.example', null)).toBe(false);
    const age = (id: string, seconds: number) =>
      store.drizzle.execute(
        sql`update scenario_presence set seen_at = now() - make_interval(secs => ${seconds}) where connection_id = ${id}`,
      );
    await age('c2', 31);
    const present = await store.live.presence('a');
    expect(present.map((p) => [p.name, p.selected])).toEqual([['Ana', { kind: 'team', id: 't' }]]);
    expect(await store.live.sweepPresence()).toBe(0);
    await age('c2', 61);
    expect(await store.live.sweepPresence()).toBe(1);
    expect(await store.live.touchPresence('a', 'c2')).toBe(false);
    await store.live.leavePresence('a', 'c1');
    expect(await store.live.presence('a')).toEqual([]);
  });
});
