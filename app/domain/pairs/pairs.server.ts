import type { Actor } from '~/lib/permissions.server';
import { isRunningPair, notFound, pairAccess, pairFilterSql, RUNNING_PAIR_STATUSES, STARTED_PAIR_STATUSES } from '~/lib/permissions.server';
import { z } from 'zod';
import { Prisma } from '~/generated/prisma/client';
import { queryFirst, queryRows, sqlBoolean, sqlDate, sqlNumber } from '~/lib/sql.server';
import { audit } from '~/lib/audit.server';
import { db, type Db } from '~/lib/db.server';
import { todayInOslo } from '~/lib/time';
import { pairMonths } from './pair-month.server';
import { pairStatusSchema } from './status';
import { trackerRows } from '~/domain/participants/service-tracker';
import { trackerDaysBefore } from '~/domain/participants/service-tracker.server';
import { fitCheckDue, nextSupportContact } from './support';
import { currentTime } from '~/lib/clock';
import { lockForUpdate } from '~/lib/row-lock.server';
import { releaseInForceSql } from '~/domain/participants/release-date.server';

/** How many meetings the timeline shows unless all are asked for. */
export const TIMELINE_LIMIT = 20;

const timelinePairRow = z.object({
  id: z.string(),
  status: pairStatusSchema,
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  endType: z.string().nullable(),
  endReason: z.string().nullable(),
  closureTalkDate: z.string().nullable(),
  closureTalkNotHeldReason: z.string().nullable(),
  flaggedForRematch: sqlBoolean,
  participantId: z.string(),
  participantFirstName: z.string(),
  releaseDate: z.string(),
  volunteerFirstName: z.string(),
  volunteerLastName: z.string(),
  meetingCount: sqlNumber,
});

const timelineMeetingRow = z.object({
  id: z.string(),
  startsAt: sqlDate,
  durationMinutes: sqlNumber,
  placeType: z.string(),
  place: z.string().nullable(),
  status: z.string(),
  rating: sqlNumber.nullable(),
  activity: z.string().nullable(),
  note: z.string().nullable(),
  participantAnswer: z.string().nullable(),
  /** A moved release date left it on the wrong side (PRISON_AFTER_RELEASE | COMMUNITY_BEFORE_RELEASE). */
  replanReason: z.string().nullable(),
  /** -- services (#21): an accompaniment to an appointment (NAV | PROBATION | GP | TREATMENT | HOUSING | OTHER). */
  accompanimentKind: z.string().nullable(),
  /** A meeting at the gate on the release day (#21). */
  gateMeeting: sqlBoolean,
});

const trackerRow = z.object({
  item: z.string(),
  status: z.string(),
  ownerRole: z.string().nullable(),
  note: z.string().nullable(),
  confirmedAt: sqlDate.nullable(),
});

const concernRow = z.object({
  id: z.string(),
  text: z.string(),
  severity: z.string(),
  meetingId: z.string().nullable(),
  createdAt: sqlDate,
  acknowledgedAt: sqlDate.nullable(),
});

const supportContactRow = z.object({
  id: z.string(),
  withWhom: z.string(),
  kind: z.string().nullable(),
  heldOn: z.string().nullable(),
  durationMinutes: sqlNumber.nullable(),
  note: z.string().nullable(),
});

const fitCheckRow = z.object({
  id: z.string(),
  checkedOn: z.string(),
  volunteerScore: sqlNumber,
  participantScore: sqlNumber,
  recommendRematch: sqlBoolean,
});

/**
 * A pair with its timeline (the latest TIMELINE_LIMIT meetings unless `allMeetings`). The
 * meeting note, concerns, support contacts and fit checks are for the coordinator only and are
 * not even read for anyone else. Plain SQL, one statement per list: the same read through
 * Prisma's nested include cost 6 ms of CPU per view at national scale (docs/performance.md).
 */
export async function pairTimeline(request: Request, actor: Actor, pairId: string, now = currentTime(), allMeetings = false) {
  const coordinator = actor.role === 'COORDINATOR';
  const pair = await queryFirst(
    db,
    timelinePairRow,
    Prisma.sql`
    SELECT p."id", p."status", p."startDate", p."endDate", p."endType", p."endReason",
      p."closureTalkDate", p."closureTalkNotHeldReason", p."flaggedForRematch",
      pt."id" AS "participantId", pt."firstName" AS "participantFirstName", ${releaseInForceSql('pt')} AS "releaseDate",
      v."firstName" AS "volunteerFirstName", v."lastName" AS "volunteerLastName",
      (SELECT COUNT(*) FROM "Meeting" m WHERE m."pairId" = p."id") AS "meetingCount"
    FROM "Pair" p
    JOIN "Participant" pt ON pt."id" = p."participantId"
    JOIN "VolunteerProfile" v ON v."id" = p."volunteerId"
    WHERE p."id" = ${pairId} AND p."status" IN (${Prisma.join(STARTED_PAIR_STATUSES)}) AND ${pairFilterSql(pairAccess(actor))}`,
  );
  if (!pair) notFound();
  await audit(db, request, { actorId: actor.id, action: 'VIEW', entityType: 'PAIR', entityId: pair.id, participantId: pair.participantId });
  const today = todayInOslo(now);
  const [meetings, recordedTracker, daysBefore, coordinatorOnly, [month]] = await Promise.all([
    queryRows(
      db,
      timelineMeetingRow,
      Prisma.sql`
      SELECT m."id", m."startsAt", m."durationMinutes", m."placeType", m."place", m."status", m."participantAnswer", m."replanReason", m."accompanimentKind", m."gateMeeting",
        l."rating", l."activity", ${coordinator ? Prisma.sql`l."note"` : Prisma.sql`NULL`} AS "note"
      FROM "Meeting" m LEFT JOIN "MeetingLog" l ON l."meetingId" = m."id"
      WHERE m."pairId" = ${pair.id}
      ORDER BY m."startsAt" DESC, m."id" DESC
      ${allMeetings ? Prisma.empty : Prisma.sql`LIMIT ${TIMELINE_LIMIT}`}`,
    ),
    queryRows(
      db,
      trackerRow,
      Prisma.sql`SELECT "item", "status", "ownerRole", "note", "confirmedAt" FROM "ReleaseChecklistItem" WHERE "participantId" = ${pair.participantId}`,
    ),
    trackerDaysBefore(db),
    coordinator ? coordinatorTimeline(db, pair.id) : NOTHING_FOR_NON_COORDINATORS,
    isRunningPair(pair.status) ? pairMonths(db, now, { pairId: pair.id }) : [null],
  ]);
  const { concerns, supportContacts, fitChecks } = coordinatorOnly;
  const active = coordinator && pair.startDate !== null && isRunningPair(pair.status);
  return {
    id: pair.id,
    status: pair.status,
    startDate: pair.startDate,
    endDate: pair.endDate,
    endType: pair.endType,
    endReason: pair.endReason,
    closureTalkDate: pair.closureTalkDate,
    closureTalkNotHeldReason: coordinator ? pair.closureTalkNotHeldReason : null,
    flaggedForRematch: pair.flaggedForRematch,
    participant: { id: pair.participantId, firstName: pair.participantFirstName, releaseDate: pair.releaseDate },
    volunteerName: `${pair.volunteerFirstName} ${pair.volunteerLastName}`,
    month,
    meetingCount: pair.meetingCount,
    meetings,
    concerns,
    supportContacts,
    fitChecks,
    nextSupport: active
      ? nextSupportContact(pair.startDate!, supportContacts.filter((contact) => contact.heldOn).length, today, month?.support?.justReleased)
      : null,
    fitCheckDue: active ? fitCheckDue(pair.startDate!, fitChecks.length > 0, today) : false,
    // -- services (#21): the tracker at a glance (its page, /participants/:id/services, has the rest).
    tracker: trackerRows(recordedTracker, pair.releaseDate, daysBefore, now).map(({ item, status, owner, deadline, overdue }) => ({
      item,
      status,
      owner,
      deadline,
      overdue,
    })),
  };
}

const NOTHING_FOR_NON_COORDINATORS: Awaited<ReturnType<typeof coordinatorTimeline>> = { concerns: [], supportContacts: [], fitChecks: [] };

/** What only the coordinator sees of a pair: its concerns, support contacts and fit checks. */
async function coordinatorTimeline(db: Db, pairId: string) {
  const [concerns, supportContacts, fitChecks] = await Promise.all([
    queryRows(
      db,
      concernRow,
      Prisma.sql`SELECT "id", "text", "severity", "meetingId", "createdAt", "acknowledgedAt" FROM "Concern" WHERE "pairId" = ${pairId} ORDER BY "createdAt" DESC`,
    ),
    queryRows(
      db,
      supportContactRow,
      Prisma.sql`SELECT "id", "withWhom", "kind", "heldOn", "durationMinutes", "note" FROM "SupportContact"
        WHERE "pairId" = ${pairId} ORDER BY "heldOn" DESC`,
    ),
    queryRows(
      db,
      fitCheckRow,
      Prisma.sql`SELECT "id", "checkedOn", "volunteerScore", "participantScore", "recommendRematch" FROM "FitCheck"
        WHERE "pairId" = ${pairId} ORDER BY "checkedOn" DESC`,
    ),
  ]);
  return { concerns, supportContacts, fitChecks };
}

async function findActivePair(db: Pick<Db, 'pair'>, pairId: string) {
  const pair = await db.pair.findFirst({
    where: { id: pairId, status: { in: [...RUNNING_PAIR_STATUSES] } },
    select: { id: true, participantId: true, startDate: true },
  });
  if (!pair) notFound();
  return pair;
}

/**
 * Records one support contact. The same contact sent twice (a double tap, a resend) is kept
 * once: the check runs in the write transaction, which holds SQLite's write lock from its start.
 */
export async function recordSupportContact(
  request: Request,
  actor: Actor,
  pairId: string,
  input: { withWhom: string; kind: string; heldOn: string; durationMinutes: number; note?: string },
) {
  await db.$transaction(async (tx) => {
    // PostgreSQL: two submits for one pair take turns (SQLite: the write lock already does).
    await lockForUpdate(tx, 'Pair', pairId);
    const pair = await findActivePair(tx, pairId);
    if (
      await tx.supportContact.findFirst({
        where: { pairId, ...input, note: input.note ?? null, coordinatorId: actor.id },
        select: { id: true },
      })
    )
      return;
    const held = await tx.supportContact.count({ where: { pairId, heldOn: { not: null } } });
    const { dueDate } = nextSupportContact(pair.startDate ?? input.heldOn, held, input.heldOn);
    const contact = await tx.supportContact.create({
      data: { pairId, ...input, note: input.note ?? null, dueDate, coordinatorId: actor.id },
    });
    await audit(tx, request, {
      actorId: actor.id,
      action: 'CREATE',
      entityType: 'PAIR',
      entityId: pairId,
      participantId: pair.participantId,
      detail: { supportContact: contact.id },
    });
  });
}

/** The fit check after the first month; a recommendation to re-match flags the pair. The same check sent twice is kept once. */
export async function recordFitCheck(
  request: Request,
  actor: Actor,
  pairId: string,
  input: { checkedOn: string; volunteerScore: number; participantScore: number; recommendRematch: boolean; note?: string },
) {
  await db.$transaction(async (tx) => {
    await lockForUpdate(tx, 'Pair', pairId); // as recordSupportContact
    const pair = await findActivePair(tx, pairId);
    if (await tx.fitCheck.findFirst({ where: { pairId, ...input, note: input.note ?? null, byId: actor.id }, select: { id: true } }))
      return;
    const check = await tx.fitCheck.create({ data: { pairId, ...input, note: input.note ?? null, byId: actor.id } });
    if (input.recommendRematch) await tx.pair.update({ where: { id: pairId }, data: { flaggedForRematch: true } });
    await audit(tx, request, {
      actorId: actor.id,
      action: 'CREATE',
      entityType: 'PAIR',
      entityId: pairId,
      participantId: pair.participantId,
      detail: { fitCheck: check.id },
    });
  });
}
