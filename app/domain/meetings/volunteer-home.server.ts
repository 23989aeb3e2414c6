import type { Db } from '~/lib/db.server';
import { pairMonths } from './monitoring.server';

/** A volunteer's home: each active pair's month, the next meetings and what waits for a log. */
export async function volunteerHome(db: Db, userId: string, now = new Date()) {
  const months = await pairMonths(db, now, { volunteer: { userId } });
  // The volunteer's active pairs, so the meeting queries below are index seeks per pair.
  const pairIds = months.map((pair) => pair.id);
  const [upcoming, toLog, user, consents] = await Promise.all([
    db.meeting.findMany({
      where: { status: 'PLANNED', startsAt: { gt: now }, pairId: { in: pairIds } },
      orderBy: { startsAt: 'asc' },
      take: 5,
      select: { id: true, startsAt: true, placeType: true, place: true, pairId: true },
    }),
    db.meeting.findMany({
      where: { status: 'PLANNED', startsAt: { lte: now }, pairId: { in: pairIds } },
      orderBy: { startsAt: 'asc' },
      select: { id: true, startsAt: true, pair: { select: { participant: { select: { firstName: true } } } } },
    }),
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { calendarToken: true } }),
    // The plan is offered only where the consent in force shares it with the volunteer.
    db.pair.findMany({
      where: { id: { in: pairIds } },
      select: {
        id: true,
        participantId: true,
        participant: {
          select: {
            consents: {
              where: { withdrawnAt: null },
              orderBy: [{ consentDate: 'desc' }, { createdAt: 'desc' }],
              take: 1,
              select: { sharePlanWithVolunteer: true },
            },
          },
        },
      },
    }),
  ]);
  const planShared = new Map(consents.map((pair) => [pair.id, pair.participant.consents[0]?.sharePlanWithVolunteer === true]));
  const participantOf = new Map(consents.map((pair) => [pair.id, pair.participantId]));
  return {
    pairs: months.map((pair) => ({
      ...pair,
      nextMeeting: upcoming.find((meeting) => meeting.pairId === pair.id)?.startsAt ?? null,
      planPath: planShared.get(pair.id) ? `/participants/${participantOf.get(pair.id)}/plan` : null,
    })),
    upcoming,
    toLog: toLog.map((meeting) => ({ id: meeting.id, startsAt: meeting.startsAt, participantFirstName: meeting.pair.participant.firstName })),
    calendarToken: user.calendarToken,
  };
}
