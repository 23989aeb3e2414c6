import { databaseProvider } from '~/lib/database-url';

/**
 * A Prisma JSON filter's `path` to a top-level key, as the test's database spells it: SQLite
 * takes a JSONPath string (`$.key`), PostgreSQL a list of keys (`['key']`).
 * `{ detail: { ...jsonPath('key'), equals: value } }`
 */
export function jsonPath(key: string): { path: string } {
  // The app is typed against SQLite's client; PostgreSQL's takes the list at run time.
  return databaseProvider(process.env.DATABASE_URL!) === 'postgresql'
    ? ({ path: [key] } as unknown as { path: string })
    : { path: `$.${key}` };
}
