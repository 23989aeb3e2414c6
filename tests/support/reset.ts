import { db } from '~/lib/db.server';

/** Empties every table of this test file's database, for tests that count rows exactly. */
export async function resetDatabase(): Promise<void> {
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
