import type { Db } from '~/lib/db.server';

/** A volunteer's active pairs with their next planned meeting. */
export async function volunteerHome(db: Db, userId: string, now = new Date()) {
  const pairs = await db.pair.findMany({
    where: { status: 'ACTIVE', volunteer: { userId } },
    orderBy: { activatedAt: 'asc' },
    select: {
      id: true,
      startDate: true,
      participant: { select: { firstName: true } },
      meetings: {
        where: { status: 'PLANNED', startsAt: { gte: now } },
        orderBy: { startsAt: 'asc' },
        take: 1,
        select: { startsAt: true },
      },
    },
  });
  return {
    pairs: pairs.map((pair) => ({
      id: pair.id,
      startDate: pair.startDate,
      participantFirstName: pair.participant.firstName,
      nextMeeting: pair.meetings[0]?.startsAt ?? null,
    })),
  };
}
