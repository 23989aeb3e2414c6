import { db } from '~/lib/db.server';
import { isPostgresUrl } from '~/lib/postgresql-adapter';

/** Empties every table of this test file's database, for tests that count rows exactly. */
export async function resetDatabase(): Promise<void> {
  if (isPostgresUrl(process.env.DATABASE_URL ?? '')) {
    const tables = await db.$queryRawUnsafe<{ name: string }[]>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE '_prisma_%'",
    );
    // One statement: TRUNCATE ignores foreign keys among the tables it empties and fires no row triggers.
    await db.$executeRawUnsafe(`TRUNCATE ${tables.map(({ name }) => `"${name}"`).join(', ')}`);
    return;
  }
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma_%'",
  );
  await db.$executeRawUnsafe('PRAGMA foreign_keys = OFF');
  try {
    for (const { name } of tables) await db.$executeRawUnsafe(`DELETE FROM "${name}"`);
  } finally {
    await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  }
}
