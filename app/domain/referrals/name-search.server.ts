import { Prisma } from '~/generated/prisma/client';
import type { Db, Tx } from '~/lib/db.server';
import { searchNameOf } from './name-search';

const BATCH = 500;

/**
 * Fills the search key of every participant that has none: new rows written without it (the
 * demo seed, the factories), rows from before the column, and rows whose name changed (a
 * trigger clears the key then). Compare-and-set on the names, so a rename meanwhile is never
 * overwritten with the old name's key. Cheap when there is nothing to do: one indexed read.
 */
export async function fillSearchNames(db: Db | Tx): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await db.participant.findMany({
      where: { searchName: null },
      select: { id: true, firstName: true, lastName: true },
      take: BATCH,
    });
    if (rows.length === 0) return filled;
    const values = Prisma.join(rows.map((row) => Prisma.sql`(${row.id}, ${row.firstName}, ${row.lastName}, ${searchNameOf(row)})`));
    const updated = await db.$executeRaw`
      WITH "k"("id", "firstName", "lastName", "searchName") AS (VALUES ${values})
      UPDATE "Participant" SET "searchName" = "k"."searchName"
      FROM "k"
      WHERE "Participant"."id" = "k"."id" AND "Participant"."firstName" = "k"."firstName"
        AND "Participant"."lastName" = "k"."lastName" AND "Participant"."searchName" IS NULL`;
    filled += updated;
    // Rows renamed meanwhile stay empty for the next call rather than looping here.
    if (updated === 0 || rows.length < BATCH) return filled;
  }
}
