import { Prisma } from '~/generated/prisma/client';
import { db, type Tx } from '~/lib/db.server';
import { audit } from '~/lib/audit.server';
import { emailCoordinators, enqueueEmail } from '~/lib/email.server';
import { isLanguage, type Language } from '~/lib/i18n';
import { formatDateTime, osloDate, todayInOslo } from '~/lib/time';
import { changeParticipantStatus } from '~/domain/participants/status.server';
import { CONSENT_FIELDS, consentInForce } from '~/domain/participants/consent';
import { queueMatchNotice } from '~/domain/referrals/notifications.server';
import { loadMatchContext, MATCHABLE_PARTICIPANT_STATUSES } from '~/domain/matching/matching.server';
import { scoreMatch, type ExclusionReason } from '~/domain/matching/score';
import { freePlaces } from '~/domain/volunteers/capacity';
import { volunteerPlaces } from '~/domain/volunteers/free-places.server';
import { findMatchableVolunteers } from '~/domain/volunteers/matchable.server';
import { currentTime } from '~/lib/clock';
import { lockForUpdate } from '~/lib/row-lock.server';
import { RUNNING_PAIR_STATUSES } from './status';

export class PairingError extends Error {
  constructor(
    readonly code:
      | ExclusionReason
      | 'PARTICIPANT_NOT_MATCHABLE'
      | 'NOT_PROPOSED'
      | 'START_BEFORE_PROPOSAL'
      | 'PROPOSAL_OPEN'
      // The participant has a running pair that this activation did not end: another instance
      // started one at the same moment (the index Pair_one_active_per_participant refused it).
      | 'ALREADY_PAIRED',
  ) {
    super(code);
  }
}

interface Actor {
  id: string;
}

function languageOf(user: { language: string } | null | undefined): Language {
  return user && isLanguage(user.language) ? user.language : 'nb';
}

/** A proposal notice to the volunteer, in their language; it carries nothing about the participant. */
async function emailVolunteer(tx: Tx, volunteerId: string, template: 'pair-proposal' | 'pair-proposal-withdrawn', idempotencyKey: string) {
  const volunteer = await tx.volunteerProfile.findUniqueOrThrow({
    where: { id: volunteerId },
    select: { email: true, user: { select: { id: true, email: true, language: true } } },
  });
  await enqueueEmail(tx, {
    to: volunteer.user?.email ?? volunteer.email,
    userId: volunteer.user?.id ?? null,
    template,
    data: {},
    language: languageOf(volunteer.user),
    idempotencyKey,
  });
}

/** A unique index refused the row: here, the one open proposal per participant. */
function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * Proposes a pair: re-checks every hard rule at the moment of saving (the page may be stale),
 * creates the PROPOSED pair and asks the volunteer to answer it (a neutral email with a link to
 * /me, nothing about the participant), in one transaction. A participant has at most one open
 * proposal: a second is refused (PROPOSAL_OPEN), also by a unique index when two coordinators
 * propose at once. Nobody is introduced yet: that happens when the pair becomes active.
 *
 * The score and the costly checks are read before the transaction; what two instances could
 * race on is checked again inside it, before the write: the volunteer's free place (two
 * proposals to one volunteer with one place, for two participants) and their readiness. On
 * SQLite the transaction holds the write lock from its start; on PostgreSQL the volunteer's row
 * is locked first (lockForUpdate), so a second proposal waits and then counts the first.
 */
export async function proposePair(
  input: { participantId: string; volunteerId: string; actor: Actor; request: Request | null },
  now = currentTime(),
) {
  const participant = await db.participant.findFirst({
    where: { id: input.participantId, status: { in: [...MATCHABLE_PARTICIPANT_STATUSES] } },
  });
  if (!participant) throw new PairingError('PARTICIPANT_NOT_MATCHABLE');
  if (await db.pair.count({ where: { participantId: participant.id, status: 'PROPOSED' } })) throw new PairingError('PROPOSAL_OPEN');
  const [[volunteer], context] = await Promise.all([volunteerPlaces(db, { volunteerId: input.volunteerId }), loadMatchContext(db, now)]);
  if (!volunteer) throw new PairingError('NOT_READY');
  const [matchable] = await findMatchableVolunteers(db, { volunteerId: volunteer.id });
  if (!matchable) {
    // Read the places again: another instance may have taken the last one since the read above.
    const [latest] = await volunteerPlaces(db, { volunteerId: volunteer.id });
    throw new PairingError(!latest || freePlaces(latest) > 0 ? 'NOT_READY' : 'NO_CAPACITY');
  }
  const score = scoreMatch(
    {
      ...participant,
      interests: participant.interests as string[],
      languages: participant.languages as string[],
    },
    volunteer,
    context,
  );
  if (!score.eligible) throw new PairingError(score.reason);

  try {
    return await db.$transaction(async (tx) => {
      await lockForUpdate(tx, 'VolunteerProfile', volunteer.id);
      const [current] = await volunteerPlaces(tx, { volunteerId: volunteer.id });
      if (!current) throw new PairingError('NOT_READY');
      if (freePlaces(current) === 0) throw new PairingError('NO_CAPACITY');
      if (await tx.pair.count({ where: { participantId: participant.id, status: 'PROPOSED' } })) throw new PairingError('PROPOSAL_OPEN');
      const created = await tx.pair.create({
        data: {
          participantId: participant.id,
          volunteerId: volunteer.id,
          status: 'PROPOSED',
          matchScore: score.total,
          proposedAt: now,
          createdById: input.actor.id,
        },
      });
      await emailVolunteer(tx, volunteer.id, 'pair-proposal', `pair-proposal:${created.id}`);
      await audit(tx, input.request, {
        actorId: input.actor.id,
        action: 'CREATE',
        entityType: 'PAIR',
        entityId: created.id,
        participantId: participant.id,
        detail: { status: 'PROPOSED', score: score.total },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new PairingError('PROPOSAL_OPEN');
    throw error;
  }
}

/**
 * Introduces both sides of a pair that has just become active, each by the other's first name
 * and with the first planned meeting if there is one: the volunteer; the participant when they
 * have an email and a consent in force; the referrer ('referral-matched'). Never a surname,
 * never health or criminal-justice details.
 */
async function introduce(tx: Tx, pairId: string, now: Date) {
  const pair = await tx.pair.findUniqueOrThrow({
    where: { id: pairId },
    select: {
      participant: {
        select: {
          id: true,
          firstName: true,
          email: true,
          consents: { select: CONSENT_FIELDS },
        },
      },
      volunteer: { select: { firstName: true, email: true, user: { select: { id: true, email: true, language: true } } } },
      meetings: { where: { status: 'PLANNED', startsAt: { gte: now } }, orderBy: { startsAt: 'asc' }, take: 1, select: { startsAt: true } },
    },
  });
  const { participant, volunteer } = pair;
  const firstMeetingAt = pair.meetings[0]?.startsAt ?? null;
  const volunteerLanguage = languageOf(volunteer.user);
  await enqueueEmail(tx, {
    to: volunteer.user?.email ?? volunteer.email,
    userId: volunteer.user?.id ?? null,
    // It names the participant: tied to them, so anonymisation removes it with their data.
    participantId: participant.id,
    template: 'pair-intro-volunteer',
    data: {
      pairId,
      participantFirstName: participant.firstName,
      firstMeeting: firstMeetingAt ? formatDateTime(firstMeetingAt, volunteerLanguage) : null,
    },
    language: volunteerLanguage,
    idempotencyKey: `pair-intro-volunteer:${pairId}`,
  });
  if (participant.email && consentInForce(participant.consents)) {
    await enqueueEmail(tx, {
      to: participant.email,
      participantId: participant.id,
      template: 'pair-intro-participant',
      data: { volunteerFirstName: volunteer.firstName, firstMeeting: firstMeetingAt ? formatDateTime(firstMeetingAt, 'nb') : null },
      language: 'nb',
      idempotencyKey: `pair-intro-participant:${pairId}`,
    });
  }
  await queueMatchNotice(tx, { participantId: participant.id, pairId, volunteerFirstName: volunteer.firstName, firstMeetingAt });
}

/**
 * Makes a proposed pair active from a start date, inside the caller's transaction: the
 * participant becomes MATCHED; when they already had an active pair (re-matching), that pair
 * ends with the reason "re-matched". Only now are both sides introduced. Every status change is
 * a compare-and-set (update where the status is still the one read, then check the count), so a
 * proposal withdrawn, declined or activated meanwhile by another instance is never activated
 * twice: the loser gets NOT_PROPOSED and its transaction rolls back. The earlier pair ends
 * before the new one starts, because the database holds one running pair per participant
 * (Pair_one_active_per_participant); should another instance have started a pair for the
 * participant all the same, that index refuses this one (ALREADY_PAIRED).
 */
async function activate(
  tx: Tx,
  input: { pairId: string; startDate: string; actorId: string; request: Request | null; acceptedBy: 'VOLUNTEER' | 'COORDINATOR' },
  now: Date,
) {
  const found = await tx.pair.findUnique({ where: { id: input.pairId }, select: { participantId: true } });
  if (!found) throw new PairingError('NOT_PROPOSED');
  // PostgreSQL: activations of one participant's pairs wait for each other (no-op on SQLite).
  await lockForUpdate(tx, 'Participant', found.participantId);
  const pair = await tx.pair.findUnique({ where: { id: input.pairId } });
  if (!pair || pair.status !== 'PROPOSED') throw new PairingError('NOT_PROPOSED');
  if (input.startDate < osloDate(pair.proposedAt)) throw new PairingError('START_BEFORE_PROPOSAL');
  const previous = await tx.pair.findFirst({
    where: { participantId: pair.participantId, status: { in: [...RUNNING_PAIR_STATUSES] }, id: { not: pair.id } },
  });
  if (previous) {
    const ended = await tx.pair.updateMany({
      where: { id: previous.id, status: previous.status },
      data: {
        status: 'ENDED',
        endDate: input.startDate,
        endedAt: now,
        endType: 'UNPLANNED',
        endReason: 'REMATCHED',
      },
    });
    if (ended.count !== 1) throw new PairingError('NOT_PROPOSED');
    await audit(tx, input.request, {
      actorId: input.actorId,
      action: 'UPDATE',
      entityType: 'PAIR',
      entityId: previous.id,
      participantId: pair.participantId,
      detail: { status: 'ENDED', reason: 'REMATCHED' },
    });
  }
  let count: number;
  try {
    ({ count } = await tx.pair.updateMany({
      where: { id: pair.id, status: 'PROPOSED' },
      data: { status: 'ACTIVE', startDate: input.startDate, activatedAt: now },
    }));
  } catch (error) {
    if (isUniqueViolation(error)) throw new PairingError('ALREADY_PAIRED');
    throw error;
  }
  if (count !== 1) throw new PairingError('NOT_PROPOSED');
  if (!previous) await changeParticipantStatus(tx, { participantId: pair.participantId, to: 'MATCHED', actorId: input.actorId });
  await introduce(tx, pair.id, now);
  await audit(tx, input.request, {
    actorId: input.actorId,
    action: 'UPDATE',
    entityType: 'PAIR',
    entityId: pair.id,
    participantId: pair.participantId,
    detail: { status: 'ACTIVE', startDate: input.startDate, acceptedBy: input.acceptedBy },
  });
  return tx.pair.findUniqueOrThrow({ where: { id: pair.id } });
}

/**
 * The coordinator starts a proposed pair from a start date, e.g. when the volunteer said yes on
 * the phone. The natural way is the volunteer's own answer (acceptProposal). One transaction.
 */
export async function activatePair(
  input: { pairId: string; startDate: string; actor: Actor; request: Request | null },
  now = currentTime(),
) {
  return db.$transaction((tx) =>
    activate(
      tx,
      { pairId: input.pairId, startDate: input.startDate, actorId: input.actor.id, request: input.request, acceptedBy: 'COORDINATOR' },
      now,
    ),
  );
}

/** The volunteer's own open proposal, or null: another volunteer's pair id finds nothing. */
export function findOwnProposal(db: Tx, pairId: string, volunteerUserId: string) {
  return db.pair.findFirst({
    where: { id: pairId, status: 'PROPOSED', volunteer: { userId: volunteerUserId } },
    select: { id: true, participantId: true, volunteer: { select: { status: true } } },
  });
}

/**
 * The volunteer accepts their proposal: the pair becomes ACTIVE from today (Europe/Oslo) and
 * both sides are introduced, in one transaction. A volunteer who is no longer ready (paused,
 * left) cannot start a pair.
 */
export async function acceptProposal(input: { pairId: string; actor: Actor; request: Request | null }, now = currentTime()) {
  return db.$transaction(async (tx) => {
    const pair = await findOwnProposal(tx, input.pairId, input.actor.id);
    if (!pair) throw new PairingError('NOT_PROPOSED');
    if (pair.volunteer.status !== 'READY') throw new PairingError('NOT_READY');
    return activate(
      tx,
      { pairId: pair.id, startDate: todayInOslo(now), actorId: input.actor.id, request: input.request, acceptedBy: 'VOLUNTEER' },
      now,
    );
  });
}

/** Closes an open proposal (compare-and-set): DECLINED by the volunteer or WITHDRAWN by the coordinator. */
async function closeProposal(
  tx: Tx,
  input: { pairId: string; to: 'DECLINED' | 'WITHDRAWN'; declineReason?: string | null; actorId: string; request: Request | null },
  now: Date,
) {
  const pair = await tx.pair.findUnique({ where: { id: input.pairId } });
  if (!pair || pair.status !== 'PROPOSED') throw new PairingError('NOT_PROPOSED');
  const { count } = await tx.pair.updateMany({
    where: { id: pair.id, status: 'PROPOSED' },
    data: { status: input.to, proposalClosedAt: now, declineReason: input.declineReason ?? null },
  });
  if (count !== 1) throw new PairingError('NOT_PROPOSED');
  await audit(tx, input.request, {
    actorId: input.actorId,
    action: 'UPDATE',
    entityType: 'PAIR',
    entityId: pair.id,
    participantId: pair.participantId,
    detail: { status: input.to, ...(input.declineReason ? { reasonGiven: true } : {}) },
  });
  return pair;
}

/**
 * The volunteer declines their proposal, with an optional reason in their own words. The
 * coordinators are told (no names in the email); the participant is back on the waiting list.
 * Nobody is introduced. One transaction.
 */
export async function declineProposal(
  input: { pairId: string; reason?: string | null; actor: Actor; request: Request | null },
  now = currentTime(),
) {
  return db.$transaction(async (tx) => {
    const own = await findOwnProposal(tx, input.pairId, input.actor.id);
    if (!own) throw new PairingError('NOT_PROPOSED');
    const pair = await closeProposal(
      tx,
      { pairId: own.id, to: 'DECLINED', declineReason: input.reason?.trim() || null, actorId: input.actor.id, request: input.request },
      now,
    );
    await emailCoordinators(tx, {
      template: 'pair-proposal-declined',
      data: { participantId: pair.participantId },
      key: (coordinatorId) => `pair-proposal-declined:${pair.id}:${coordinatorId}`,
      participantId: pair.participantId,
    });
    return pair;
  });
}

/**
 * The coordinator withdraws a proposal that did not go ahead. The volunteer, who was asked to
 * answer it, is told it is withdrawn; nobody is introduced, and the participant is back on the
 * waiting list. The pair is kept as WITHDRAWN (it never met, so it does not block a later match).
 */
export async function withdrawProposal(input: { pairId: string; actor: Actor; request: Request | null }, now = currentTime()) {
  return db.$transaction(async (tx) => {
    const pair = await closeProposal(tx, { pairId: input.pairId, to: 'WITHDRAWN', actorId: input.actor.id, request: input.request }, now);
    await emailVolunteer(tx, pair.volunteerId, 'pair-proposal-withdrawn', `pair-proposal-withdrawn:${pair.id}`);
    return pair;
  });
}

/** Whether the pair is this participant's: the matching page acts only on its own participant's pairs. */
export async function isParticipantsPair(pairId: string, participantId: string) {
  return (await db.pair.count({ where: { id: pairId, participantId } })) > 0;
}
