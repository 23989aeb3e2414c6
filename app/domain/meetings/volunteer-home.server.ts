import type { Db } from '~/lib/db.server';
import { pairMonths } from './monitoring.server';

/** A volunteer's home: each active pair's month, the next meetings and what waits for a log. */
export async function volunteerHome(db: Db, userId: string, now = new Date()) {
  const months = await pairMonths(db, now, { volunteerUserId: userId });
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
      select: { id: true, startsAt: true, pairId: true },
    }),
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { calendarToken: true } }),
    // The plan is offered only where the consent in force shares it with the volunteer.
    db.consent.findMany({
      where: { participantId: { in: months.map((pair) => pair.participantId) }, withdrawnAt: null },
      orderBy: [{ consentDate: 'desc' }, { createdAt: 'desc' }],
      select: { participantId: true, sharePlanWithVolunteer: true },
    }),
  ]);
  // Newest first: the first consent seen per participant is the one in force.
  const planShared = new Map<string, boolean>();
  for (const consent of consents) {
    if (!planShared.has(consent.participantId)) planShared.set(consent.participantId, consent.sharePlanWithVolunteer);
  }
  const firstNameOf = new Map(months.map((pair) => [pair.id, pair.participantFirstName]));
  return {
    // The coordinator's support-contact counts stay out of the volunteer's page.
    pairs: months.map(({ support: _support, ...pair }) => ({
      ...pair,
      nextMeeting: upcoming.find((meeting) => meeting.pairId === pair.id)?.startsAt ?? null,
      planPath: planShared.get(pair.participantId) ? `/participants/${pair.participantId}/plan` : null,
    })),
    upcoming,
    toLog: toLog.map((meeting) => ({ id: meeting.id, startsAt: meeting.startsAt, participantFirstName: firstNameOf.get(meeting.pairId)! })),
    calendarToken: user.calendarToken,
  };
}
