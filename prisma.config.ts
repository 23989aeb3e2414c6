import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { defineConfig } from 'prisma/config';
import { ensureDatabaseDirectory, resolveDatabaseUrl } from './app/lib/database-url';
import { isPostgresUrl, postgresAdapter } from './app/lib/postgresql-adapter';

// The JS schema engine (WASM, bundled in the npm package) with a driver adapter: the Prisma
// CLI downloads nothing. See docs/decisions/001-prisma-6-wasm-engine.md.
// The CLI reads .env like the server does (`--env-file-if-exists` in package.json); variables
// already set win.
if (fs.existsSync('.env')) process.loadEnvFile('.env');
const url = resolveDatabaseUrl(process.env.DATABASE_URL);
process.env.DATABASE_URL = url;

// DATABASE_URL chooses the database: a postgres:// or postgresql:// URL takes the PostgreSQL
// schema (derived from prisma/schema.prisma by prisma/postgresql-schema.ts) and its own
// migration history; anything else is a SQLite file (docs/decisions/014-postgresql.md).
const postgres = isPostgresUrl(url);
const folder = postgres ? path.join('prisma', 'postgresql') : 'prisma';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(folder, 'schema.prisma'),
  migrations: { path: path.join(folder, 'migrations') },
  adapter() {
    if (postgres) return Promise.resolve(postgresAdapter(url, { max: 2 }));
    ensureDatabaseDirectory(url);
    return Promise.resolve(new PrismaBetterSQLite3({ url }));
  },
});
