/**
 * Computed read models kept in the database (ViewSnapshot), for pages whose figures cost too
 * much to compute on every view at national scale (docs/performance.md). A snapshot is used
 * while nothing in the programme's data has changed since it was computed (the sum of the
 * DataVersion shards, one of which database triggers raise on every change; decision 015) and it is younger than `maxAgeMs`,
 * which bounds how long rules that move with the clock (days since a meeting, "ahead" of now)
 * can lag. It lives in the database, not in process memory, so every instance shares it.
 */
import type { SerializeFrom } from '@remix-run/node';
import { z } from 'zod';
import { Prisma } from '~/generated/prisma/client';
import type { Tx } from './db.server';
import { queryOne, sqlDate, sqlNumber } from './sql.server';
import { currentTime } from '~/lib/clock';

/** The programme's data version (decision 015): a scalar subquery, raised by every change. */
export const DATA_VERSION_SQL = Prisma.sql`(SELECT COALESCE(SUM("version"), 0) FROM "DataVersion")`;

const snapshotRow = z.object({
  version: sqlNumber,
  dataVersion: sqlNumber.nullable(),
  computedAt: sqlDate.nullable(),
  payload: z.string().nullable(),
});

export interface View<T> {
  data: SerializeFrom<T>;
  computedAt: Date;
}

export async function cachedView<T>(
  db: Tx,
  key: string,
  maxAgeMs: number,
  compute: () => Promise<T>,
  now = currentTime(),
): Promise<View<T>> {
  const row = await queryOne(
    db,
    snapshotRow,
    Prisma.sql`
    SELECT v."version", s."dataVersion", s."computedAt", s."payload"
    FROM (SELECT ${DATA_VERSION_SQL} AS "version") v
    LEFT JOIN "ViewSnapshot" s ON s."key" = ${key}`,
  );
  const { version, computedAt } = row;
  if (row.payload !== null && computedAt !== null && row.dataVersion === version) {
    const age = now.getTime() - computedAt.getTime();
    if (age >= 0 && age < maxAgeMs) return { data: JSON.parse(row.payload) as SerializeFrom<T>, computedAt };
  }
  // Stored with the version read before computing: a change made meanwhile makes it stale.
  const payload = JSON.stringify(await compute());
  await db.viewSnapshot.upsert({
    where: { key },
    create: { key, dataVersion: version, computedAt: now, payload },
    update: { dataVersion: version, computedAt: now, payload },
  });
  return { data: JSON.parse(payload) as SerializeFrom<T>, computedAt: now };
}
