import type { Db } from '~/lib/db.server';
import { databaseProvider } from '~/lib/database-url';

/**
 * Runs `run` while the database itself refuses inserts into `table` whose `column` is `value`
 * (a real failure half-way through a write, "disk full"), with a trigger in the test database's
 * own dialect; the trigger is dropped after. The names are the test's own constants, never input.
 */
export async function withFailingInsert<T>(db: Db, where: { table: string; column: string; value: string }, run: () => Promise<T>) {
  const { table, column, value } = where;
  const literal = `'${value.replaceAll("'", "''")}'`;
  const postgres = databaseProvider(process.env.DATABASE_URL!) === 'postgresql';
  if (postgres) {
    await db.$executeRawUnsafe(
      `CREATE FUNCTION "test_fail_insert"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END; $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "test_fail_insert" BEFORE INSERT ON "${table}" FOR EACH ROW WHEN (NEW."${column}" = ${literal}) EXECUTE FUNCTION "test_fail_insert"()`,
    );
  } else {
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "test_fail_insert" BEFORE INSERT ON "${table}" WHEN NEW."${column}" = ${literal} BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
  }
  try {
    return await run();
  } finally {
    if (postgres) {
      await db.$executeRawUnsafe(`DROP TRIGGER "test_fail_insert" ON "${table}"`);
      await db.$executeRawUnsafe(`DROP FUNCTION "test_fail_insert"()`);
    } else {
      await db.$executeRawUnsafe(`DROP TRIGGER "test_fail_insert"`);
    }
  }
}
