import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '~/generated/prisma/client';
import { ensureDatabaseDirectory } from './database-url';
import { env } from './env.server';
import { countAdapterQueries } from './query-count.server';

export type Db = PrismaClient;
/** A client or an interactive transaction: what domain writes take, so callers can compose them. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

// Applied on every new connection: WAL lets readers work during a write, busy_timeout makes
// a second writer wait instead of failing, foreign keys are off in SQLite unless asked for.
// synchronous = NORMAL is SQLite's advice for WAL: no fsync per commit (a page view's audit row
// cost 8 ms with it), never corruption; only the last commits may be lost if the power goes.
const PRAGMAS = 'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;';

function sqliteAdapter(url: string): SqlDriverAdapterFactory {
  ensureDatabaseDirectory(url);
  const factory = new PrismaBetterSQLite3({ url, timeout: 5000 });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      await adapter.executeScript(PRAGMAS);
      return countAdapterQueries(adapter);
    },
  };
}

export function createPrismaClient(url: string): PrismaClient {
  return new PrismaClient({ adapter: sqliteAdapter(url) });
}

/** The one Prisma client of this process. */
export const db: PrismaClient = createPrismaClient(env().DATABASE_URL);
