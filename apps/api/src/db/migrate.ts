import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Db } from './client';

/** The folder of SQL migrations made by drizzle-kit (`apps/api/drizzle`). */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Key of the PostgreSQL advisory lock held while migrating (and seeding), so that several API
 * processes starting at once on one server migrate one after the other. Any fixed 64-bit number.
 */
export const STARTUP_LOCK_KEY = 7_262_011_923_004_117;

/** What {@link migrate} did. */
export interface MigrateResult {
  /** Tags of the migrations applied now, in order (e.g. `0000_init`). */
  applied: string[];
}

/**
 * Applies the pending migrations of {@link MIGRATIONS_FOLDER} in one transaction, under a
 * transaction-scoped advisory lock: either every pending migration is applied or none is.
 * Bookkeeping is drizzle's own table `drizzle.__drizzle_migrations` (hash, created_at = the
 * journal's `when`), so `drizzle-kit migrate` and this function agree. A migration is pending when
 * its `when` is later than the last applied one, which is why timestamps must only increase.
 * @throws when the database was migrated by a newer version of reorg (it has migrations this
 * code does not know), or when a migration fails (nothing is applied then).
 */
export async function migrate(db: Db, folder = MIGRATIONS_FOLDER): Promise<MigrateResult> {
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  const tags = readJournalTags(folder);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${STARTUP_LOCK_KEY})`);
    await tx.execute(sql`create schema if not exists drizzle`);
    await tx.execute(
      sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
    );
    const done = (await tx.execute(
      sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    )) as unknown as { rows: { created_at: string | number }[] };
    const last = done.rows[0] ? Number(done.rows[0].created_at) : -1;
    const newest = migrations.at(-1)?.folderMillis ?? -1;
    if (last > newest) {
      throw new Error(
        'the database was migrated by a newer version of reorg than this one; upgrade reorg to use it',
      );
    }
    const applied: string[] = [];
    for (const [k, m] of migrations.entries()) {
      if (m.folderMillis <= last) continue;
      for (const statement of m.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${m.hash}, ${m.folderMillis})`,
      );
      applied.push(tags[k] ?? String(k));
    }
    return { applied };
  });
}

function readJournalTags(folder: string): string[] {
  // readMigrationFiles has read and checked the journal already; this only recovers the tags.
  const journal = JSON.parse(readFileSync(`${folder}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((e) => e.tag);
}
