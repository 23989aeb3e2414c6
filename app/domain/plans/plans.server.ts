import crypto from 'node:crypto';
import { db, type Db, type Tx } from '~/lib/db.server';
import {
  type Actor,
  forbidden,
  isRunningPair,
  notFound,
  participantScope,
  RUNNING_PAIR_STATUSES,
  STARTED_PAIR_STATUSES,
} from '~/lib/permissions.server';
import { audit } from '~/lib/audit.server';
import { STANDARD_AREAS, type ReviewStatus } from './areas';
import { summariseMeetings } from './handover';
import { trackerRows } from '~/domain/participants/service-tracker';
import { trackerDaysBefore } from '~/domain/participants/service-tracker.server';
import { releaseDateInForce } from '~/domain/participants/release-date';
import { normaliseAreas, parseGoods, type PlanAreaContent } from './plan-content';
import { latestStatusByArea, workedOnByMonth } from './progress';
import { currentTime } from '~/lib/clock';
import { lockForUpdate } from '~/lib/row-lock.server';

/** The consent in force: the newest one not withdrawn. */
export async function currentConsent(db: Db | Tx, participantId: string) {
  return db.consent.findFirst({
    where: { participantId, withdrawnAt: null },
    orderBy: [{ consentDate: 'desc' }, { createdAt: 'desc' }],
  });
}

export type PlanAccessMode = 'read' | 'edit' | 'handover';

/**
 * The record check for every plan page. Someone outside participantScope gets 404. A
 * volunteer may only read, and only while their pair is ACTIVE and the consent in force
 * shares the plan with them: otherwise 403.
 */
export async function requirePlanAccess(actor: Actor, participantId: string, mode: PlanAccessMode) {
  const participant = await db.participant.findFirst({
    where: { id: participantId, anonymisedAt: null, ...participantScope(actor) },
    select: { id: true, firstName: true, lastName: true },
  });
  if (!participant) notFound();
  const consent = await currentConsent(db, participant.id);
  if (actor.role === 'VOLUNTEER') {
    if (mode !== 'read') forbidden();
    const activePair = await db.pair.findFirst({
      where: { participantId: participant.id, status: { in: [...RUNNING_PAIR_STATUSES] }, volunteer: { userId: actor.id } },
      select: { id: true },
    });
    if (!activePair || !consent?.sharePlanWithVolunteer) forbidden();
  }
  // The referrer sees meeting activity only where the consent shares attendance with them.
  const showMeetingActivity = actor.role !== 'PROBATION_OFFICER' || Boolean(consent?.shareAttendanceWithReferrer);
  return { participant, consent, showMeetingActivity };
}

const areaSelect = {
  areaKey: true,
  title: true,
  future: true,
  goods: true,
  strengths: true,
  opportunities: true,
  barriers: true,
  coping: true,
} as const;

function toContent(area: {
  areaKey: string;
  title: string | null;
  future: string | null;
  goods: unknown;
  strengths: string | null;
  opportunities: string | null;
  barriers: string | null;
  coping: string | null;
}): PlanAreaContent {
  return { ...area, goods: parseGoods(area.goods) };
}

async function versionAreas(db: Db | Tx, versionId: string): Promise<PlanAreaContent[]> {
  const areas = await db.planArea.findMany({ where: { versionId }, orderBy: { position: 'asc' }, select: areaSelect });
  return areas.map(toContent);
}

/** The plan's versions (newest first), the current areas and, if asked for, an earlier version's. */
export async function loadPlan(db: Db, participantId: string, compareNumber?: number) {
  const plan = await db.plan.findUnique({
    where: { participantId },
    select: {
      id: true,
      versions: {
        orderBy: { number: 'desc' },
        select: { id: true, number: true, createdAt: true, createdBy: { select: { name: true } } },
      },
    },
  });
  if (!plan) return null;
  const versions = plan.versions.map((v) => ({ id: v.id, number: v.number, createdAt: v.createdAt, createdBy: v.createdBy?.name ?? null }));
  const [current] = versions;
  if (!current) return null;
  const compared = compareNumber === undefined ? undefined : versions.find((v) => v.number === compareNumber && v !== current);
  return {
    planId: plan.id,
    versions,
    current,
    areas: await versionAreas(db, current.id),
    compared: compared ? { ...compared, areas: await versionAreas(db, compared.id) } : null,
  };
}

/** A pair has ended and no new one is active: the moment to hand the plan over. */
export async function awaitsHandover(participantId: string): Promise<boolean> {
  const pairs = await db.pair.findMany({ where: { participantId, status: { in: [...STARTED_PAIR_STATUSES] } }, select: { status: true } });
  return pairs.some((pair) => pair.status === 'ENDED') && !pairs.some((pair) => isRunningPair(pair.status));
}

export class StalePlanError extends Error {
  constructor(readonly currentNumber: number) {
    super(`The plan is at version ${currentNumber}`);
  }
}

/**
 * Saves the plan as a new version (creating the plan on first save). `baseVersion` is the
 * version the editor started from (0 for none); a different current version means someone
 * else saved meanwhile, and nothing is written — unless that version is this very save sent
 * twice (a double tap: the same person, the same base, the same content), which is then the
 * answer.
 */
export async function savePlanVersion(
  tx: Tx,
  request: Request | null,
  input: { participantId: string; actorId: string; baseVersion: number; areas: PlanAreaContent[] },
) {
  // PostgreSQL: two saves of one plan take turns (SQLite: the write lock already does).
  await lockForUpdate(tx, 'Participant', input.participantId);
  const plan =
    (await tx.plan.findUnique({ where: { participantId: input.participantId }, select: { id: true } })) ??
    (await tx.plan.create({ data: { participantId: input.participantId }, select: { id: true } }));
  const latest = await tx.planVersion.findFirst({ where: { planId: plan.id }, orderBy: { number: 'desc' }, select: { number: true } });
  const currentNumber = latest?.number ?? 0;
  const areas = normaliseAreas(input.areas, () => `custom:${crypto.randomBytes(6).toString('hex')}`);
  if (currentNumber !== input.baseVersion) {
    const repeat = currentNumber === input.baseVersion + 1 && (await versionRepeating(tx, plan.id, currentNumber, input.actorId, areas));
    if (repeat) return { planId: plan.id, versionId: repeat, number: currentNumber };
    throw new StalePlanError(currentNumber);
  }
  const version = await tx.planVersion.create({
    data: {
      planId: plan.id,
      number: currentNumber + 1,
      createdById: input.actorId,
      areas: { create: areas.map((area, position) => ({ ...area, position })) },
    },
    select: { id: true, number: true },
  });
  await tx.plan.update({ where: { id: plan.id }, data: { updatedAt: currentTime() } });
  await audit(tx, request, {
    actorId: input.actorId,
    action: version.number === 1 ? 'CREATE' : 'UPDATE',
    entityType: 'PLAN',
    entityId: plan.id,
    participantId: input.participantId,
    detail: { version: version.number },
  });
  return { planId: plan.id, versionId: version.id, number: version.number };
}

/** The id of version `number` when `actorId` saved it with exactly these areas (new own areas match by content). */
async function versionRepeating(tx: Tx, planId: string, number: number, actorId: string, areas: PlanAreaContent[]): Promise<string | null> {
  const version = await tx.planVersion.findUnique({
    where: { planId_number: { planId, number } },
    select: { id: true, createdById: true },
  });
  if (!version || version.createdById !== actorId) return null;
  const contentOf = (area: PlanAreaContent) =>
    JSON.stringify([
      area.areaKey.startsWith('custom:') ? 'custom' : area.areaKey,
      area.title,
      area.future,
      area.goods,
      area.strengths,
      area.opportunities,
      area.barriers,
      area.coping,
    ]);
  const saved = (await versionAreas(tx, version.id)).map(contentOf);
  return saved.join('\n') === areas.map(contentOf).join('\n') ? version.id : null;
}

/** A new plan version on its own (savePlanVersion composes inside a larger write). */
export function savePlan(request: Request | null, input: Parameters<typeof savePlanVersion>[2]) {
  return db.$transaction((tx) => savePlanVersion(tx, request, input));
}

/** A review needs a plan to review. */
export class NoPlanError extends Error {}

/**
 * Records a review of the participant's plan: each area's status as the reviewer sees it. Items
 * for areas the current version does not have (removed meanwhile) are left out. The same review
 * sent twice (a double tap, a resend) is kept once: the check runs in the write transaction,
 * which holds SQLite's write lock from its start.
 */
export async function recordReview(
  tx: Tx,
  request: Request | null,
  input: {
    participantId: string;
    actorId: string;
    reviewedOn: string;
    note?: string;
    items: { areaKey: string; status: ReviewStatus; note?: string }[];
  },
) {
  await lockForUpdate(tx, 'Participant', input.participantId); // as savePlanVersion
  const plan = await tx.plan.findUnique({
    where: { participantId: input.participantId },
    select: { id: true, versions: { orderBy: { number: 'desc' }, take: 1, select: { areas: { select: { areaKey: true } } } } },
  });
  const current = plan?.versions[0];
  if (!plan || !current) throw new NoPlanError();
  const known = new Set(current.areas.map((area) => area.areaKey));
  const items = input.items.filter((item) => known.has(item.areaKey));
  const sameDay = await tx.planReview.findMany({
    where: { planId: plan.id, reviewedOn: input.reviewedOn, reviewedById: input.actorId, note: input.note ?? null },
    select: { id: true, items: { select: { areaKey: true, status: true, note: true } } },
  });
  const itemsOf = (list: { areaKey: string; status: string; note?: string | null }[]) =>
    JSON.stringify(list.map((item) => [item.areaKey, item.status, item.note ?? null]).sort());
  const repeat = sameDay.find((review) => itemsOf(review.items) === itemsOf(items));
  if (repeat) return { id: repeat.id };
  const review = await tx.planReview.create({
    data: {
      planId: plan.id,
      reviewedOn: input.reviewedOn,
      reviewedById: input.actorId,
      note: input.note ?? null,
      items: {
        create: items.map((item) => ({ areaKey: item.areaKey, status: item.status, note: item.note ?? null })),
      },
    },
    select: { id: true },
  });
  await audit(tx, request, {
    actorId: input.actorId,
    action: 'CREATE',
    entityType: 'PLAN',
    entityId: plan.id,
    participantId: input.participantId,
    detail: { review: review.id },
  });
  return review;
}

/** A review on its own (recordReview composes inside a larger write). */
export function reviewPlan(request: Request | null, input: Parameters<typeof recordReview>[2]) {
  return db.$transaction((tx) => recordReview(tx, request, input));
}

/** The plan page: the current version (and one to compare), its reviews and what meetings worked on; the read audited. */
export async function viewPlan(request: Request | null, actor: Actor, participantId: string, compareNumber?: number) {
  const plan = await loadPlan(db, participantId, compareNumber);
  const progress = await loadProgress(db, {
    participantId,
    planId: plan?.planId ?? null,
    areaOrder: plan?.areas.map((area) => area.areaKey) ?? [...STANDARD_AREAS],
  });
  await audit(db, request, {
    actorId: actor.id,
    action: 'VIEW',
    entityType: 'PLAN',
    entityId: plan?.planId ?? null,
    participantId,
    detail: { version: plan?.current.number ?? null, compared: plan?.compared?.number ?? null },
  });
  return { plan, progress };
}

/** The printable handover document, the read audited. */
export async function viewHandover(request: Request | null, actor: Actor, participantId: string) {
  const handover = await loadHandover(db, participantId);
  await audit(db, request, {
    actorId: actor.id,
    action: 'VIEW',
    entityType: 'PLAN',
    entityId: handover.plan?.planId ?? null,
    participantId,
    detail: { document: 'handover', version: handover.plan?.current.number ?? null },
  });
  return handover;
}

/** Reviews over time (newest first), each area's latest status, and what the meetings touched per month. */
export async function loadProgress(db: Db, input: { participantId: string; planId: string | null; areaOrder: string[] }) {
  const reviews = input.planId
    ? await db.planReview.findMany({
        where: { planId: input.planId },
        orderBy: [{ reviewedOn: 'desc' }, { createdAt: 'desc' }],
        select: {
          id: true,
          reviewedOn: true,
          createdAt: true,
          note: true,
          reviewedBy: { select: { name: true } },
          items: { select: { areaKey: true, status: true, note: true } },
        },
      })
    : [];
  const logs = await db.meetingLog.findMany({
    where: { outcome: 'HELD', meeting: { pair: { participantId: input.participantId } } },
    select: { areas: true, goods: true, meeting: { select: { startsAt: true } } },
  });
  return {
    reviews: reviews.map((review) => ({ ...review, reviewedBy: review.reviewedBy?.name ?? null })),
    latest: latestStatusByArea(reviews),
    workedOn: workedOnByMonth(
      logs.map((log) => ({ startsAt: log.meeting.startsAt, areas: log.areas, goods: log.goods })),
      input.areaOrder,
    ),
  };
}

/** Everything the printable handover document shows. */
export async function loadHandover(db: Db, participantId: string) {
  const participant = await db.participant.findUniqueOrThrow({
    where: { id: participantId },
    select: {
      firstName: true,
      lastName: true,
      dateOfBirth: true,
      expectedReleaseDate: true,
      actualReleaseDate: true,
      releaseMunicipality: true,
      checklist: {
        select: { item: true, status: true, ownerRole: true, note: true, confirmedAt: true, confirmedBy: { select: { name: true } } },
      },
      referrals: {
        orderBy: { createdAt: 'desc' },
        take: 1,
        select: {
          referrer: { select: { name: true, email: true, phone: true, organisation: true } },
          decidedBy: { select: { name: true, email: true, phone: true } },
        },
      },
    },
  });
  const pairs = await db.pair.findMany({
    where: { participantId, status: { in: [...STARTED_PAIR_STATUSES] } },
    orderBy: { activatedAt: 'desc' },
    select: {
      status: true,
      volunteer: { select: { firstName: true, lastName: true, email: true, phone: true } },
      createdBy: { select: { name: true, email: true, phone: true, role: true } },
      meetings: {
        where: { startsAt: { lte: currentTime() } },
        select: { startsAt: true, status: true, durationMinutes: true, log: { select: { outcome: true, durationMinutes: true } } },
      },
    },
  });
  const plan = await loadPlan(db, participantId);
  const progress = await loadProgress(db, {
    participantId,
    planId: plan?.planId ?? null,
    areaOrder: plan?.areas.map((a) => a.areaKey) ?? [],
  });
  const pair = pairs.find((p) => isRunningPair(p.status)) ?? pairs[0] ?? null;
  const referral = participant.referrals[0] ?? null;
  const coordinator = pair?.createdBy?.role === 'COORDINATOR' ? pair.createdBy : (referral?.decidedBy ?? null);
  return {
    participant: {
      name: `${participant.firstName} ${participant.lastName}`,
      dateOfBirth: participant.dateOfBirth,
      releaseDate: releaseDateInForce(participant),
      releaseMunicipality: participant.releaseMunicipality,
    },
    plan,
    latest: progress.latest,
    meetings: summariseMeetings(pairs.flatMap((p) => p.meetings)),
    // -- services (#21): the services tracker, every item with its deadline before the release date in force.
    tracker: trackerRows(
      participant.checklist.map((row) => ({ ...row, confirmedByName: row.confirmedBy?.name ?? null })),
      releaseDateInForce(participant),
      await trackerDaysBefore(db),
      currentTime(),
    ),
    contacts: {
      volunteer: pair
        ? { name: `${pair.volunteer.firstName} ${pair.volunteer.lastName}`, email: pair.volunteer.email, phone: pair.volunteer.phone }
        : null,
      coordinator: coordinator ? { name: coordinator.name, email: coordinator.email, phone: coordinator.phone } : null,
      referrer: referral
        ? {
            name: referral.referrer.name,
            email: referral.referrer.email,
            phone: referral.referrer.phone,
            organisation: referral.referrer.organisation,
          }
        : null,
    },
  };
}
