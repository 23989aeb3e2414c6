import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '~/generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from '~/generated/prisma-postgresql/client';
import { isPostgresUrl, postgresAdapter } from '~/lib/postgresql-adapter';
import { e2eDatabaseUrl } from './paths';

/**
 * The e2e server's database from a spec, on either provider (e2eDatabaseUrl: a SQLite file, or
 * PostgreSQL with TEST_POSTGRES_URL): a Prisma client of the right kind, typed as the app's.
 * Raw statements must be portable: identifiers in double quotes, `?` for parameters (numbered
 * for PostgreSQL here).
 */
export function e2eDatabaseClient(): PrismaClient {
  const url = e2eDatabaseUrl();
  return isPostgresUrl(url)
    ? (new PostgresPrismaClient({ adapter: postgresAdapter(url, { max: 2 }) }) as unknown as PrismaClient)
    : new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }) });
}

/** Runs `use` with a client from e2eDatabaseClient, disconnected after. */
export async function withE2eDatabase<T>(use: (db: PrismaClient) => Promise<T>): Promise<T> {
  const db = e2eDatabaseClient();
  try {
    return await use(db);
  } finally {
    await db.$disconnect();
  }
}

/** `?` placeholders as the database spells them. */
function placeholders(sql: string): string {
  if (!isPostgresUrl(e2eDatabaseUrl())) return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** The rows of one portable raw statement. */
export function e2eRows<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  return withE2eDatabase((db) => db.$queryRawUnsafe<T[]>(placeholders(sql), ...params));
}

/** The first row of one portable raw statement, or undefined. */
export async function e2eRow<T>(sql: string, ...params: unknown[]): Promise<T | undefined> {
  return (await e2eRows<T>(sql, ...params))[0];
}

/** Runs one portable raw statement on `db` (a client from withE2eDatabase); the rows it changed. */
export function e2eExecute(db: PrismaClient, sql: string, ...params: unknown[]): Promise<number> {
  return db.$executeRawUnsafe(placeholders(sql), ...params);
}
