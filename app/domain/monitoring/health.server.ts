import { z } from 'zod';
import { Prisma } from '~/generated/prisma/client';
import { db } from '~/lib/db.server';
import { queryOne, sqlNumber } from '~/lib/sql.server';

/** Whether the database answers a trivial query (false when it does not, whatever the reason). */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await queryOne(db, z.object({ ok: sqlNumber }), Prisma.sql`SELECT 1 AS "ok"`);
    return true;
  } catch {
    return false;
  }
}
