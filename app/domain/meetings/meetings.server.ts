import type { Prisma } from '~/generated/prisma/client';
import type { Actor } from '~/lib/permissions.server';
import { isRunningPair, meetingScope, notFound, pairScope } from '~/lib/permissions.server';
import { audit } from '~/lib/audit.server';
import { db, type Db, type Tx } from '~/lib/db.server';
import { createConcern } from '~/domain/concerns/concerns.server';
import type { ConcernSeverity } from '~/domain/concerns/severity';
import { osloDate } from '~/lib/time';
import { GOODS, isStandardArea, STANDARD_AREAS } from '~/domain/plans/areas';
import type { CancelledBy } from './cancellation';
import { statusForCancellation } from './cancellation';
import type { LogOutcome, PlaceType } from './constants';
import { meetingAccess } from './meeting-access';
import { allowedPlaceTypes, canLogOutcome } from './planning';
import { currentTime } from '~/lib/clock';
import { notifySmsOutbox } from '~/domain/sms/outbox.server';
import { textMeetingChange } from './text-reminders.server';
import { releaseDateInForce } from '~/domain/participants/release-date';
import { ACCOMPANIMENT_TRACKER_ITEM, type AccompanimentKind } from '~/domain/participants/service-tracker';
import { hasValidClearance } from '~/domain/volunteers/clearance';
import { clearancesOf } from '~/domain/volunteers/clearance.server';

export interface MeetingDraft {
  startsAt: Date;
  durationMinutes: number;
  placeType: PlaceType;
  place?: string;
  /** A gate meeting on the release day (#21); the form allows it only on the release date. */
  gateMeeting?: boolean;
  /** -- services (#21): an accompaniment to an appointment; linked to its tracker item where it has one. */
  accompanimentKind?: AccompanimentKind | null;
}

export class MeetingRuleError extends Error {
  constructor(
    readonly key:
      | 'meetings.placeTypeNotAllowed'
      | 'meetings.notPlanned'
      | 'meetings.futureHeld'
      | 'meetings.pairNotActive'
      | 'meetings.inPast'
      | 'meetings.log.notYet'
      | 'meetings.log.alreadyLogged'
      | 'meetings.slotTaken'
      | 'meetings.noClearance',
  ) {
    super(key);
  }
}

/** An active pair the actor may plan for, with what planning needs to know. */
export async function findPlannablePair(actor: Actor, pairId: string, client: Tx = db) {
  const pair = await client.pair.findFirst({
    where: { id: pairId, ...pairScope(actor) },
    select: {
      id: true,
      status: true,
      startDate: true,
      participantId: true,
      volunteerId: true,
      participant: { select: { firstName: true, prison: true, expectedReleaseDate: true, actualReleaseDate: true } },
    },
  });
  if (!pair) notFound();
  // -- release (#21): the date in force (the history's newest), and the volunteer's visitor clearances.
  const clearances = await clearancesOf(client, pair.volunteerId);
  return { ...pair, releaseDate: releaseDateInForce(pair.participant), clearances };
}

function checkDraft(draft: MeetingDraft, releaseDate: string, now: Date) {
  if (draft.startsAt.getTime() <= now.getTime()) throw new MeetingRuleError('meetings.inPast');
  if (!allowedPlaceTypes(releaseDate, osloDate(draft.startsAt)).includes(draft.placeType)) {
    throw new MeetingRuleError('meetings.placeTypeNotAllowed');
  }
}

/** -- release (#21): a prison visit needs the volunteer's valid clearance for the prison on its date. */
async function checkClearance(tx: Tx, pair: { volunteerId: string; participant: { prison: string } }, placeType: string, startsAt: Date) {
  if (placeType !== 'PRISON_VISIT') return;
  if (!hasValidClearance(await clearancesOf(tx, pair.volunteerId), pair.participant.prison, osloDate(startsAt))) {
    throw new MeetingRuleError('meetings.noClearance');
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}

/**
 * Plans several meetings at once ("plan this month"); all or nothing, and once: a draft at an
 * instant where the pair already has a planned or held meeting is left out (the form posted
 * twice, or a double tap), so however often it is posted each meeting exists once. On SQLite
 * the transaction holds the write lock from its start (db.server.ts), so the check and the
 * inserts cannot interleave with another post; elsewhere the partial unique index
 * `Meeting_planned_slot_key` refuses the second insert and the whole plan is read again.
 */
export async function planMeetings(
  request: Request,
  actor: Actor,
  pairId: string,
  drafts: MeetingDraft[],
  now = currentTime(),
): Promise<{ created: Awaited<ReturnType<Tx['meeting']['create']>>[]; existing: number }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await planMeetingsOnce(db, request, actor, pairId, drafts, now);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

async function planMeetingsOnce(db: Db, request: Request, actor: Actor, pairId: string, drafts: MeetingDraft[], now: Date) {
  return db.$transaction(async (tx) => {
    const pair = await findPlannablePair(actor, pairId, tx);
    if (!isRunningPair(pair.status)) throw new MeetingRuleError('meetings.pairNotActive');
    for (const draft of drafts) checkDraft(draft, pair.releaseDate, now);
    for (const draft of drafts) await checkClearance(tx, pair, draft.placeType, draft.startsAt);
    const taken = await tx.meeting.findMany({
      where: { pairId, status: { in: ['PLANNED', 'HELD'] }, startsAt: { in: drafts.map((draft) => draft.startsAt) } },
      select: { startsAt: true },
    });
    const seen = new Set(taken.map((meeting) => meeting.startsAt.getTime()));
    const fresh = drafts.filter((draft) => {
      if (seen.has(draft.startsAt.getTime())) return false;
      seen.add(draft.startsAt.getTime());
      return true;
    });
    const created = [];
    for (const draft of fresh) {
      created.push(
        await tx.meeting.create({
          data: {
            pairId,
            startsAt: draft.startsAt,
            durationMinutes: draft.durationMinutes,
            placeType: draft.placeType,
            place: draft.place ?? null,
            gateMeeting: draft.gateMeeting ?? false,
            accompanimentKind: draft.accompanimentKind ?? null,
            trackerItem: draft.accompanimentKind ? ACCOMPANIMENT_TRACKER_ITEM[draft.accompanimentKind] : null,
          },
        }),
      );
    }
    await audit(tx, request, {
      actorId: actor.id,
      action: 'CREATE',
      entityType: 'PAIR',
      entityId: pairId,
      participantId: pair.participantId,
      detail: { meetings: created.map((meeting) => meeting.id) },
    });
    return { created, existing: drafts.length - created.length };
  });
}

/** A meeting the actor may reach, or 404. */
export async function findMeeting(actor: Actor, meetingId: string, client: Tx = db) {
  const meeting = await client.meeting.findFirst({
    where: { id: meetingId, ...meetingScope(actor) },
    include: {
      log: true,
      concerns: { orderBy: { createdAt: 'asc' } },
      pair: {
        select: {
          id: true,
          status: true,
          participantId: true,
          volunteerId: true,
          participant: {
            select: {
              firstName: true,
              prison: true,
              expectedReleaseDate: true,
              actualReleaseDate: true,
              plan: {
                select: {
                  versions: {
                    orderBy: { number: 'desc' },
                    take: 1,
                    select: { areas: { orderBy: { position: 'asc' }, select: { areaKey: true, title: true } } },
                  },
                },
              },
            },
          },
          volunteer: { select: { firstName: true, lastName: true, userId: true } },
        },
      },
    },
  });
  if (!meeting) notFound();
  return meeting;
}

/** The plan areas a log may name: the standard ones and the participant's own. */
/** The meeting page: the meeting (404 as findMeeting), what the viewer may do with it, the read audited. */
export async function viewMeeting(request: Request | null, actor: Actor, meetingId: string) {
  const meeting = await findMeeting(actor, meetingId);
  await audit(db, request, {
    actorId: actor.id,
    action: 'VIEW',
    entityType: 'MEETING_LOG',
    entityId: meeting.id,
    participantId: meeting.pair.participantId,
  });
  return { meeting, access: meetingAccess(actor.role, meeting.pair.status) };
}

export function loggableAreas(meeting: Awaited<ReturnType<typeof findMeeting>>): { key: string; title: string | null }[] {
  const own = (meeting.pair.participant.plan?.versions[0]?.areas ?? [])
    .filter((area) => !isStandardArea(area.areaKey))
    .map((area) => ({ key: area.areaKey, title: area.title }));
  return [...STANDARD_AREAS.map((key) => ({ key, title: null })), ...own];
}

/** Changes a meeting that is still planned; calendars see a raised SEQUENCE. */
async function changePlannedMeeting(
  request: Request,
  actor: Actor,
  meetingId: string,
  change: (meeting: Awaited<ReturnType<typeof findMeeting>>) => Prisma.MeetingUpdateInput,
  detail: Record<string, unknown>,
  guard?: (tx: Tx, meeting: Awaited<ReturnType<typeof findMeeting>>) => Promise<void>,
) {
  await db
    .$transaction(async (tx) => {
      const meeting = await findMeeting(actor, meetingId, tx);
      if (meeting.status !== 'PLANNED') throw new MeetingRuleError('meetings.notPlanned');
      const startsAt = change(meeting).startsAt;
      if (guard) await guard(tx, meeting);
      if (startsAt instanceof Date) {
        const clash = await tx.meeting.findFirst({
          where: { pairId: meeting.pairId, status: 'PLANNED', startsAt, id: { not: meeting.id } },
          select: { id: true },
        });
        if (clash) throw new MeetingRuleError('meetings.slotTaken');
      }
      await tx.meeting.update({
        where: { id: meeting.id },
        data: { ...change(meeting), replanReason: null, replanFlaggedAt: null, sequence: { increment: 1 } },
      });
      // -- sms (#20): the participant hears of a moved or cancelled meeting.
      await textMeetingChange(tx, meeting.id, detail.moved ? 'MOVED' : 'CANCELLED', meeting.startsAt);
      await audit(tx, request, {
        actorId: actor.id,
        action: 'UPDATE',
        entityType: 'PAIR',
        entityId: meeting.pairId,
        participantId: meeting.pair.participantId,
        detail: { meetingId: meeting.id, ...detail },
      });
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new MeetingRuleError('meetings.slotTaken');
      throw error;
    });
  notifySmsOutbox();
}

export async function moveMeeting(request: Request, actor: Actor, meetingId: string, draft: MeetingDraft, now = currentTime()) {
  await changePlannedMeeting(
    request,
    actor,
    meetingId,
    (meeting) => {
      checkDraft(draft, releaseDateInForce(meeting.pair.participant), now);
      return { ...draft, place: draft.place ?? null, remindedAt: null };
    },
    { moved: true },
    (tx, meeting) => checkClearance(tx, meeting.pair, draft.placeType, draft.startsAt),
  );
}

/**
 * Cancels a planned meeting, saying who called it off and (optionally) why; calendars get
 * STATUS:CANCELLED. The meeting page offers it before the meeting starts; after, it is logged.
 */
export async function cancelMeeting(
  request: Request,
  actor: Actor,
  meetingId: string,
  input: { cancelledBy: CancelledBy; reason?: string } = { cancelledBy: 'OTHER' },
) {
  await changePlannedMeeting(
    request,
    actor,
    meetingId,
    () => ({ status: statusForCancellation(input.cancelledBy), cancelReason: input.reason ?? null }),
    { cancelled: true, cancelledBy: input.cancelledBy },
  );
}

export interface LogInput {
  outcome: LogOutcome;
  durationMinutes?: number;
  activity?: string;
  rating?: number;
  areas: string[];
  goods: string[];
  note?: string;
  concern?: string;
  concernSeverity?: ConcernSeverity;
  /** -- services (#21): an accompaniment after all (a kind), an ordinary meeting after all ('NONE'), or as planned (absent). */
  accompaniment?: AccompanimentKind | 'NONE';
}

/**
 * Logs a meeting once: the log, the meeting's new status, an optional concern with an urgent
 * email to every coordinator, and the audit rows commit together.
 */
export async function logMeeting(request: Request, actor: Actor, meetingId: string, input: LogInput, now = currentTime()) {
  // A second log of the same meeting (a double tap) finds the first one; where two commit at
  // once the unique meetingId of MeetingLog refuses the second: both say "already logged".
  return logMeetingOnce(request, actor, meetingId, input, now).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new MeetingRuleError('meetings.log.alreadyLogged');
    throw error;
  });
}

async function logMeetingOnce(request: Request, actor: Actor, meetingId: string, input: LogInput, now: Date) {
  return db.$transaction(async (tx) => {
    const meeting = await findMeeting(actor, meetingId, tx);
    if (meeting.log) throw new MeetingRuleError('meetings.log.alreadyLogged');
    if (meeting.status !== 'PLANNED') throw new MeetingRuleError('meetings.notPlanned');
    // A meeting is logged once it has started; calling it off ahead is "Avlys møtet".
    if (meeting.startsAt.getTime() > now.getTime()) throw new MeetingRuleError('meetings.log.notYet');
    if (!canLogOutcome(input.outcome, meeting.startsAt, now)) throw new MeetingRuleError('meetings.futureHeld');
    const held = input.outcome === 'HELD';
    // -- release (#21): a prison visit is logged as held only with a valid clearance on its date.
    if (held) await checkClearance(tx, meeting.pair, meeting.placeType, meeting.startsAt);
    const allowedAreas = new Set(loggableAreas(meeting).map((area) => area.key));
    const log = await tx.meetingLog.create({
      data: {
        meetingId: meeting.id,
        outcome: input.outcome,
        durationMinutes: held ? (input.durationMinutes ?? meeting.durationMinutes) : null,
        activity: input.activity ?? null,
        rating: held ? (input.rating ?? null) : null,
        areas: held ? input.areas.filter((area) => allowedAreas.has(area)) : [],
        goods: held ? input.goods.filter((good) => (GOODS as readonly string[]).includes(good)) : [],
        note: input.note ?? null,
        loggedById: actor.id,
      },
    });
    const accompanimentKind = input.accompaniment === 'NONE' ? null : input.accompaniment;
    await tx.meeting.update({
      where: { id: meeting.id },
      data: {
        status: input.outcome,
        sequence: { increment: 1 },
        ...(accompanimentKind !== undefined && {
          accompanimentKind,
          trackerItem: accompanimentKind ? ACCOMPANIMENT_TRACKER_ITEM[accompanimentKind] : null,
        }),
      },
    });
    await audit(tx, request, {
      actorId: actor.id,
      action: 'CREATE',
      entityType: 'MEETING_LOG',
      entityId: log.id,
      participantId: meeting.pair.participantId,
      detail: { meetingId: meeting.id, outcome: input.outcome },
    });
    if (input.concern) {
      await createConcern(tx, request, actor, {
        pairId: meeting.pairId,
        meetingId: meeting.id,
        participantId: meeting.pair.participantId,
        text: input.concern,
        severity: input.concernSeverity ?? 'NORMAL',
      });
    }
    return log;
  });
}

/**
 * Open concerns stay on the dashboard until a coordinator acknowledges them. Only a concern of
 * the given pair that is still open is acknowledged; otherwise nothing is written (false).
 */
export async function acknowledgeConcern(request: Request, actor: Actor, pairId: string, concernId: string, now = currentTime()) {
  return db.$transaction(async (tx) => {
    const concern = await tx.concern.findFirst({
      where: { id: concernId, pairId, acknowledgedAt: null },
      select: { id: true, pairId: true, pair: { select: { participantId: true } } },
    });
    if (!concern) return false;
    await tx.concern.update({ where: { id: concern.id }, data: { acknowledgedAt: now, acknowledgedById: actor.id } });
    await audit(tx, request, {
      actorId: actor.id,
      action: 'UPDATE',
      entityType: 'PAIR',
      entityId: concern.pairId,
      participantId: concern.pair.participantId,
      detail: { concernAcknowledged: concern.id },
    });
    return true;
  });
}
