import { calendarFeedToken } from '~/domain/meetings/calendar.server';
import { z } from 'zod';
import { Prisma } from '~/generated/prisma/client';
import { db } from '~/lib/db.server';
import { queryFirst, queryRows, sqlBoolean, sqlDate } from '~/lib/sql.server';
import { pairMonths } from './pair-month.server';
import { currentTime } from '~/lib/clock';

const toLogRow = z.object({ id: z.string(), startsAt: sqlDate, pairId: z.string() });
const upcomingRow = toLogRow.extend({ placeType: z.string(), place: z.string().nullable(), participantAnswer: z.string().nullable() });
const calendarTokenRow = z.object({ calendarTokenHash: z.string().nullable(), calendarTokenSalt: z.string().nullable() });
const planConsentRow = z.object({ participantId: z.string(), sharePlanWithVolunteer: sqlBoolean });

/** A volunteer's home: each active pair's month, the next meetings and what waits for a log. */
export async function volunteerHome(userId: string, now = currentTime()) {
  const months = await pairMonths(db, now, { volunteerUserId: userId });
  // The volunteer's active pairs, so the meeting queries below are index seeks per pair.
  const pairIds = months.map((pair) => pair.id);
  // `IN ()` is not valid SQL; a volunteer without active pairs gets a list that matches nothing.
  const pairIn = Prisma.join(pairIds.length > 0 ? pairIds : ['']);
  const participantIn = Prisma.join(months.length > 0 ? months.map((pair) => pair.participantId) : ['']);
  // Plain SQL: a volunteer opens this page most, and each Prisma operation costs more than
  // SQLite's own time for these index seeks (docs/performance.md).
  const [upcoming, toLog, user, consents] = await Promise.all([
    queryRows(
      db,
      upcomingRow,
      Prisma.sql`SELECT "id", "startsAt", "placeType", "place", "pairId", "participantAnswer" FROM "Meeting"
        WHERE "status" = 'PLANNED' AND "startsAt" > ${now} AND "pairId" IN (${pairIn})
        ORDER BY "startsAt" LIMIT 5`,
    ),
    queryRows(
      db,
      toLogRow,
      Prisma.sql`SELECT "id", "startsAt", "pairId" FROM "Meeting"
        WHERE "status" = 'PLANNED' AND "startsAt" <= ${now} AND "pairId" IN (${pairIn})
        ORDER BY "startsAt"`,
    ),
    queryFirst(db, calendarTokenRow, Prisma.sql`SELECT "calendarTokenHash", "calendarTokenSalt" FROM "User" WHERE "id" = ${userId}`),
    // The plan is offered only where the consent in force shares it with the volunteer.
    queryRows(
      db,
      planConsentRow,
      Prisma.sql`SELECT "participantId", "sharePlanWithVolunteer" FROM "Consent"
        WHERE "participantId" IN (${participantIn}) AND "withdrawnAt" IS NULL
        ORDER BY "consentDate" DESC, "createdAt" DESC`,
    ),
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
