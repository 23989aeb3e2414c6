import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startWriter } from '../support/start-writer';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient, db as appDb } from '~/lib/db.server';
import { sqliteFilePath } from '~/lib/database-url';
import { backupDatabase, databaseInUse, knownMigrations, restoreDatabase, verifyBrobyggerDatabase } from '../../prisma/sqlite-backup';
import { sqliteDatabaseForTest } from '../support/sqlite-file';

// SQLite's own backup (PostgreSQL installations use pg_dump): on a PostgreSQL run it backs up a
// SQLite database of its own, so the test runs on both.
const sqlite = sqliteDatabaseForTest();
const db = sqlite.isAppDatabase ? appDb : createPrismaClient(sqlite.url);
const live = path.resolve(sqliteFilePath(sqlite.url));
const dir = fs.mkdtempSync(path.join(path.dirname(live), 'backup-'));
const WRITES = 200;

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (!sqlite.isAppDatabase) await db.$disconnect();
  sqlite.remove();
});

function rowsIn(file: string, entityType: string): string[] {
  const database = new Database(file, { readonly: true });
  try {
    return (database.prepare('SELECT entityId FROM AuditEvent WHERE entityType = ?').all(entityType) as { entityId: string }[]).map(
      (row) => row.entityId,
    );
  } finally {
    database.close();
  }
}

describe('SQLite backup and restore', () => {
  it('backs up while two processes write, and the restored copy holds the rows', async () => {
    // Enough pages that the copy takes several steps of the backup API.
    await db.auditEvent.createMany({
      data: Array.from({ length: 3000 }, (_, i) => ({
        action: 'CREATE',
        entityType: 'BEFORE',
        entityId: `before-${i}`,
        detail: { pad: 'x'.repeat(200) },
      })),
    });

    const writer = startWriter('during', WRITES, sqlite.url);
    expect(await writer.ready).toBe('ready');
    const report = writer.next();
    writer.child.stdin.write('go\n');
    let done = false;
    void report.then(() => (done = true));
    const backups: string[] = [];
    // Timestamped names are to the second: number each so the next backup finds its name free.
    const keep = (file: string) => {
      const numbered = file.replace(/\.db$/, `-${backups.length}.db`);
      fs.renameSync(file, numbered);
      backups.push(numbered);
    };
    let inProcess = 0;
    // Back up again and again while the other process writes, and write from this one meanwhile.
    while (!done || backups.length === 0) {
      const [file] = await Promise.all([
        backupDatabase(live, dir),
        (async () => {
          for (let i = 0; i < 5; i += 1) {
            await db.auditEvent.create({ data: { action: 'CREATE', entityType: 'PARENT', entityId: `parent-${inProcess}` } });
            inProcess += 1;
          }
        })(),
      ]);
      if (backups.length === 0) expect(fs.readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
      keep(file);
    }
    const child = JSON.parse(await report) as { written: number; errors: string[] };
    expect(child.errors).toEqual([]);
    expect(child.written).toBe(WRITES);
    // One more once every write has committed (the loop's last copy may have begun before this
    // process's rows): it must hold all of them.
    keep(await backupDatabase(live, dir));
    expect(rowsIn(backups[backups.length - 1]!, 'SOAK')).toHaveLength(WRITES);

    for (const file of backups) expect(verifyBrobyggerDatabase(file).migrations).toEqual(knownMigrations());
    // The first backup began before the writer finished: it has all earlier rows and a prefix of the writer's.
    const first = backups[0]!;
    expect(rowsIn(first, 'BEFORE')).toHaveLength(3000);
    const during = rowsIn(first, 'SOAK');
    expect(during.length).toBeLessThanOrEqual(WRITES);
    expect(during.sort()).toEqual(Array.from({ length: during.length }, (_, i) => `during-${i}`).sort());

    // Restore the last backup into a fresh path and read it through the app's own client.
    const last = backups[backups.length - 1]!;
    const fresh = path.join(dir, 'restored', 'brobygger.db');
    const result = restoreDatabase(last, fresh);
    expect(result).toMatchObject({ restored: fresh, previous: null });
    const restored = createPrismaClient(`file:${fresh}`);
    try {
      expect(await restored.auditEvent.count({ where: { entityType: 'BEFORE' } })).toBe(3000);
      expect(await restored.auditEvent.count({ where: { entityType: 'SOAK' } })).toBe(rowsIn(last, 'SOAK').length);
      expect(await restored.auditEvent.findFirst({ where: { entityId: 'before-2999' } })).not.toBeNull();
      expect(await restored.auditEvent.findFirst({ where: { entityId: 'parent-0' } })).not.toBeNull();
      // The restored database is in use now: a second restore onto it is refused.
      expect(databaseInUse(fresh)).toBe(true);
      expect(() => restoreDatabase(first, fresh)).toThrow(/in use/);
    } finally {
      await restored.$disconnect();
    }

    // Once closed, a restore replaces it and keeps the replaced file beside it.
    const again = restoreDatabase(first, fresh);
    expect(again.previous).not.toBeNull();
    expect(rowsIn(again.previous!, 'SOAK')).toHaveLength(rowsIn(last, 'SOAK').length);
    expect(rowsIn(fresh, 'SOAK')).toHaveLength(during.length);
  });

  it('refuses to restore what is not a sound Brobygger database, and never onto the running database', async () => {
    const target = path.join(dir, 'target', 'brobygger.db');
    const text = path.join(dir, 'notes.db');
    fs.writeFileSync(text, 'this is not a database, just text long enough to look like a file header '.repeat(20));
    expect(() => restoreDatabase(text, target)).toThrow(/not a SQLite database|cannot be opened/);

    const other = path.join(dir, 'other.db');
    const otherDb = new Database(other);
    otherDb.exec('CREATE TABLE things (id INTEGER PRIMARY KEY)');
    otherDb.close();
    expect(() => restoreDatabase(other, target)).toThrow(/not Brobygger's/);

    const damaged = path.join(dir, 'damaged.db');
    const backup = await backupDatabase(live, path.join(dir, 'whole.db'));
    const bytes = fs.readFileSync(backup);
    // Overwrite the middle pages (table and index pages) with garbage, keeping the header.
    bytes.fill(0x5a, 8192, bytes.length - 8192);
    fs.writeFileSync(damaged, bytes);
    expect(() => restoreDatabase(damaged, target)).toThrow(/integrity|not a SQLite database|malformed/);

    await db.auditEvent.count();
    expect(databaseInUse(live)).toBe(true);
    expect(() => restoreDatabase(backup, live)).toThrow(/in use/);
    expect(fs.existsSync(target)).toBe(false);
  });
});
