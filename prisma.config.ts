import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { defineConfig } from 'prisma/config';
import { ensureDatabaseDirectory, resolveDatabaseUrl } from './app/lib/database-url';

// The JS schema engine (WASM, bundled in the npm package) with the better-sqlite3 adapter:
// the Prisma CLI downloads nothing. See docs/decisions/001-prisma-6-wasm-engine.md.
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
