import { defineConfig } from 'drizzle-kit';

/** drizzle-kit config: `npx drizzle-kit generate` (from apps/api) writes SQL migrations to ./drizzle. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
});
