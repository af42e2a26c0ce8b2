import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from './log';
import { startServer } from './server';
import { type ChildServer, startChildServer } from './testing/child-server';
import { createTestDatabase } from './testing/engines';
import type { Json } from './testing/http';
import { SseReader } from './testing/sse';

const SLOW = 180_000;
const children: ChildProcess[] = [];
const readers: SseReader[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const r of readers) await r.close();
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const c of cleanups) await c().catch(() => {});
}, 60_000);

if (!process.env.DATABASE_URL) {
  console.log(
    'live across processes: skipped (set DATABASE_URL: two API processes need one PostgreSQL server)',
  );
}

describe.skipIf(!process.env.DATABASE_URL)('the live feed across two API processes on one PostgreSQL', () => {
  let a: ChildServer;
  let b: ChildServer;

  it(
    'delivers a save on one process to a feed open on the other, and shows presence across both',
    async () => {
      const db = await createTestDatabase('postgres');
      cleanups.push(db.drop);
      const dir = mkdtempSync(join(tmpdir(), 'reorg-live-'));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      a = await startChildServer(join(dir, 'a'), { databaseUrl: db.url });
      children.push(a.process);
      b = await startChildServer(join(dir, 'b'), { databaseUrl: db.url });
      children.push(b.process);
      expect(a.base, a.stderr()).not.toBe('');
      expect(b.base, b.stderr()).not.toBe('');

      const scenario = 'startup-rebalance';
      const head: Json = await (
        await fetch(`${a.base}/api/scenarios/${scenario}`, { headers: a.auth })
      ).json();
      const onB = new SseReader(
        await fetch(`${b.base}/api/scenarios/${scenario}/events`, { headers: b.auth }),
      );
      readers.push(onB);
      await onB.nextNamed('ready');
      const onA = new SseReader(
        await fetch(`${a.base}/api/scenarios/${scenario}/events`, { headers: a.auth }),
      );
      readers.push(onA);
      await onA.nextNamed('ready');
      // Two feeds, one per process: each process's presence sees both.
      await onB.next((e) => e.event === 'presence' && JSON.parse(e.data).present.length === 2);

      const people: Json[] = head.state.people;
      const root = people.find((p) => !p.managerId);
      const mover = people.find((p) => p.managerId && p.managerId !== root.id && p.id !== root.id);
      const saved = performance.now();
      const res = await fetch(`${a.base}/api/scenarios/${scenario}/ops`, {
        method: 'POST',
        headers: { ...a.auth, 'content-type': 'application/json', 'if-match': `"${head.revision}"` },
        body: JSON.stringify({ ops: [{ type: 'changeManager', personId: mover.id, managerId: root.id }] }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
      const event = await onB.nextNamed('revision');
      expect(event.at - saved).toBeLessThan(1000);
      expect(event.id).toBe(String(head.revision + 1));
      expect(JSON.parse(event.data).ops).toMatchObject([
        { type: 'changeManager', personId: mover.id, managerId: root.id },
      ]);
      // The org feed of process B hears it too.
      const orgOnB = new SseReader(
        await fetch(`${b.base}/api/orgs/startup/events?since=0`, { headers: b.auth }),
      );
      readers.push(orgOnB);
      await orgOnB.nextNamed('ready');
      const history = orgOnB.drain().filter((e) => e.event === 'revision');
      expect(JSON.parse(history.at(-1)?.data ?? '{}')).toMatchObject({
        scenarioId: scenario,
        revision: head.revision + 1,
      });

      // The tab on A closes: B's presence drops it.
      await onA.close();
      await onB.next((e) => e.event === 'presence' && JSON.parse(e.data).present.length === 1);
    },
    SLOW,
  );
});

describe('closing a server with live feeds open', () => {
  it(
    'ends the feeds first, so that closing does not wait for them',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'reorg-live-close-'));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      const server = await startServer({
        port: 0,
        dataDir: dir,
        databaseUrl: '',
        handleSignals: false,
        logger: silentLogger,
        print: () => {},
        printLink: () => {},
      });
      const [admin] = await server.identity.listUsers();
      const made = await server.identity.createToken(admin?.email ?? '', 't', { actor: 'system' });
      const auth = { authorization: `Bearer ${made?.token}` };
      const base = server.url.replace('localhost', '127.0.0.1');
      const feed = new SseReader(
        await fetch(`${base}/api/scenarios/startup-rebalance/events`, { headers: auth }),
      );
      readers.push(feed);
      await feed.nextNamed('ready');
      const started = performance.now();
      const closing = server.close();
      // The HTTP server would force open connections shut after 5 s; the feed ends well before.
      await expect(feed.nextNamed('revision', 10_000)).rejects.toThrow('the stream ended');
      expect(performance.now() - started).toBeLessThan(4000);
      await closing;
    },
    SLOW,
  );
});
