import type { Db, Tx } from '~/lib/db.server';
import { audit } from '~/lib/audit.server';
import { enqueueEmail } from '~/lib/email.server';
import { isLanguage } from '~/lib/i18n';
import { osloDate } from '~/lib/time';
import { changeParticipantStatus } from '~/domain/participants/status.server';
import { queueMatchNotice } from '~/domain/referrals/notifications.server';
import { loadCandidateVolunteers, loadMatchContext, MATCHABLE_PARTICIPANT_STATUSES } from '~/domain/matching/matching.server';
import { scoreMatch, type ExclusionReason } from '~/domain/matching/score';
import { findMatchableVolunteers } from '~/domain/volunteers/matchable.server';
import { currentTime } from '~/lib/clock';

export class PairingError extends Error {
  constructor(readonly code: ExclusionReason | 'PARTICIPANT_NOT_MATCHABLE' | 'NOT_PROPOSED' | 'START_BEFORE_PROPOSAL') {
    super(code);
  }
}

interface Actor {
  id: string;
}

/**
 * Proposes a pair: re-checks every hard rule at the moment of saving (the page may be stale),
 * creates the PROPOSED pair and introduces both sides by email, in one transaction.
 */
export async function proposePair(
  db: Db,
  input: { participantId: string; volunteerId: string; actor: Actor; request: Request | null },
  now = currentTime(),
) {
  const participant = await db.participant.findFirst({
    where: { id: input.participantId, status: { in: [...MATCHABLE_PARTICIPANT_STATUSES] } },
  });
  if (!participant) throw new PairingError('PARTICIPANT_NOT_MATCHABLE');
  const [volunteers, context] = await Promise.all([loadCandidateVolunteers(db), loadMatchContext(db, now)]);
  const volunteer = volunteers.find((candidate) => candidate.id === input.volunteerId);
  if (!volunteer) throw new PairingError('NOT_READY');
  const [matchable] = await findMatchableVolunteers(db, { volunteerId: volunteer.id });
  if (!matchable) throw new PairingError(volunteer.openPairs >= volunteer.capacity ? 'NO_CAPACITY' : 'NOT_READY');
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

  const pair = await db.$transaction(async (tx) => {
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
    await introduce(tx, created.id, participant, volunteer.id);
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
  return pair;
}

async function introduce(tx: Tx, pairId: string, participant: { id: string; email: string | null }, volunteerId: string) {
  const volunteer = await tx.volunteerProfile.findUniqueOrThrow({
    where: { id: volunteerId },
    select: { email: true, user: { select: { id: true, email: true, language: true } } },
  });
  await enqueueEmail(tx, {
    to: volunteer.user?.email ?? volunteer.email,
    userId: volunteer.user?.id ?? null,
    template: 'pair-intro-volunteer',
    data: { pairId },
    language: volunteer.user && isLanguage(volunteer.user.language) ? volunteer.user.language : 'nb',
    idempotencyKey: `pair-intro-volunteer:${pairId}`,
  });
  const consent = await tx.consent.findFirst({
    where: { participantId: participant.id, withdrawnAt: null },
    orderBy: { createdAt: 'desc' },
  });
  if (participant.email && consent) {
    await enqueueEmail(tx, {
      to: participant.email,
      participantId: participant.id,
      template: 'pair-intro-participant',
      data: {},
      language: 'nb',
      idempotencyKey: `pair-intro-participant:${pairId}`,
    });
  }
}

/**
 * Makes a proposed pair active from a start date. The participant becomes MATCHED; when they
 * already had an active pair (re-matching), that pair ends with the reason "re-matched".
 * The referrer is told. All in one transaction.
 */
export async function activatePair(
  db: Db,
  input: { pairId: string; startDate: string; actor: Actor; request: Request | null },
  now = currentTime(),
) {
  return db.$transaction(async (tx) => {
    const pair = await tx.pair.findUnique({ where: { id: input.pairId } });
    if (!pair || pair.status !== 'PROPOSED') throw new PairingError('NOT_PROPOSED');
    if (input.startDate < osloDate(pair.proposedAt)) throw new PairingError('START_BEFORE_PROPOSAL');
    const previous = await tx.pair.findFirst({
      where: { participantId: pair.participantId, status: 'ACTIVE' },
    });
    if (previous) {
      await tx.pair.update({
        where: { id: previous.id },
        data: {
          status: 'ENDED',
          endDate: input.startDate,
          endedAt: now,
          endType: 'UNPLANNED',
          endReason: 'REMATCHED',
        },
      });
      await audit(tx, input.request, {
        actorId: input.actor.id,
        action: 'UPDATE',
        entityType: 'PAIR',
        entityId: previous.id,
        participantId: pair.participantId,
        detail: { status: 'ENDED', reason: 'REMATCHED' },
      });
    } else {
      await changeParticipantStatus(tx, { participantId: pair.participantId, to: 'MATCHED', actorId: input.actor.id });
    }
    const activated = await tx.pair.update({
      where: { id: pair.id },
      data: { status: 'ACTIVE', startDate: input.startDate, activatedAt: now },
    });
    await queueMatchNotice(tx, { participantId: pair.participantId, pairId: pair.id });
    await audit(tx, input.request, {
      actorId: input.actor.id,
      action: 'UPDATE',
      entityType: 'PAIR',
      entityId: pair.id,
      participantId: pair.participantId,
      detail: { status: 'ACTIVE', startDate: input.startDate },
    });
    return activated;
  });
}

/** Withdraws a proposal that did not go ahead (it never met, so it does not block a later match). */
export async function withdrawProposal(db: Db, input: { pairId: string; actor: Actor; request: Request | null }) {
  return db.$transaction(async (tx) => {
    const pair = await tx.pair.findUnique({ where: { id: input.pairId } });
    if (!pair || pair.status !== 'PROPOSED') throw new PairingError('NOT_PROPOSED');
    await tx.pair.delete({ where: { id: pair.id } });
    await audit(tx, input.request, {
      actorId: input.actor.id,
      action: 'DELETE',
      entityType: 'PAIR',
      entityId: pair.id,
      participantId: pair.participantId,
      detail: { status: 'PROPOSED' },
    });
    return pair;
  });
}
