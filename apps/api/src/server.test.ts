import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from './db/data-lock';
import { type ChildServer, startChildServer } from './testing/child-server';
import type { Json } from './testing/http';

const SLOW = 180_000;

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reorg-serve-'));
  dirs.push(dir);
  return dir;
}

/** Starts a server on `dataDir` in a child process, killed after the tests if still running. */
async function startChild(dataDir: string): Promise<ChildServer> {
  const child = await startChildServer(dataDir);
  children.push(child.process);
  return child;
}

async function getJson(url: string, server: ChildServer): Promise<Json> {
  const res = await fetch(url, { headers: server.auth });
  expect(res.status, url).toBe(200);
  return res.json();
}

describe('reorg serve in a real process (PGlite in a data folder)', () => {
  const dataDir = tempDir();
  let first: ChildServer;

  it(
    'seeds the fixtures on first start, prints its URL, and refuses a second server on the same folder',
    async () => {
      first = await startChild(dataDir);
      expect(first.base, first.stderr()).not.toBe('');
      expect(first.stderr()).toContain('seeded the sample orgs');
      expect(first.stderr()).toContain(`PGlite in ${dataDir}`);
      // First start on a folder with no users: the first admin's one-time sign-in link (24 h).
      expect(first.stderr()).toMatch(/reorg-test-link: http:\/\/localhost:\d+\/signin\?token=\S+/);
      expect((await fetch(`${first.base}/api/orgs`)).status).toBe(401);
      const orgs = (await getJson(`${first.base}/api/orgs`, first)).orgs.map((o: Json) => o.id).sort();
      expect(orgs).toEqual(['scaleup', 'startup']);
      const scenarios = (await getJson(`${first.base}/api/scenarios`, first)).scenarios;
      expect(scenarios.length).toBeGreaterThanOrEqual(2);
      const seeded = await getJson(`${first.base}/api/scenarios/startup-rebalance`, first);
      expect(seeded.ops.length).toBeGreaterThan(0);
      const plans = (await getJson(`${first.base}/api/orgs/scaleup/plans`, first)).plans.map(
        (p: Json) => p.id,
      );
      expect(plans).toEqual(['scaleup-aggressive-growth', 'scaleup-hiring-freeze']);

      const second = await startChild(dataDir);
      expect(second.base).toBe('');
      expect(await second.exited).toBe(3);
      expect(second.stderr()).toMatch(/data folder .* is in use by another reorg process \(pid \d+/);
      expect((await fetch(`${first.base}/api/health`)).status).toBe(200);
    },
    SLOW,
  );

  it(
    'loses no acknowledged revision when killed with SIGKILL while writing',
    async () => {
      const ids = ['startup-rebalance', 'kill-a', 'kill-b'];
      for (const id of ids.slice(1)) {
        const res = await fetch(`${first.base}/api/orgs/startup/scenarios`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...first.auth },
          body: JSON.stringify({ id, name: id }),
        });
        expect(res.status).toBe(201);
      }
      const acked: { id: string; revision: number; author: string; ops: Json[] }[] = [];
      let stop = false;
      const writer = async (id: string) => {
        let revision = (await getJson(`${first.base}/api/scenarios/${id}`, first)).revision as number;
        for (let k = 0; !stop; k++) {
          const ops = [
            {
              type: 'changeManager',
              personId: 'E110',
              managerId: k % 2 ? 'E105' : 'E112',
              withReports: true,
            },
          ];
          const author = 'admin@reorg.local'; // the first admin, whose token the writers use
          let res: Response;
          try {
            res = await fetch(`${first.base}/api/scenarios/${id}/ops`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'if-match': `"${revision}"`,
                ...first.auth,
              },
              body: JSON.stringify({ ops }),
            });
          } catch {
            return; // the server died mid-request: this write was never acknowledged
          }
          if (res.status !== 201) throw new Error(`${id}: ${res.status} ${await res.text()}`);
          revision = ((await res.json()) as Json).revision;
          acked.push({ id, revision, author, ops });
        }
      };
      const writers = ids.map(writer);
      while (acked.length < 60) await new Promise((r) => setTimeout(r, 5));
      first.process.kill('SIGKILL');
      stop = true;
      await Promise.all(writers);
      expect(await first.exited).toBe(null);
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);

      const restarted = await startChild(dataDir);
      expect(restarted.base, restarted.stderr()).not.toBe('');
      expect(restarted.stderr()).not.toContain('seeded');
      for (const id of ids) {
        const { revisions } = await getJson(`${restarted.base}/api/scenarios/${id}/revisions`, restarted);
        const byRevision = new Map<number, Json>(revisions.map((r: Json) => [r.revision, r]));
        for (const ack of acked.filter((a) => a.id === id)) {
          expect(byRevision.get(ack.revision), `${id} revision ${ack.revision}`).toMatchObject({
            author: ack.author,
            ops: ack.ops,
          });
        }
        const scenario = await getJson(`${restarted.base}/api/scenarios/${id}`, restarted);
        expect(scenario.revision).toBe(revisions.at(-1).revision);
        // The audit trail holds one scenario.ops row per stored revision after 1, and no other:
        // each save and its audit row were committed together or not at all.
        const { events } = await getJson(`${restarted.base}/api/audit?limit=500`, restarted);
        const audited = events
          .filter((e: Json) => e.action === 'scenario.ops' && e.subject === id)
          .map((e: Json) => e.detail.revision)
          .sort((a: number, b: number) => a - b);
        const stored = revisions.map((r: Json) => r.revision).filter((r: number) => r > 1);
        expect(audited, id).toEqual(stored);
      }
      first = restarted;
    },
    SLOW,
  );

  it(
    'closes cleanly on SIGTERM: exit code 0 and the folder lock released',
    async () => {
      first.process.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(first.stderr()).toContain('SIGTERM, closing');
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    },
    SLOW,
  );
});
