import { parseArgs } from 'node:util';
import { Identity } from '../auth/identity';
import { ROLES, type Role } from '../auth/principal';
import { openStore } from '../db/open';
import { DEFAULT_PORT } from '../server';
import { type CliIo, UsageError } from './io';

/** Where the admin commands find the data: `DATABASE_URL`, else the PGlite folder `--data` (default ./data). */
function locationOf(data: string | undefined) {
  const databaseUrl = process.env.DATABASE_URL;
  return databaseUrl ? { databaseUrl } : { dataDir: data ?? './data' };
}

/** The origin the links of these commands point at: `REORG_PUBLIC_URL`, else `http://localhost:PORT`. */
function publicUrl(): string {
  return process.env.REORG_PUBLIC_URL || `http://localhost:${process.env.PORT || DEFAULT_PORT}`;
}

function parse(
  args: string[],
  options: Record<string, { type: 'string' }>,
): { values: Record<string, string | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({
      args,
      options: { ...options, data: { type: 'string' } },
      allowPositionals: true,
    });
    return { values: parsed.values as Record<string, string | undefined>, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Opens the store and the identity on it, runs `fn`, and closes the store whatever happens. */
async function withIdentity<T>(data: string | undefined, fn: (identity: Identity) => Promise<T>): Promise<T> {
  const opened = await openStore(locationOf(data));
  try {
    return await fn(new Identity(opened.store.drizzle, { publicUrl: publicUrl() }));
  } finally {
    await opened.close();
  }
}

/**
 * `reorg users add EMAIL --role admin|hr|editor|viewer [--org ID] [--name N] [--data DIR]`
 * and `reorg users list [--data DIR]`, on a data folder no server holds (or on `DATABASE_URL`).
 * `add` creates the user (or grants the role to an existing one) and prints a one-time sign-in
 * link (24 h) to hand them.
 */
export async function runUsers(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    const { values, positionals } = parse(rest, {});
    if (positionals.length > 0)
      throw new UsageError(`users list takes no arguments, got '${positionals[0]}'`);
    const users = await withIdentity(values.data as string | undefined, (identity) => identity.listUsers());
    if (users.length === 0) io.stdout('no users yet (reorg serve makes the first admin)\n');
    for (const u of users) {
      const roles = u.roles
        .map((r) => (r.orgId ? `${r.role} on ${r.orgId}` : `${r.role} on every org`))
        .join(', ');
      io.stdout(`${u.email}  ${u.name}  ${roles || 'no role'}\n`);
    }
    return 0;
  }
  if (sub !== 'add') throw new UsageError(`users needs 'add' or 'list', got '${sub ?? ''}'`);
  const { values, positionals } = parse(rest, {
    role: { type: 'string' },
    org: { type: 'string' },
    name: { type: 'string' },
  });
  const [email, extra] = positionals;
  if (!email) throw new UsageError('users add needs the e-mail of the user');
  if (extra) throw new UsageError(`users add takes one e-mail, got also '${extra}'`);
  const role = values.role as string | undefined;
  if (!role || !(ROLES as readonly string[]).includes(role)) {
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}${role ? `, not '${role}'` : ''}`);
  }
  if (role === 'admin' && values.org) throw new UsageError('an admin is admin on every org: leave out --org');
  const result = await withIdentity(values.data as string | undefined, async (identity) => {
    let user: Awaited<ReturnType<Identity['addUser']>>;
    try {
      user = await identity.addUser(
        {
          email,
          role: role as Role,
          orgId: (values.org as string | undefined) ?? null,
          name: values.name as string | undefined,
        },
        { actor: 'cli' },
      );
    } catch (error) {
      return { error: (error as Error).message };
    }
    return { user, link: await identity.signInLink(user.email) };
  });
  if ('error' in result) {
    io.stderr(`reorg users add: ${result.error}\n`);
    return 1;
  }
  const where = values.org ? `on ${values.org}` : 'on every org';
  io.stdout(`${result.user.email}: ${role} ${where}\nsign-in link (one use, 24 h):\n${result.link}\n`);
  return 0;
}

/**
 * `reorg tokens create EMAIL [--name N] [--data DIR]`: makes an API token for a user and prints
 * it alone on the last line of standard output (it is stored only as a hash: copy it now).
 */
export async function runTokens(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create') throw new UsageError(`tokens needs 'create', got '${sub ?? ''}'`);
  const { values, positionals } = parse(rest, { name: { type: 'string' } });
  const [email, extra] = positionals;
  if (!email) throw new UsageError('tokens create needs the e-mail of the user');
  if (extra) throw new UsageError(`tokens create takes one e-mail, got also '${extra}'`);
  const name = (values.name as string | undefined) ?? 'cli';
  const made = await withIdentity(values.data as string | undefined, (identity) =>
    identity.createToken(email, name, { actor: 'cli' }),
  );
  if (!made) {
    io.stderr(`reorg tokens create: there is no user ${email} (add one with reorg users add)\n`);
    return 1;
  }
  io.stdout(
    `API token "${name}" for ${email} (shown once; send it as Authorization: Bearer TOKEN):\n${made.token}\n`,
  );
  return 0;
}
