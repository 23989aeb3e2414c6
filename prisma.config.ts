import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { defineConfig } from 'prisma/config';
import { ensureDatabaseDirectory, resolveDatabaseUrl } from './app/lib/database-url';

// The JS schema engine (WASM, bundled in the npm package) with the better-sqlite3 adapter:
// the Prisma CLI downloads nothing. See docs/decisions/001-prisma-6-wasm-engine.md.
// The CLI reads .env like the server does (`--env-file-if-exists` in package.json); variables
// already set win.
if (fs.existsSync('.env')) process.loadEnvFile('.env');
const url = resolveDatabaseUrl(process.env.DATABASE_URL);
process.env.DATABASE_URL = url;

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  adapter() {
    ensureDatabaseDirectory(url);
    return Promise.resolve(new PrismaBetterSQLite3({ url }));
  },
});
