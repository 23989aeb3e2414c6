import { z } from 'zod';
import { Prisma } from '~/generated/prisma/client';
import { db } from '~/lib/db.server';
import { queryFirst, queryOne, queryRows, sqlBoolean, sqlCount, sqlDate, sqlJson, sqlNumber, SqlRowError } from '~/lib/sql.server';
import { createUser } from '../../prisma/fixtures/factories';
import { resetDatabase } from '../support/reset';

beforeEach(async () => {
  await resetDatabase();
});

describe('checked raw SQL', () => {
  it("normalises SQLite's computed values: bigints, stored date text, 0/1 and NULL aggregates", async () => {
    const user = await createUser(db, { role: 'COORDINATOR', email: 'sql@example.no' });
    const raw = await db.$queryRaw<Record<string, unknown>[]>`
      SELECT COUNT(*) AS "users", MAX("createdAt") AS "latest", 1 = 1 AS "yes", SUM(0) AS "none" FROM "User" WHERE 1 = 0`;
    // What the driver gives before the schema: a bigint, NULLs.
    expect(typeof raw[0]?.users).toBe('bigint');

    const row = await queryOne(
      db,
      z.object({ users: sqlNumber, latest: sqlDate, yes: sqlBoolean, total: sqlCount, id: z.string() }),
      Prisma.sql`SELECT COUNT(*) AS "users", MAX("createdAt") AS "latest", 1 = 1 AS "yes", SUM(CAST(NULL AS INTEGER)) AS "total", MIN("id") AS "id" FROM "User"`,
    );
    expect(row).toEqual({ users: 1, latest: user.createdAt, yes: true, total: 0, id: user.id });
  });

  it('reads declared columns as they are: DateTime, Boolean and a JSON list read as text', async () => {
    await createUser(db, { role: 'COORDINATOR', email: 'json@example.no' });
    const [row] = await queryRows(
      db,
      z.object({ createdAt: sqlDate, deactivatedAt: sqlDate.nullable(), list: sqlJson(z.array(z.string())) }),
      Prisma.sql`SELECT "createdAt", "deactivatedAt", CAST('["a","b"]' AS TEXT) AS "list" FROM "User"`,
    );
    expect(row?.createdAt).toBeInstanceOf(Date);
    expect(row?.deactivatedAt).toBeNull();
    expect(row?.list).toEqual(['a', 'b']);
  });

  it('answers null or throws when a statement returns no row', async () => {
    const statement = Prisma.sql`SELECT "id" FROM "User" WHERE "id" = ${'nobody'}`;
    expect(await queryFirst(db, z.object({ id: z.string() }), statement)).toBeNull();
    await expect(queryOne(db, z.object({ id: z.string() }), statement)).rejects.toThrow(/returned no row/);
  });

  it('fails with a clear error naming the statement, the row and the column, never the values', async () => {
    await createUser(db, { role: 'COORDINATOR', email: 'secret-person@example.no' });
    const failure = queryRows(
      db,
      z.object({ email: sqlNumber }),
      Prisma.sql`SELECT "email" FROM "User" WHERE "email" LIKE ${'%@example.no'}`,
    );
    await expect(failure).rejects.toBeInstanceOf(SqlRowError);
    const error = await failure.then(
      () => new Error('no error'),
      (caught: unknown) => caught as Error,
    );
    expect(error.message).toContain('Row 1 of the statement "SELECT "email" FROM "User" WHERE "email" LIKE ?"');
    expect(error.message).toContain('email');
    expect(error.message).not.toContain('secret-person');
  });

  it('refuses what a column type cannot mean', () => {
    expect(sqlDate.safeParse('not a date').success).toBe(false);
    expect(sqlBoolean.safeParse(2).success).toBe(false);
    expect(sqlNumber.safeParse('12').success).toBe(false);
    expect(sqlNumber.parse(new Prisma.Decimal('2.5'))).toBe(2.5);
    expect(sqlNumber.parse(12n)).toBe(12);
    expect(sqlBoolean.parse(0n)).toBe(false);
    expect(sqlDate.parse(0)).toEqual(new Date(0));
    expect(sqlJson(z.array(z.string())).safeParse('{not json').success).toBe(false);
  });
});
