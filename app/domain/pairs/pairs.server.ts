import type { Actor } from '~/lib/permissions.server';
import { notFound, pairMonthScope } from '~/lib/permissions.server';
import { Prisma, type Meeting, type MeetingLog } from '~/generated/prisma/client';
import { audit } from '~/lib/audit.server';
import type { Db } from '~/lib/db.server';
import { todayInOslo } from '~/lib/time';
import { pairFilterSql, pairMonths } from '~/domain/meetings/monitoring.server';
import { pairStatusSchema } from './status';
import type { ChecklistItem } from '~/domain/participants/release-checklist';
import { fitCheckDue, nextSupportContact } from './support';
import { currentTime } from '~/lib/clock';

/** How many meetings the timeline shows unless all are asked for. */
export const TIMELINE_LIMIT = 20;

interface TimelinePairRow {
  id: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
  endType: string | null;
  endReason: string | null;
  closureTalkDate: string | null;
  closureTalkNotHeldReason: string | null;
  flaggedForRematch: boolean;
  participantId: string;
  participantFirstName: string;
  releaseDate: string;
  volunteerFirstName: string;
  volunteerLastName: string;
  meetingCount: bigint | number;
}

type TimelineMeetingRow = Pick<Meeting, 'id' | 'startsAt' | 'durationMinutes' | 'placeType' | 'place' | 'status' | 'participantAnswer'> &
  Pick<MeetingLog, 'rating' | 'activity' | 'note'>;

/**
 * A pair with its timeline (the latest TIMELINE_LIMIT meetings unless `allMeetings`). The
 * meeting note, concerns, support contacts and fit checks are for the coordinator only and are
 * not even read for anyone else. Plain SQL, one statement per list: the same read through
 * Prisma's nested include cost 6 ms of CPU per view at national scale (docs/performance.md).
 */
export async function pairTimeline(db: Db, request: Request, actor: Actor, pairId: string, now = currentTime(), allMeetings = false) {
  const coordinator = actor.role === 'COORDINATOR';
  const [pair] = await db.$queryRaw<TimelinePairRow[]>`
    SELECT p."id", p."status", p."startDate", p."endDate", p."endType", p."endReason",
      p."closureTalkDate", p."closureTalkNotHeldReason", p."flaggedForRematch",
      pt."id" AS "participantId", pt."firstName" AS "participantFirstName", pt."expectedReleaseDate" AS "releaseDate",
      v."firstName" AS "volunteerFirstName", v."lastName" AS "volunteerLastName",
      (SELECT COUNT(*) FROM "Meeting" m WHERE m."pairId" = p."id") AS "meetingCount"
    FROM "Pair" p
    JOIN "Participant" pt ON pt."id" = p."participantId"
    JOIN "VolunteerProfile" v ON v."id" = p."volunteerId"
    WHERE p."id" = ${pairId} AND p."status" IN ('ACTIVE', 'ENDED') AND ${pairFilterSql(pairMonthScope(actor))}`;
  if (!pair) notFound();
  await audit(db, request, { actorId: actor.id, action: 'VIEW', entityType: 'PAIR', entityId: pair.id, participantId: pair.participantId });
  const today = todayInOslo(now);
  const [meetings, checklist, coordinatorOnly, [month]] = await Promise.all([
    db.$queryRaw<TimelineMeetingRow[]>`
      SELECT m."id", m."startsAt", m."durationMinutes", m."placeType", m."place", m."status", m."participantAnswer",
        l."rating", l."activity", ${coordinator ? Prisma.sql`l."note"` : Prisma.sql`NULL`} AS "note"
      FROM "Meeting" m LEFT JOIN "MeetingLog" l ON l."meetingId" = m."id"
      WHERE m."pairId" = ${pair.id}
      ORDER BY m."startsAt" DESC, m."id" DESC
      ${allMeetings ? Prisma.empty : Prisma.sql`LIMIT ${TIMELINE_LIMIT}`}`,
    db.$queryRaw<{ item: string; status: string; note: string | null }[]>`
      SELECT "item", "status", "note" FROM "ReleaseChecklistItem" WHERE "participantId" = ${pair.participantId} ORDER BY "item"`,
    coordinator ? coordinatorTimeline(db, pair.id) : NOTHING_FOR_NON_COORDINATORS,
    pair.status === 'ACTIVE' ? pairMonths(db, now, { pairId: pair.id }) : [null],
  ]);
  const { concerns, supportContacts, fitChecks } = coordinatorOnly;
  const active = coordinator && pair.startDate !== null && pair.status === 'ACTIVE';
  return {
    id: pair.id,
    status: pairStatusSchema.parse(pair.status),
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
    meetingCount: Number(pair.meetingCount),
    meetings,
    concerns,
    supportContacts,
    fitChecks,
    nextSupport: active ? nextSupportContact(pair.startDate!, supportContacts.filter((contact) => contact.heldOn).length, today) : null,
    fitCheckDue: active ? fitCheckDue(pair.startDate!, fitChecks.length > 0, today) : false,
    checklist,
  };
}

const NOTHING_FOR_NON_COORDINATORS: Awaited<ReturnType<typeof coordinatorTimeline>> = { concerns: [], supportContacts: [], fitChecks: [] };

/** What only the coordinator sees of a pair: its concerns, support contacts and fit checks. */
async function coordinatorTimeline(db: Db, pairId: string) {
  const [concerns, supportContacts, fitChecks] = await Promise.all([
    db.$queryRaw<{ id: string; text: string; severity: string; meetingId: string | null; createdAt: Date; acknowledgedAt: Date | null }[]>`
      SELECT "id", "text", "severity", "meetingId", "createdAt", "acknowledgedAt" FROM "Concern" WHERE "pairId" = ${pairId} ORDER BY "createdAt" DESC`,
    db.$queryRaw<{ id: string; withWhom: string; kind: string | null; heldOn: string | null; durationMinutes: number | null; note: string | null }[]>`
      SELECT "id", "withWhom", "kind", "heldOn", "durationMinutes", "note" FROM "SupportContact"
      WHERE "pairId" = ${pairId} ORDER BY "heldOn" DESC`,
    db.$queryRaw<{ id: string; checkedOn: string; volunteerScore: number; participantScore: number; recommendRematch: boolean }[]>`
      SELECT "id", "checkedOn", "volunteerScore", "participantScore", "recommendRematch" FROM "FitCheck"
      WHERE "pairId" = ${pairId} ORDER BY "checkedOn" DESC`,
  ]);
  return { concerns, supportContacts, fitChecks };
}

async function findActivePair(db: Pick<Db, 'pair'>, pairId: string) {
  const pair = await db.pair.findFirst({ where: { id: pairId, status: 'ACTIVE' }, select: { id: true, participantId: true, startDate: true } });
  if (!pair) notFound();
  return pair;
}

export async function recordSupportContact(
  db: Db,
  request: Request,
  actor: Actor,
  pairId: string,
  input: { withWhom: string; kind: string; heldOn: string; durationMinutes: number; note?: string },
) {
  await db.$transaction(async (tx) => {
    const pair = await findActivePair(tx, pairId);
    const held = await tx.supportContact.count({ where: { pairId, heldOn: { not: null } } });
    const { dueDate } = nextSupportContact(pair.startDate ?? input.heldOn, held, input.heldOn);
    const contact = await tx.supportContact.create({
      data: { pairId, ...input, note: input.note ?? null, dueDate, coordinatorId: actor.id },
    });
    await audit(tx, request, { actorId: actor.id, action: 'CREATE', entityType: 'PAIR', entityId: pairId, participantId: pair.participantId, detail: { supportContact: contact.id } });
  });
}

/** The fit check after the first month; a recommendation to re-match flags the pair. */
export async function recordFitCheck(
  db: Db,
  request: Request,
  actor: Actor,
  pairId: string,
  input: { checkedOn: string; volunteerScore: number; participantScore: number; recommendRematch: boolean; note?: string },
) {
  await db.$transaction(async (tx) => {
    const pair = await findActivePair(tx, pairId);
    const check = await tx.fitCheck.create({ data: { pairId, ...input, note: input.note ?? null, byId: actor.id } });
    if (input.recommendRematch) await tx.pair.update({ where: { id: pairId }, data: { flaggedForRematch: true } });
    await audit(tx, request, { actorId: actor.id, action: 'CREATE', entityType: 'PAIR', entityId: pairId, participantId: pair.participantId, detail: { fitCheck: check.id } });
  });
}

export async function updateChecklist(
  db: Db,
  request: Request,
  actor: Actor,
  pairId: string,
  items: { item: ChecklistItem; status: string; note?: string }[],
) {
  await db.$transaction(async (tx) => {
    const pair = await findActivePair(tx, pairId);
    for (const { item, status, note } of items) {
      await tx.releaseChecklistItem.upsert({
        where: { participantId_item: { participantId: pair.participantId, item } },
        create: { participantId: pair.participantId, item, status, note: note ?? null, updatedById: actor.id },
        update: { status, note: note ?? null, updatedById: actor.id },
      });
    }
    await audit(tx, request, { actorId: actor.id, action: 'UPDATE', entityType: 'PARTICIPANT', entityId: pair.participantId, participantId: pair.participantId, detail: { releaseChecklist: true } });
  });
}
