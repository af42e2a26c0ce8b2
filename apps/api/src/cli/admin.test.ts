import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Identity } from '../auth/identity';
import { openStore } from '../db/open';
import { main } from './main';
import { createTestIo } from './test-io';

describe('reorg users and reorg tokens on a data folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reorg-cli-admin-'));
  const saved = process.env.DATABASE_URL;
  beforeAll(() => {
    delete process.env.DATABASE_URL; // these commands use DATABASE_URL when set; test the folder
  });
  afterAll(() => {
    if (saved !== undefined) process.env.DATABASE_URL = saved;
    rmSync(dir, { recursive: true, force: true });
  });
  const run = async (...args: string[]) => {
    const t = createTestIo();
    const code = await main(args, t.io);
    return { code, out: t.stdout(), err: t.stderr() };
  };

  it('adds users with a role and a one-time sign-in link, lists them, and makes a working token', async () => {
    const added = await run(
      'users',
      'add',
      'Ana@Example.com',
      '--role',
      'viewer',
      '--org',
      'scaleup',
      '--data',
      dir,
    );
    expect(added.code, added.err).toBe(0);
    expect(added.out).toContain('ana@example.com: viewer on scaleup');
    expect(added.out).toMatch(/^http:\/\/localhost:8787\/signin\?token=\S+$/m);
    expect((await run('users', 'add', 'hr@example.com', '--role', 'hr', '--data', dir)).code).toBe(0);

    const listed = await run('users', 'list', '--data', dir);
    expect(listed.out.trim().split('\n')).toEqual([
      'ana@example.com  ana  viewer on scaleup',
      'hr@example.com  hr  hr on every org',
    ]);

    const made = await run('tokens', 'create', 'ana@example.com', '--name', 'ci', '--data', dir);
    expect(made.code).toBe(0);
    const token = made.out.trim().split('\n').at(-1) as string;
    expect(token).toMatch(/^reorg_[A-Za-z0-9_-]{43}$/);

    const opened = await openStore({ dataDir: dir });
    try {
      const identity = new Identity(opened.store.drizzle, { publicUrl: 'http://localhost' });
      const principal = await identity.principalOfToken(token);
      expect(principal?.email).toBe('ana@example.com');
      expect([...(principal?.roles ?? [])]).toEqual([['scaleup', 'viewer']]);
      // Stored as a hash only: the token itself is nowhere in the table.
      const rows = await identity.listTokens();
      expect(JSON.stringify(rows)).not.toContain(token);
    } finally {
      await opened.close();
    }
  });

  it('refuses a bad role (usage, exit 2), a bad e-mail and an unknown user (exit 1), with one clear line', async () => {
    const role = await run('users', 'add', 'x@example.com', '--role', 'boss', '--data', dir);
    expect(role.code).toBe(2);
    expect(role.err).toContain("--role must be one of admin, hr, editor, viewer, not 'boss'");
    const adminOrg = await run(
      'users',
      'add',
      'x@example.com',
      '--role',
      'admin',
      '--org',
      'a',
      '--data',
      dir,
    );
    expect(adminOrg.code).toBe(2);
    const email = await run('users', 'add', 'not-an-email', '--role', 'hr', '--data', dir);
    expect(email).toMatchObject({
      code: 1,
      err: 'reorg users add: "not-an-email" is not an e-mail address\n',
    });
    const unknown = await run('tokens', 'create', 'ghost@example.com', '--data', dir);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('there is no user ghost@example.com');
  });
});
