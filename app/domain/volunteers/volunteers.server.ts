import type { Prisma } from '~/generated/prisma/client';
import { getSetting } from '~/domain/settings/settings.server';
import { audit } from '~/lib/audit.server';
import { db, type Tx } from '~/lib/db.server';
import { osloDate, todayInOslo } from '~/lib/time';
import {
  assessReadiness,
  boardStage,
  courseCompleted,
  daysInStage,
  isStuck,
  type BoardStage,
  type Readiness,
  type ReadinessStep,
} from './readiness';
import { foldName, matchesSearch, searchWords } from '~/domain/referrals/name-search';
import { canChangeVolunteerStatus, resumeStatus, statusFor, volunteerStatusSchema, type VolunteerStatus } from './status';
import { currentTime } from '~/lib/clock';
import { OPEN_PAIR_STATUSES } from './capacity';

/** Everything the readiness rule and the board stage are computed from. */
export const READINESS_INCLUDE = {
  interviews: { select: { outcome: true } },
  references: { select: { outcome: true } },
  certificates: { select: { issueDate: true, shownDate: true } },
  enrolments: { select: { id: true, courseId: true, completedAt: true, course: { select: { requiredHours: true } } } },
  attendance: { where: { present: true }, select: { session: { select: { courseId: true, hours: true } } } },
  pairs: { where: { status: { in: [...OPEN_PAIR_STATUSES] } }, select: { proposedAt: true, activatedAt: true } },
} satisfies Prisma.VolunteerProfileInclude;

type VolunteerWithRecords = Prisma.VolunteerProfileGetPayload<{ include: typeof READINESS_INCLUDE }>;

export interface Evaluation {
  status: VolunteerStatus;
  readiness: Readiness;
  stage: BoardStage;
  openPairs: number;
  /** Hours attended per enrolled course. */
  courseHours: Map<string, number>;
}

export function evaluate(volunteer: VolunteerWithRecords, minTrainingHoursBeforeMatch: number): Evaluation {
  const courseHours = new Map<string, number>();
  for (const { session } of volunteer.attendance) {
    courseHours.set(session.courseId, (courseHours.get(session.courseId) ?? 0) + session.hours);
  }
  const readiness = assessReadiness({
    interviews: volunteer.interviews,
    references: volunteer.references,
    certificates: volunteer.certificates,
    courses: volunteer.enrolments.map((e) => ({ requiredHours: e.course.requiredHours, attendedHours: courseHours.get(e.courseId) ?? 0 })),
    minTrainingHoursBeforeMatch,
  });
  const status = volunteerStatusSchema.parse(volunteer.status);
  const openPairs = volunteer.pairs.length;
  const stage = boardStage({ status, readiness, hasInterview: volunteer.interviews.length > 0, openPairs });
  return { status, readiness, stage, openPairs, courseHours };
}

/** When the volunteer entered their current board stage. */
function stageSince(volunteer: VolunteerWithRecords, stage: BoardStage): Date {
  if (stage === 'matched') {
    const first = volunteer.pairs.map((p) => p.activatedAt ?? p.proposedAt).sort((a, b) => a.getTime() - b.getTime())[0];
    if (first) return first;
  }
  return volunteer.stageChangedAt;
}

async function loadWithRecords(tx: Tx, volunteerId: string) {
  return tx.volunteerProfile.findUniqueOrThrow({ where: { id: volunteerId }, include: READINESS_INCLUDE });
}

export interface ChangeContext {
  actorId: string;
  request: Request | null;
  now: Date;
}

export function auditVolunteer(
  tx: Tx,
  ctx: ChangeContext,
  action: 'CREATE' | 'UPDATE',
  volunteerId: string,
  detail: Record<string, unknown>,
) {
  return audit(tx, ctx.request, { actorId: ctx.actorId, action, entityType: 'VOLUNTEER', entityId: volunteerId, detail });
}

/**
 * Runs a change to volunteers' screening or training records, then brings their status in
 * line with the readiness rule, restarts "days in stage" where the board stage moved, and
 * marks completed courses. Call inside the change's transaction.
 */
export async function withReadinessUpdate<T>(tx: Tx, volunteerIds: string[], ctx: ChangeContext, change: () => Promise<T>): Promise<T> {
  const minHours = await getSetting(tx, 'minTrainingHoursBeforeMatch');
  const before = new Map<string, BoardStage>();
  for (const id of volunteerIds) before.set(id, evaluate(await loadWithRecords(tx, id), minHours).stage);
  const result = await change();
  for (const id of volunteerIds) {
    const volunteer = await loadWithRecords(tx, id);
    const evaluation = evaluate(volunteer, minHours);
    const screeningStarted = volunteer.interviews.length + volunteer.references.length + volunteer.certificates.length > 0;
    const status = statusFor(evaluation.status, { ready: evaluation.readiness.ready, screeningStarted });
    const after = boardStage({
      status,
      readiness: evaluation.readiness,
      hasInterview: volunteer.interviews.length > 0,
      openPairs: evaluation.openPairs,
    });
    if (status !== evaluation.status || after !== before.get(id)) {
      await tx.volunteerProfile.update({
        where: { id },
        data: {
          status,
          ...(after !== before.get(id) ? { stageChangedAt: ctx.now } : {}),
          // The first time the readiness rule is met (volunteers' days to ready, #22).
          ...(status === 'READY' && !volunteer.readyAt ? { readyAt: ctx.now } : {}),
        },
      });
      if (status !== evaluation.status) {
        await auditVolunteer(tx, ctx, 'UPDATE', id, { status: { from: evaluation.status, to: status } });
      }
    }
    for (const enrolment of volunteer.enrolments) {
      const completed = courseCompleted({
        requiredHours: enrolment.course.requiredHours,
        attendedHours: evaluation.courseHours.get(enrolment.courseId) ?? 0,
      });
      if (completed !== Boolean(enrolment.completedAt)) {
        await tx.enrolment.update({ where: { id: enrolment.id }, data: { completedAt: completed ? ctx.now : null } });
      }
    }
  }
  return result;
}

export interface PipelineCard {
  id: string;
  name: string;
  municipality: string;
  stage: BoardStage;
  days: number;
  stuck: boolean;
  /** What readiness still lacks (interview, references, certificate, training), and the hours so far. */
  missing: ReadinessStep[];
  trainingHours: number;
}

/** Every volunteer (not anonymised) on the board, with their stage and days in it. */
export async function loadPipeline(now = currentTime(), client: Tx = db): Promise<PipelineCard[]> {
  const minHours = await getSetting(client, 'minTrainingHoursBeforeMatch');
  const volunteers = await client.volunteerProfile.findMany({
    where: { anonymisedAt: null },
    include: READINESS_INCLUDE,
    orderBy: [{ stageChangedAt: 'asc' }, { lastName: 'asc' }],
  });
  const today = todayInOslo(now);
  return volunteers.map((volunteer) => {
    const { stage, readiness } = evaluate(volunteer, minHours);
    const days = daysInStage(osloDate(stageSince(volunteer, stage)), today);
    return {
      id: volunteer.id,
      name: `${volunteer.firstName} ${volunteer.lastName}`,
      municipality: volunteer.municipality,
      stage,
      days,
      stuck: isStuck(stage, days),
      missing: readiness.missing,
      trainingHours: readiness.trainingHours,
    };
  });
}

/** The programme's minimum training hours before a volunteer may be matched. */
export async function trainingHoursRequired(client: Tx = db): Promise<number> {
  return getSetting(client, 'minTrainingHoursBeforeMatch');
}

/** The cards whose name or municipality holds every word of the search (folded as name-search.ts). */
export function searchPipeline(cards: PipelineCard[], query: string): PipelineCard[] {
  const words = searchWords(query);
  if (words.length === 0) return cards;
  return cards.filter((card) => matchesSearch(foldName(`${card.name} ${card.municipality}`), words));
}

/** One volunteer's page: profile, screening records, training and readiness. */
export async function loadVolunteer(tx: Tx, volunteerId: string, now = currentTime()) {
  const volunteer = await tx.volunteerProfile.findFirst({
    where: { id: volunteerId, anonymisedAt: null },
    include: {
      ...READINESS_INCLUDE,
      interviews: { include: { interviewer: { select: { name: true } } }, orderBy: { heldOn: 'desc' } },
      references: { orderBy: { createdAt: 'asc' } },
      certificates: { include: { seenBy: { select: { name: true } } }, orderBy: { shownDate: 'desc' } },
      enrolments: { include: { course: { select: { id: true, title: true, requiredHours: true } } }, orderBy: { createdAt: 'asc' } },
      invitations: { where: { acceptedAt: null, expiresAt: { gt: now } }, select: { id: true, expiresAt: true } },
      user: { select: { id: true, email: true } },
    },
  });
  if (!volunteer) return null;
  const minHours = await getSetting(tx, 'minTrainingHoursBeforeMatch');
  const evaluation = evaluate(volunteer, minHours);
  const days = daysInStage(osloDate(stageSince(volunteer, evaluation.stage)), todayInOslo(now));
  return { volunteer, evaluation, days, minHours };
}

export async function recordInterview(
  tx: Tx,
  ctx: ChangeContext,
  input: { volunteerId: string; heldOn: string; outcome: string; note?: string },
) {
  await withReadinessUpdate(tx, [input.volunteerId], ctx, async () => {
    const interview = await tx.screeningInterview.create({
      data: {
        volunteerId: input.volunteerId,
        heldOn: input.heldOn,
        outcome: input.outcome,
        note: input.note ?? null,
        interviewerId: ctx.actorId,
      },
    });
    await auditVolunteer(tx, ctx, 'CREATE', input.volunteerId, { interview: interview.id, outcome: input.outcome });
  });
}

export async function addReference(
  tx: Tx,
  ctx: ChangeContext,
  input: { volunteerId: string; name: string; relation: string; phone?: string; contactedOn?: string; outcome: string; note?: string },
) {
  await withReadinessUpdate(tx, [input.volunteerId], ctx, async () => {
    const reference = await tx.volunteerReference.create({
      data: {
        volunteerId: input.volunteerId,
        name: input.name,
        relation: input.relation,
        phone: input.phone ?? null,
        contactedOn: input.contactedOn ?? null,
        outcome: input.outcome,
        note: input.note ?? null,
      },
    });
    await auditVolunteer(tx, ctx, 'CREATE', input.volunteerId, { reference: reference.id, outcome: input.outcome });
  });
}

/** Returns false when the reference does not belong to the volunteer. */
export async function setReferenceOutcome(
  tx: Tx,
  ctx: ChangeContext,
  input: { volunteerId: string; referenceId: string; outcome: string },
): Promise<boolean> {
  return withReadinessUpdate(tx, [input.volunteerId], ctx, async () => {
    const updated = await tx.volunteerReference.updateMany({
      where: { id: input.referenceId, volunteerId: input.volunteerId },
      data: { outcome: input.outcome },
    });
    if (updated.count === 0) return false;
    await auditVolunteer(tx, ctx, 'UPDATE', input.volunteerId, { reference: input.referenceId, outcome: input.outcome });
    return true;
  });
}

/** Records that a certificate was seen; the caller has checked its age (certificateProblem). */
export async function recordCertificate(tx: Tx, ctx: ChangeContext, input: { volunteerId: string; issueDate: string; shownDate: string }) {
  await withReadinessUpdate(tx, [input.volunteerId], ctx, async () => {
    const certificate = await tx.policeCertificate.create({
      data: { volunteerId: input.volunteerId, issueDate: input.issueDate, shownDate: input.shownDate, seenById: ctx.actorId },
    });
    await auditVolunteer(tx, ctx, 'CREATE', input.volunteerId, { certificate: certificate.id });
  });
}

export async function setCapacity(tx: Tx, ctx: ChangeContext, input: { volunteerId: string; capacity: number }) {
  await tx.volunteerProfile.update({ where: { id: input.volunteerId }, data: { capacity: input.capacity } });
  await auditVolunteer(tx, ctx, 'UPDATE', input.volunteerId, { capacity: input.capacity });
}

export class TransitionNotAllowedError extends Error {}

async function changeStatus(
  tx: Tx,
  ctx: ChangeContext,
  volunteerId: string,
  to: (current: VolunteerStatus, ready: boolean) => VolunteerStatus,
  data: Prisma.VolunteerProfileUpdateInput,
) {
  const minHours = await getSetting(tx, 'minTrainingHoursBeforeMatch');
  const evaluation = evaluate(await loadWithRecords(tx, volunteerId), minHours);
  const next = to(evaluation.status, evaluation.readiness.ready);
  if (!canChangeVolunteerStatus(evaluation.status, next)) throw new TransitionNotAllowedError();
  const firstReady =
    next === 'READY' && !(await tx.volunteerProfile.findUnique({ where: { id: volunteerId }, select: { readyAt: true } }))?.readyAt;
  await tx.volunteerProfile.update({
    where: { id: volunteerId },
    data: { ...data, status: next, stageChangedAt: ctx.now, ...(firstReady ? { readyAt: ctx.now } : {}) },
  });
  await auditVolunteer(tx, ctx, 'UPDATE', volunteerId, { status: { from: evaluation.status, to: next } });
  return next;
}

export function pauseVolunteer(tx: Tx, ctx: ChangeContext, input: { volunteerId: string; reason: string }) {
  return changeStatus(tx, ctx, input.volunteerId, () => 'PAUSED', { pauseReason: input.reason });
}

export function resumeVolunteer(tx: Tx, ctx: ChangeContext, input: { volunteerId: string }) {
  return changeStatus(tx, ctx, input.volunteerId, (current, ready) => (current === 'PAUSED' ? resumeStatus(ready) : current), {
    pauseReason: null,
  });
}

export function endVolunteer(tx: Tx, ctx: ChangeContext, input: { volunteerId: string; reason: string }) {
  return changeStatus(tx, ctx, input.volunteerId, () => 'LEFT', { leftReason: input.reason, leftAt: ctx.now });
}
