import type { Actor } from '~/lib/permissions.server';
import { notFound, pairScope } from '~/lib/permissions.server';
import { audit } from '~/lib/audit.server';
import type { Db } from '~/lib/db.server';
import { todayInOslo } from '~/lib/time';
import { pairMonths } from '~/domain/meetings/monitoring.server';
import { canChangeParticipantStatus, participantStatusSchema } from '~/domain/participants/status';
import { participantStatusAfterClosure } from './closure';
import { PAIR_TRANSITIONS, pairStatusSchema, type EndReason } from './status';
import type { ChecklistItem } from '~/domain/participants/release-checklist';
import { fitCheckDue, nextSupportContact } from './support';

/** How many meetings the timeline shows unless all are asked for. */
export const TIMELINE_LIMIT = 20;

/**
 * A pair with its timeline (the latest TIMELINE_LIMIT meetings unless `allMeetings`). The
 * meeting note and concerns' text are for the coordinator only.
 */
export async function pairTimeline(db: Db, request: Request, actor: Actor, pairId: string, now = new Date(), allMeetings = false) {
  const coordinator = actor.role === 'COORDINATOR';
  const pair = await db.pair.findFirst({
    where: { id: pairId, ...pairScope(actor), status: { in: ['ACTIVE', 'ENDED'] } },
    include: {
      participant: {
        select: { id: true, firstName: true, expectedReleaseDate: true, status: true, checklist: { orderBy: { item: 'asc' } } },
      },
      volunteer: { select: { firstName: true, lastName: true } },
      meetings: {
        orderBy: { startsAt: 'desc' },
        take: allMeetings ? undefined : TIMELINE_LIMIT,
        select: {
          id: true,
          startsAt: true,
          durationMinutes: true,
          placeType: true,
          place: true,
          status: true,
          log: { select: { rating: true, activity: true, note: true } },
        },
      },
      // Coordinator-only: not even read for a volunteer.
      concerns: coordinator ? { orderBy: { createdAt: 'desc' } } : false,
      supportContacts: coordinator ? { orderBy: [{ heldOn: 'desc' }] } : false,
      fitChecks: coordinator ? { orderBy: { checkedOn: 'desc' } } : false,
    },
  });
  if (!pair) notFound();
  await audit(db, request, { actorId: actor.id, action: 'VIEW', entityType: 'PAIR', entityId: pair.id, participantId: pair.participant.id });
  const today = todayInOslo(now);
  // A count of its own: Prisma's _count on the relation groups every meeting in the table.
  const [[month], meetingCount] = await Promise.all([
    pair.status === 'ACTIVE' ? pairMonths(db, now, { pairId: pair.id }) : [null],
    db.meeting.count({ where: { pairId: pair.id } }),
  ]);
  const heldContacts = coordinator ? pair.supportContacts.filter((contact) => contact.heldOn).length : 0;
  return {
    id: pair.id,
    status: pairStatusSchema.parse(pair.status),
    startDate: pair.startDate,
    endDate: pair.endDate,
    endType: pair.endType,
    endReason: pair.endReason,
    flaggedForRematch: pair.flaggedForRematch,
    participant: { id: pair.participant.id, firstName: pair.participant.firstName, releaseDate: pair.participant.expectedReleaseDate },
    volunteerName: `${pair.volunteer.firstName} ${pair.volunteer.lastName}`,
    month,
    meetingCount,
    meetings: pair.meetings.map((meeting) => ({
      id: meeting.id,
      startsAt: meeting.startsAt,
      durationMinutes: meeting.durationMinutes,
      placeType: meeting.placeType,
      place: meeting.place,
      status: meeting.status,
      rating: meeting.log?.rating ?? null,
      activity: meeting.log?.activity ?? null,
      note: coordinator ? meeting.log?.note ?? null : null,
    })),
    concerns: coordinator ? pair.concerns : [],
    supportContacts: coordinator ? pair.supportContacts : [],
    fitChecks: coordinator ? pair.fitChecks : [],
    nextSupport: coordinator && pair.startDate && pair.status === 'ACTIVE' ? nextSupportContact(pair.startDate, heldContacts, today) : null,
    fitCheckDue: coordinator && pair.startDate && pair.status === 'ACTIVE' ? fitCheckDue(pair.startDate, pair.fitChecks.length > 0, today) : false,
    checklist: pair.participant.checklist.map((item) => ({ item: item.item, status: item.status, note: item.note })),
  };
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

export class PairAlreadyEndedError extends Error {}

export interface ClosureInput {
  endType: 'PLANNED' | 'UNPLANNED';
  endReason: EndReason;
  endDate: string;
  closureTalkDate?: string;
  contactAfterClosure?: string;
  surveyScore?: number;
  surveyComment?: string;
  endNote?: string;
}

/**
 * Ends a pair for good: the participant's new status, the cancellation of meetings still
 * planned (calendars drop them) and the audit rows commit together. An ended pair is never reopened.
 */
export async function closePair(db: Db, request: Request, actor: Actor, pairId: string, input: ClosureInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    const pair = await tx.pair.findFirst({ where: { id: pairId }, include: { participant: { select: { id: true, status: true } } } });
    if (!pair) notFound();
    if (!PAIR_TRANSITIONS[pairStatusSchema.parse(pair.status)].includes('ENDED')) throw new PairAlreadyEndedError();
    const ended = await tx.pair.updateMany({
      where: { id: pair.id, status: pair.status },
      data: { ...input, status: 'ENDED', endedAt: now },
    });
    if (ended.count !== 1) throw new PairAlreadyEndedError();
    await tx.meeting.updateMany({
      where: { pairId: pair.id, status: 'PLANNED', startsAt: { gt: now } },
      data: { status: 'CANCELLED', sequence: { increment: 1 } },
    });
    const from = participantStatusSchema.parse(pair.participant.status);
    const to = participantStatusAfterClosure(input.endType, input.endReason);
    const otherActive = await tx.pair.count({ where: { participantId: pair.participant.id, status: 'ACTIVE' } });
    if (otherActive === 0 && from !== to && canChangeParticipantStatus(from, to)) {
      await tx.participant.update({ where: { id: pair.participant.id }, data: { status: to, statusChangedAt: now } });
      await tx.participantStatusChange.create({
        data: { participantId: pair.participant.id, fromStatus: from, toStatus: to, reason: input.endReason, changedById: actor.id },
      });
    }
    await audit(tx, request, { actorId: actor.id, action: 'UPDATE', entityType: 'PAIR', entityId: pair.id, participantId: pair.participant.id, detail: { ended: input.endReason } });
    return { participantId: pair.participant.id, participantStatus: otherActive === 0 ? to : from };
  });
}
