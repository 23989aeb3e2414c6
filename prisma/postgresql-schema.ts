/**
 * Derives the PostgreSQL schema (prisma/postgresql/schema.prisma) from the SQLite one
 * (prisma/schema.prisma): only the datasource provider and the generator output differ, so
 * the data model is written once. `--check` fails when the derived file is out of date, or
 * when a migration lacks its PostgreSQL twin of the same name (or a twin its SQLite original);
 * `npm run lint` runs it. How to write a twin: docs/conventions.md, "Data".
 *
 *   node --import tsx prisma/postgresql-schema.ts          # writes the file
 *   node --import tsx prisma/postgresql-schema.ts --check  # exit 1 when it drifted
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
export const SQLITE_SCHEMA = path.join(root, 'prisma', 'schema.prisma');
export const POSTGRESQL_SCHEMA = path.join(root, 'prisma', 'postgresql', 'schema.prisma');

const HEADER =
  '// GENERATED from prisma/schema.prisma by prisma/postgresql-schema.ts: do not edit.\n' +
  '// Only the datasource provider and the generated client folder differ.\n\n';

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  const matches = text.match(new RegExp(pattern.source, 'gm'));
  if (matches?.length !== 1) throw new Error(`prisma/schema.prisma: expected exactly one match of ${pattern}`);
  return text.replace(new RegExp(pattern.source, 'm'), replacement);
}

export const SQLITE_MIGRATIONS = path.join(root, 'prisma', 'migrations');
export const POSTGRESQL_MIGRATIONS = path.join(root, 'prisma', 'postgresql', 'migrations');

/** The migration folders (with a migration.sql) under `dir`, by name. */
export function migrationNames(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
}

/** Migrations in one history and not the other: each SQLite migration has a PostgreSQL twin of the same name. */
export function unpairedMigrations(): { withoutTwin: string[]; withoutOriginal: string[] } {
  const sqlite = migrationNames(SQLITE_MIGRATIONS);
  const postgresql = migrationNames(POSTGRESQL_MIGRATIONS);
  return {
    withoutTwin: sqlite.filter((name) => !postgresql.includes(name)),
    withoutOriginal: postgresql.filter((name) => !sqlite.includes(name)),
  };
}

export function derivePostgresqlSchema(sqlite: string): string {
  let schema = replaceOnce(sqlite, /^(\s*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  // One folder deeper, and a client of its own: the generated client is provider-specific.
  schema = replaceOnce(schema, /^(\s*output\s*=\s*)"\.\.\/app\/generated\/prisma"/, '$1"../../app/generated/prisma-postgresql"');
  return HEADER + schema;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('postgresql-schema.ts')) {
  const wanted = derivePostgresqlSchema(fs.readFileSync(SQLITE_SCHEMA, 'utf8'));
  const current = fs.existsSync(POSTGRESQL_SCHEMA) ? fs.readFileSync(POSTGRESQL_SCHEMA, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (current !== wanted) {
      console.error('prisma/postgresql/schema.prisma is out of date: run `node --import tsx prisma/postgresql-schema.ts`.');
      process.exit(1);
    }
    const { withoutTwin, withoutOriginal } = unpairedMigrations();
    for (const name of withoutTwin)
      console.error(`prisma/migrations/${name} has no PostgreSQL twin in prisma/postgresql/migrations/ (docs/conventions.md, "Data").`);
    for (const name of withoutOriginal) console.error(`prisma/postgresql/migrations/${name} has no SQLite original in prisma/migrations/.`);
    if (withoutTwin.length > 0 || withoutOriginal.length > 0) process.exit(1);
  } else if (current !== wanted) {
    fs.writeFileSync(POSTGRESQL_SCHEMA, wanted);
    console.log('wrote prisma/postgresql/schema.prisma');
  }
}
