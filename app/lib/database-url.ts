import fs from 'node:fs';
import path from 'node:path';

/** The embedded default: a SQLite file under ./data, relative to the working directory. */
export const DEFAULT_DATABASE_URL = 'file:./data/brobygger.db';

export function resolveDatabaseUrl(value: string | undefined): string {
  return value && value.trim() !== '' ? value : DEFAULT_DATABASE_URL;
}

export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, '');
}

/** better-sqlite3 creates the file but not its folder. */
export function ensureDatabaseDirectory(url: string): void {
  const file = sqliteFilePath(url);
  if (file === ':memory:') return;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}

/** Which database a URL names: PostgreSQL for postgres:// and postgresql://, SQLite otherwise (issue #19). */
export function databaseProvider(url: string): 'postgresql' | 'sqlite' {
  return /^postgres(?:ql)?:\/\//i.test(url) ? 'postgresql' : 'sqlite';
}
