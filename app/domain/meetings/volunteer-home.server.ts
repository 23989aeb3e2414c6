import { calendarFeedToken } from './calendar.server';
import { Prisma } from '~/generated/prisma/client';
import type { Db } from '~/lib/db.server';
import { pairMonths } from './monitoring.server';
import { currentTime } from '~/lib/clock';

/** A volunteer's home: each active pair's month, the next meetings and what waits for a log. */
export async function volunteerHome(db: Db, userId: string, now = currentTime()) {
  const months = await pairMonths(db, now, { volunteerUserId: userId });
  // The volunteer's active pairs, so the meeting queries below are index seeks per pair.
  const pairIds = months.map((pair) => pair.id);
  // `IN ()` is not valid SQL; a volunteer without active pairs gets a list that matches nothing.
  const pairIn = Prisma.join(pairIds.length > 0 ? pairIds : ['']);
  const participantIn = Prisma.join(months.length > 0 ? months.map((pair) => pair.participantId) : ['']);
  // Plain SQL: a volunteer opens this page most, and each Prisma operation costs more than
  // SQLite's own time for these index seeks (docs/performance.md).
  const [upcoming, toLog, [user], consents] = await Promise.all([
    db.$queryRaw<{ id: string; startsAt: Date; placeType: string; place: string | null; pairId: string; participantAnswer: string | null }[]>`
      SELECT "id", "startsAt", "placeType", "place", "pairId", "participantAnswer" FROM "Meeting"
      WHERE "status" = 'PLANNED' AND "startsAt" > ${now} AND "pairId" IN (${pairIn})
      ORDER BY "startsAt" LIMIT 5`,
    db.$queryRaw<{ id: string; startsAt: Date; pairId: string }[]>`
      SELECT "id", "startsAt", "pairId" FROM "Meeting"
      WHERE "status" = 'PLANNED' AND "startsAt" <= ${now} AND "pairId" IN (${pairIn})
      ORDER BY "startsAt"`,
    db.$queryRaw<{ calendarTokenHash: string | null; calendarTokenSalt: string | null }[]>`SELECT "calendarTokenHash", "calendarTokenSalt" FROM "User" WHERE "id" = ${userId}`,
    // The plan is offered only where the consent in force shares it with the volunteer.
    db.$queryRaw<{ participantId: string; sharePlanWithVolunteer: boolean }[]>`
      SELECT "participantId", "sharePlanWithVolunteer" FROM "Consent"
      WHERE "participantId" IN (${participantIn}) AND "withdrawnAt" IS NULL
      ORDER BY "consentDate" DESC, "createdAt" DESC`,
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
    calendarToken: user ? calendarFeedToken({ id: userId, ...user }) : null,
  };
}
