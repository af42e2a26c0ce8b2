import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase } from '../testing/engines';
import type { Database } from './client';
import { MIGRATIONS_FOLDER, migrate } from './migrate';

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}
const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as Journal;

describe('the migrations folder', () => {
  it('has journal timestamps that only increase (a migration dated before the last applied one would be skipped)', () => {
    expect(journal.entries.length).toBeGreaterThan(0);
    for (let k = 1; k < journal.entries.length; k++) {
      expect(journal.entries[k]!.when).toBeGreaterThan(journal.entries[k - 1]!.when);
    }
  });

  it('numbers entries 0, 1, 2… and lists exactly the SQL files of the folder', () => {
    expect(journal.entries.map((e) => e.idx)).toEqual(journal.entries.map((_, k) => k));
    const files = readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql'));
    expect(files.sort()).toEqual(journal.entries.map((e) => `${e.tag}.sql`).sort());
    for (const e of journal.entries) expect(e.tag.startsWith(String(e.idx).padStart(4, '0'))).toBe(true);
  });
});

describe.each(ENGINES)('migrate on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  }, 60_000);

  it('applies every migration once, in one go, then nothing', async () => {
    const first = await migrate(database.db);
    expect(first.applied).toEqual(journal.entries.map((e) => e.tag));
    const second = await migrate(database.db);
    expect(second.applied).toEqual([]);
    const tables = (await database.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    )) as unknown as { rows: { table_name: string }[] };
    expect(tables.rows.map((r) => r.table_name)).toEqual([
      'api_tokens',
      'audit_events',
      'auth_accounts',
      'auth_rate_limits',
      'auth_sessions',
      'auth_users',
      'auth_verifications',
      'comment_resolutions',
      'headcount_plan_revisions',
      'headcount_plans',
      'org_baselines',
      'orgs',
      'scenario_comments',
      'scenario_presence',
      'scenario_reviews',
      'scenario_revisions',
      'scenario_shares',
      'scenarios',
      'settings',
      'user_roles',
    ]);
  });

  it('makes baselines, revisions and the audit trail append-only: UPDATE and DELETE are refused by the database', async () => {
    await database.db.execute(
      sql`insert into orgs (id, name, source, document, summary) values ('o', 'O', 'json', '{}', '{}')`,
    );
    await database.db.execute(
      sql`insert into scenarios (id, org_id, name, author) values ('s', 'o', 'S', 'a')`,
    );
    await database.db.execute(
      sql`insert into scenario_revisions (scenario_id, revision, ops, author) values ('s', 1, '[]', 'a')`,
    );
    await database.db.execute(
      sql`insert into headcount_plans (id, scenario_id, name, plan, author) values ('p', 's', 'P', '{}', 'a')`,
    );
    await database.db.execute(sql`insert into audit_events (actor, action) values ('a@x', 'org.import')`);
    const refused = [
      sql`update headcount_plans set name = 'changed' where id = 'p'`,
      sql`delete from headcount_plans where id = 'p'`,
      sql`update orgs set name = 'changed' where id = 'o'`,
      sql`delete from orgs where id = 'o'`,
      sql`update scenario_revisions set ops = '[{}]' where scenario_id = 's'`,
      sql`delete from scenario_revisions where scenario_id = 's'`,
      sql`update audit_events set actor = 'someone else'`,
      sql`delete from audit_events`,
      sql`truncate audit_events`,
    ];
    for (const statement of refused) {
      await expect(database.db.execute(statement)).rejects.toThrow();
    }
    const kept = (await database.db.execute(sql`select name from orgs where id = 'o'`)) as unknown as {
      rows: { name: string }[];
    };
    expect(kept.rows).toEqual([{ name: 'O' }]);
    const audit = (await database.db.execute(sql`select actor from audit_events`)) as unknown as {
      rows: { actor: string }[];
    };
    expect(audit.rows).toEqual([{ actor: 'a@x' }]);
  });

  it('refuses a database migrated by a newer version of reorg', async () => {
    const future = journal.entries.at(-1)!.when + 1000;
    await database.db.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('future', ${future})`,
    );
    await expect(migrate(database.db)).rejects.toThrow(/newer version of reorg/);
  });
});

describe.runIf(ENGINES.includes('postgres'))('migrate on PostgreSQL, several processes at once', () => {
  it('lets concurrent start-ups migrate one after the other under the advisory lock', async () => {
    const { createTestDatabase } = await import('../testing/engines');
    const { openPostgres } = await import('./client');
    const created = await createTestDatabase('postgres');
    const pools = await Promise.all([1, 2, 3].map(() => openPostgres(created.url!, { max: 2 })));
    try {
      const results = await Promise.all(pools.map((p) => migrate(p.db)));
      const applied = results.map((r) => r.applied.length).sort();
      expect(applied).toEqual([0, 0, journal.entries.length]);
    } finally {
      await Promise.all(pools.map((p) => p.close()));
      await created.drop();
    }
  });
});
