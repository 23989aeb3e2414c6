import { db } from '~/lib/db.server';

/** Demo mode: every text in and out, newest first, as the dev page /texts shows them. */
export async function devboxTexts() {
  return db.smsMessage.findMany({
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: {
      id: true,
      direction: true,
      kind: true,
      phone: true,
      body: true,
      encoding: true,
      segments: true,
      status: true,
      createdAt: true,
      participant: { select: { firstName: true } },
    },
  });
}

/** The numbers that have been texted, for "reply as the participant". */
export async function devboxNumbers(): Promise<string[]> {
  const rows = await db.smsMessage.findMany({
    where: { direction: 'OUT' },
    distinct: ['phone'],
    select: { phone: true },
    orderBy: { phone: 'asc' },
  });
  return rows.map((row) => row.phone);
}
