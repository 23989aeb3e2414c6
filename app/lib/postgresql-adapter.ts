/**
 * PostgreSQL through `@prisma/adapter-pg` (the same version as `@prisma/client`), with the
 * workarounds that adapter 6.19.3 needs. Used by the app (app/lib/db.server.ts) and by the
 * Prisma CLI (prisma.config.ts: `migrate deploy`, `migrate diff`, `migrate dev`).
 * See docs/decisions/014-postgresql.md.
 */
import crypto from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils';
import pg from 'pg';

/** `postgres://` and `postgresql://` URLs choose PostgreSQL; anything else is a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/** Quotes an identifier for SQL text (database names cannot be parameters). */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

// Type oids the adapter cannot decode (see NAME_TYPES below) and the one that reads them.
const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

type PerformIO = (query: unknown) => Promise<pg.QueryResult>;

/**
 * Workaround 1, prisma/orm#27403: the schema engine's introspection (`migrate diff --from-url`,
 * `migrate dev`) reads catalogue columns of type `name` (oid 19) and `"char"` (oid 18), and the
 * adapter's fieldToColumnType throws "Unsupported column type" for them. pg already parses both
 * as strings, so they are reported as text before the adapter maps the columns.
 */
function decodingNameTypes<T extends SqlDriverAdapter | Transaction>(queryable: T): T {
  const target = queryable as unknown as { performIO: PerformIO };
  const performIO = target.performIO.bind(queryable);
  target.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields ?? []) {
      if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
    return result;
  };
  return queryable;
}

/**
 * Workaround 2, adapter-pg 6.19.3's `executeScript` splits the script on every ";" (no
 * upstream issue found for the adapter; prisma/orm#22495 is the same symptom in Migrate): a
 * migration's `$$ … $$` function bodies hold semicolons, so the split sends broken statements. The whole
 * script goes to PostgreSQL in one simple-protocol query, which takes several statements.
 */
function wholeScripts(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      (adapter as unknown as { onError(error: unknown): never }).onError(error);
    }
  };
  return adapter;
}

function connected(adapter: SqlDriverAdapter): SqlDriverAdapter {
  decodingNameTypes(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => decodingNameTypes(await startTransaction(isolationLevel));
  return adapter;
}

export interface PostgresAdapterOptions {
  /** Connections in this process's pool (pool size × instances must stay below max_connections). */
  max?: number;
}

export function postgresAdapter(url: string, options: PostgresAdapterOptions = {}): SqlMigrationAwareDriverAdapterFactory {
  // Every session in UTC: DateTime columns are `timestamp(3)` without a zone, written and read as UTC.
  const config: pg.PoolConfig = { connectionString: url, max: options.max ?? 10, options: '-c TimeZone=UTC' };
  const pools: pg.Pool[] = [];
  const open = async (poolConfig: pg.PoolConfig) => {
    const pool = new pg.Pool(poolConfig);
    pools.push(pool);
    const factory = new PrismaPg(pool, { disposeExternalPool: true });
    return wholeScripts(connected(await factory.connect()), pool);
  };
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => open(config),
    /**
     * Workaround 3, adapter-pg 6.19.3's `connectToShadowDb` (no upstream issue found): it
     * spreads `database` into a pool config whose connection string wins, so the "shadow" pool reaches the real
     * database and `migrate dev` would apply and reset there. The shadow database is created,
     * reached through its own URL, and dropped here.
     */
    async connectToShadowDb() {
      const shadow = `prisma_shadow_${crypto.randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${quoteIdentifier(shadow)}`);
      await admin.end();
      const adapter = await open({ ...config, connectionString: withDatabase(url, shadow), max: 2 });
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(shadow)} WITH (FORCE)`);
        await dropper.end();
      };
      return adapter;
    },
  };
}
