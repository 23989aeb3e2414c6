import { z } from 'zod';
import { Prisma } from '~/generated/prisma/client';
import type { Db, Tx } from '~/lib/db.server';
import { queryRows } from '~/lib/sql.server';
import { searchNameOf } from './name-search';

const BATCH = 500;

/** The tables whose people are searched by name; each has firstName, lastName and searchName. */
export type SearchNameTable = 'Participant' | 'VolunteerProfile';

const nameRow = z.object({ id: z.string(), firstName: z.string(), lastName: z.string() });

/**
 * Fills the search key of every person (participants by default) that has none: new rows
 * written without it (the demo seed, the factories), rows from before the column, and rows
 * whose name changed (a trigger clears the key then). Compare-and-set on the names, so a
 * rename meanwhile is never overwritten with the old name's key. Cheap when there is nothing
 * to do: one indexed read.
 */
export async function fillSearchNames(db: Db | Tx, table: SearchNameTable = 'Participant'): Promise<number> {
  const name = Prisma.raw(`"${table}"`);
  let filled = 0;
  for (;;) {
    const rows = await queryRows(
      db,
      nameRow,
      Prisma.sql`SELECT "id", "firstName", "lastName" FROM ${name} WHERE "searchName" IS NULL LIMIT ${BATCH}`,
    );
    if (rows.length === 0) return filled;
    const values = Prisma.join(rows.map((row) => Prisma.sql`(${row.id}, ${row.firstName}, ${row.lastName}, ${searchNameOf(row)})`));
    const updated = await db.$executeRaw`
      WITH "k"("id", "firstName", "lastName", "searchName") AS (VALUES ${values})
      UPDATE ${name} SET "searchName" = "k"."searchName"
      FROM "k"
      WHERE ${name}."id" = "k"."id" AND ${name}."firstName" = "k"."firstName"
        AND ${name}."lastName" = "k"."lastName" AND ${name}."searchName" IS NULL`;
    filled += updated;
    // Rows renamed meanwhile stay empty for the next call rather than looping here.
    if (updated === 0 || rows.length < BATCH) return filled;
  }
}
