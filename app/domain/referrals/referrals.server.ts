import { audit } from '~/lib/audit.server';
import { db, type Tx } from '~/lib/db.server';
import { can, referralScope, type Actor } from '~/lib/permissions.server';
import { consentInForce, consentSummary } from '~/domain/participants/consent';
import { profileOf, programmesOf } from '~/domain/participants/profile';
import { participantStatusSchema } from '~/domain/participants/status';
import { changeParticipantStatus, IllegalStatusChangeError, StaleStatusError } from '~/domain/participants/status.server';
import { countPerMonth, type MonthCount } from './activity';
import { queueDecisionNotice, queueNewReferralNotice } from './notifications.server';
import { profileColumns, sameName } from '~/domain/participants/participant-form';
import { decisionsFrom, isDecision, type Decision } from './decision';
import type { ReferralInput } from './referral-schema';
import { currentTime } from '~/lib/clock';
import { contactOf, handedOverPlan } from './referral-details.server';
import { referrerMayWithdraw } from './withdrawal';
import { searchNameOf } from './name-search';
import { mustConfirmDuplicates } from './duplicates';
import { lockKey } from '~/lib/row-lock.server';

export interface PossibleDuplicate {
  name: string;
  /** Where the user may look at the existing record, or null when it is not theirs to open. */
  href: string | null;
}

/** Participants with the same name and date of birth, as the user may see them. */
export async function findPossibleDuplicates(
  db: Tx,
  actor: Actor,
  person: { firstName: string; lastName: string; dateOfBirth: string },
): Promise<PossibleDuplicate[]> {
  const candidates = await db.participant.findMany({
    where: { dateOfBirth: person.dateOfBirth, anonymisedAt: null },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      referrals: { where: referralScope(actor), select: { id: true }, orderBy: { createdAt: 'desc' }, take: 1 },
    },
  });
  return candidates
    .filter((candidate) => sameName(candidate, person))
    .map((candidate) => ({
      name: `${candidate.firstName} ${candidate.lastName}`,
      href: can(actor.role, 'participants:read')
        ? `/participants/${candidate.id}`
        : candidate.referrals[0]
          ? `/referrals/${candidate.referrals[0].id}`
          : null,
    }));
}

/**
 * A new participant with their referral, consent, programme history and first status, the
 * audit rows and the coordinators' emails, all in the caller's transaction.
 * The same form sent twice (a double tap, a resend) makes one referral: unless the referrer
 * confirmed a duplicate, their own undecided referral of the same person is the answer. The
 * check runs in the write transaction, which holds SQLite's write lock from its start
 * (db.server.ts), so two parallel submits cannot both miss each other.
 */
export async function createReferral(
  tx: Tx,
  input: { data: ReferralInput; actor: Actor; office: string | null; referralDate: string; request: Request | null },
) {
  const { data, actor } = input;
  if (!data.confirmDuplicate) {
    // PostgreSQL: two submits of one referral take turns (SQLite: the write lock already does).
    await lockKey(tx, `referral:${actor.id}:${data.dateOfBirth}:${data.firstName}:${data.lastName}`);
    const repeat = await tx.referral.findFirst({
      where: {
        referrerId: actor.id,
        decision: null,
        participant: { firstName: data.firstName, lastName: data.lastName, dateOfBirth: data.dateOfBirth },
      },
      orderBy: { createdAt: 'desc' },
    });
    if (repeat) return repeat;
  }
  const participant = await tx.participant.create({
    data: {
      ...profileColumns(data),
      searchName: searchNameOf(data),
      dateOfBirth: data.dateOfBirth,
      status: 'REFERRED',
      consents: {
        create: {
          consentDate: data.consentDate,
          takenByName: data.consentTakenBy,
          recordedById: actor.id,
          shareContactWithVolunteer: data.shareContactWithVolunteer,
          sharePlanWithVolunteer: data.sharePlanWithVolunteer,
          shareAttendanceWithReferrer: data.shareAttendanceWithReferrer,
          smsAllowed: data.smsAllowed,
          volunteerMayText: data.smsAllowed && data.volunteerMayText,
        },
      },
      programmes: {
        create: data.programmes
          .filter((row) => row.status !== 'NONE')
          .map((row) => ({
            programme: row.programme,
            otherName: row.programme === 'OTHER' ? (row.otherName ?? null) : null,
            status: row.status,
            startDate: row.startDate ?? null,
            endDate: row.endDate ?? null,
          })),
      },
      statusChanges: { create: { toStatus: 'REFERRED', changedById: actor.id } },
    },
  });
  const referral = await tx.referral.create({
    data: {
      participantId: participant.id,
      referrerId: actor.id,
      referralDate: input.referralDate,
      office: input.office,
      note: data.note ?? null,
    },
  });
  await audit(tx, input.request, {
    actorId: actor.id,
    action: 'CREATE',
    entityType: 'REFERRAL',
    entityId: referral.id,
    participantId: participant.id,
  });
  await queueNewReferralNotice(tx, { referralId: referral.id, participantId: participant.id });
  return referral;
}

/**
 * The coordinator's decision: the participant's status (through the one transition table),
 * the referral's decision, the audit row and the referrer's email, in the caller's transaction.
 * Throws IllegalStatusChangeError / StaleStatusError; returns null for an unknown referral.
 */
export async function decideReferral(
  tx: Tx,
  input: {
    referralId: string;
    actor: Actor;
    decision: Decision;
    reason?: string | null;
    expectedStatus?: string;
    request: Request | null;
  },
) {
  const referral = await tx.referral.findFirst({
    where: { id: input.referralId, ...referralScope(input.actor) },
    select: { id: true, participantId: true, participant: { select: { status: true } } },
  });
  if (!referral) return null;
  const current = participantStatusSchema.parse(referral.participant.status);
  if (input.expectedStatus !== undefined && input.expectedStatus !== current) throw new StaleStatusError(current);
  if (!decisionsFrom(current).includes(input.decision)) throw new IllegalStatusChangeError(current, input.decision);
  const change = await changeParticipantStatus(tx, {
    participantId: referral.participantId,
    to: input.decision,
    actorId: input.actor.id,
    reason: input.reason ?? null,
    expectedFrom: input.expectedStatus,
  });
  await tx.referral.update({
    where: { id: referral.id },
    data: {
      decision: input.decision,
      decisionReason: input.reason ?? null,
      decidedAt: change.createdAt,
      decidedById: input.actor.id,
    },
  });
  await audit(tx, input.request, {
    actorId: input.actor.id,
    action: 'UPDATE',
    entityType: 'REFERRAL',
    entityId: referral.id,
    participantId: referral.participantId,
    detail: { from: change.fromStatus, to: change.toStatus },
  });
  await queueDecisionNotice(tx, {
    referralId: referral.id,
    participantId: referral.participantId,
    decision: input.decision,
    statusChangeId: change.id,
  });
  return change;
}

/** The coordinator's decision on its own (decideReferral composes inside a larger write). */
export function submitDecision(input: Parameters<typeof decideReferral>[1]) {
  return db.$transaction((tx) => decideReferral(tx, input));
}

/** Meetings held per Oslo month across the participant's pairs: counts only, never notes. */
export async function heldMeetingsPerMonth(db: Tx, participantId: string, now = currentTime()): Promise<MonthCount[]> {
  const meetings = await db.meeting.findMany({
    where: { status: 'HELD', startsAt: { lte: now }, pair: { participantId } },
    select: { startsAt: true },
    orderBy: { startsAt: 'asc' },
  });
  return countPerMonth(
    meetings.map((meeting) => meeting.startsAt),
    now,
  );
}

/**
 * One referral as its viewer may see it, with the view audited. The referring officer gets the
 * status timeline and — only while consent to share attendance is in force — meetings held per
 * month; the coordinator gets the whole referral for triage. Null when out of reach.
 */
export async function referralForViewer(actor: Actor, referralId: string, request: Request) {
  const referral = await db.referral.findFirst({
    where: { id: referralId, ...referralScope(actor) },
    include: {
      referrer: { select: { name: true, organisation: true } },
      decidedBy: { select: { name: true } },
      participant: {
        include: {
          statusChanges: {
            orderBy: { createdAt: 'asc' },
            select: { id: true, toStatus: true, reason: true, changedById: true, createdAt: true },
          },
          consents: { orderBy: { createdAt: 'desc' } },
          programmes: { orderBy: { createdAt: 'asc' } },
          pairs: { select: { id: true } },
        },
      },
    },
  });
  if (!referral) return null;
  const { participant } = referral;
  await audit(db, request, {
    actorId: actor.id,
    action: 'VIEW',
    entityType: 'REFERRAL',
    entityId: referral.id,
    participantId: participant.id,
  });
  const consent = consentInForce(participant.consents);
  const showsActivity = actor.role === 'COORDINATOR' || Boolean(consent?.shareAttendanceWithReferrer);
  const activity = showsActivity && participant.pairs.length > 0 ? await heldMeetingsPerMonth(db, participant.id) : null;
  const status = participantStatusSchema.parse(participant.status);
  const timeline = participant.statusChanges.map((change) => ({
    id: change.id,
    status: participantStatusSchema.parse(change.toStatus),
    at: change.createdAt.toISOString(),
    // The officer sees the reason for a decision on their referral and for their own
    // withdrawal of it, nothing else.
    reason:
      actor.role === 'COORDINATOR' || isDecision(change.toStatus) || (change.toStatus === 'WITHDRAWN' && change.changedById === actor.id)
        ? change.reason
        : null,
  }));
  const base = {
    id: referral.id,
    participantId: participant.id,
    participantName: `${participant.firstName} ${participant.lastName}`,
    referralDate: referral.referralDate,
    referrerName: referral.referrer.name,
    office: referral.office,
    status,
    decisionReason: referral.decisionReason,
    timeline,
    activity,
    activityShared: showsActivity,
    consentWithdrawn: !consent,
  };
  // What was referred, for both: the officer sees everything they submitted while consent is
  // in force (never the volunteer's notes, which are not part of it); the coordinator triages on it.
  const details = {
    ...profileOf(participant),
    ...contactOf(participant),
    note: referral.note,
    programmes: programmesOf(participant.programmes),
    consent: consent ? consentSummary(consent) : null,
    plan: await handedOverPlan(db, participant.id),
  };
  if (actor.role !== 'COORDINATOR') {
    // Once the participant has withdrawn consent, the referrer sees the status and no more.
    return {
      ...base,
      details: consent ? details : null,
      triage: null,
      mayWithdraw: referral.referrerId === actor.id && referrerMayWithdraw(status),
    };
  }
  // The coordinator decides on it.
  return { ...base, details, mayWithdraw: false, triage: true as const };
}

export type ReferralSubmission = { kind: 'created'; referralId: string } | { kind: 'possibleDuplicates'; duplicates: PossibleDuplicate[] };

/**
 * A new referral from the form: stopped with the possible duplicates until the referrer confirms
 * it is someone else, else created from the referrer's office (createReferral).
 */
export async function submitReferral(
  request: Request | null,
  actor: Actor,
  data: ReferralInput,
  referralDate: string,
): Promise<ReferralSubmission> {
  const duplicates = data.confirmDuplicate ? [] : await findPossibleDuplicates(db, actor, data);
  if (mustConfirmDuplicates(data.confirmDuplicate, duplicates)) return { kind: 'possibleDuplicates', duplicates };
  const profile = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { organisation: true } });
  const referral = await db.$transaction((tx) => createReferral(tx, { data, actor, office: profile.organisation, referralDate, request }));
  return { kind: 'created', referralId: referral.id };
}
