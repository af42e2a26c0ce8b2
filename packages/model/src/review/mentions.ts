/**
 * The `@mentions` of a comment: every `@` followed by an e-mail address, or by a name that is a
 * known user's e-mail local part (`@ana` for `ana@example.com` when only one user has it).
 * Returns the mentioned users' e-mails, lower case, each once, in order of first mention.
 * Pure: `users` is the list of known e-mails (the caller reads it).
 */
export function getMentions(body: string, users: readonly string[]): string[] {
  const known = new Map<string, string>();
  const locals = new Map<string, string[]>();
  for (const u of users) {
    const email = u.toLowerCase();
    known.set(email, email);
    const local = email.split('@')[0];
    locals.set(local, [...(locals.get(local) ?? []), email]);
  }
  const found: string[] = [];
  for (const m of body.matchAll(/(^|[^\w.@])@([\w.+-]+(?:@[\w-]+(?:\.[\w-]+)+)?)/g)) {
    const word = m[2].replace(/\.+$/, '').toLowerCase();
    const email = word.includes('@')
      ? known.get(word)
      : locals.get(word)?.length === 1
        ? locals.get(word)?.[0]
        : undefined;
    if (email && !found.includes(email)) found.push(email);
  }
  return found;
}
