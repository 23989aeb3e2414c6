import { json } from '@remix-run/node';
import { z } from 'zod';
import { Prisma } from '~/generated/prisma/client';
import { db } from '~/lib/db.server';
import { queryOne, sqlNumber } from '~/lib/sql.server';

/** 200 {"ok":true} when the app and the database answer; 503 otherwise. */
export async function loader() {
  try {
    await queryOne(db, z.object({ ok: sqlNumber }), Prisma.sql`SELECT 1 AS "ok"`);
    return json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return json({ ok: false }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}
