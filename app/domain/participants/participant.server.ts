import type { z } from 'zod';
import { audit } from '~/lib/audit.server';
import { db } from '~/lib/db.server';
import { participantScope, type Actor } from '~/lib/permissions.server';
import { todayInOslo } from '~/lib/time';
import { profileColumns, type participantEditSchema } from './participant-form';
import { consentInForce, consentSummary } from './consent';
import { profileOf, programmesOf } from './profile';
import { canChangeParticipantStatus, participantStatusSchema, phaseOn } from './status';
import { changeParticipantStatus } from './status.server';
import { currentTime } from '~/lib/clock';

/** The coordinator's participant page, with the view audited. Null when out of reach. */
export async function participantProfile(actor: Actor, participantId: string, request: Request) {
  const participant = await db.participant.findFirst({
    where: { id: participantId, anonymisedAt: null, ...participantScope(actor) },
    include: {
      statusChanges: {
        orderBy: { createdAt: 'asc' },
        include: { changedBy: { select: { name: true } } },
      },
      consents: { orderBy: { createdAt: 'desc' }, include: { recordedBy: { select: { name: true } } } },
      programmes: { orderBy: { createdAt: 'asc' } },
      referrals: {
        orderBy: { createdAt: 'desc' },
        include: { referrer: { select: { name: true, organisation: true } } },
      },
    },
  });
  if (!participant) return null;
  await audit(db, request, {
    actorId: actor.id,
    action: 'VIEW',
    entityType: 'PARTICIPANT',
    entityId: participant.id,
    participantId: participant.id,
  });
  const status = participantStatusSchema.parse(participant.status);
  const consent = consentInForce(participant.consents);
  return {
    id: participant.id,
    firstName: participant.firstName,
    lastName: participant.lastName,
    ...profileOf(participant),
    phone: participant.phone,
    email: participant.email,
    status,
    phase: phaseOn(participant, todayInOslo()),
    consent: consent ? consentSummary(consent) : null,
    consentHistory: participant.consents.map((row) => ({
      id: row.id,
      consentDate: row.consentDate,
      takenByName: row.takenByName,
      recordedBy: row.recordedBy?.name ?? null,
      withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    })),
    statusHistory: participant.statusChanges.map((change) => ({
      id: change.id,
      from: change.fromStatus,
      to: participantStatusSchema.parse(change.toStatus),
      reason: change.reason,
      by: change.changedBy?.name ?? null,
      at: change.createdAt.toISOString(),
    })),
    programmes: programmesOf(participant.programmes),
    referrals: participant.referrals.map((referral) => ({
      id: referral.id,
      referralDate: referral.referralDate,
      referrer: referral.referrer.name,
      office: referral.office ?? referral.referrer.organisation,
    })),
  };
}

export type ParticipantEdit = z.infer<ReturnType<typeof participantEditSchema>>;

/** The coordinator's edit, with an audit row naming the changed fields (not their values), in one transaction. */
export function updateParticipant(input: { participantId: string; data: ParticipantEdit; actor: Actor; request: Request | null }) {
  return db.$transaction(async (tx) => {
    const { data } = input;
    const before = await tx.participant.findFirst({
      where: { id: input.participantId, anonymisedAt: null, ...participantScope(input.actor) },
    });
    if (!before) return null;
    const after = profileColumns(data);
    const changed = Object.entries(after)
      .filter(([key, value]) => JSON.stringify(before[key as keyof typeof before] ?? null) !== JSON.stringify(value))
      .map(([key]) => key);
    await tx.participant.update({ where: { id: before.id }, data: after });
    await audit(tx, input.request, {
      actorId: input.actor.id,
      action: 'UPDATE',
      entityType: 'PARTICIPANT',
      entityId: before.id,
      participantId: before.id,
      detail: { fields: changed },
    });
    return changed;
  });
}

/**
 * Withdrawal of consent: every consent row is marked withdrawn (so nothing is shared any more)
 * and the participant moves to WITHDRAWN where the status table allows it, in one transaction.
 */
export function withdrawConsent(input: { participantId: string; reason?: string | null; actor: Actor; request: Request | null }) {
  return db.$transaction(async (tx) => {
    const participant = await tx.participant.findFirst({
      where: { id: input.participantId, anonymisedAt: null, ...participantScope(input.actor) },
      select: { id: true, status: true },
    });
    if (!participant) return null;
    const now = currentTime();
    const withdrawn = await tx.consent.updateMany({
      where: { participantId: participant.id, withdrawnAt: null },
      data: { withdrawnAt: now },
    });
    await audit(tx, input.request, {
      actorId: input.actor.id,
      action: 'UPDATE',
      entityType: 'CONSENT',
      entityId: participant.id,
      participantId: participant.id,
      detail: { withdrawn: withdrawn.count },
    });
    const status = participantStatusSchema.parse(participant.status);
    if (canChangeParticipantStatus(status, 'WITHDRAWN')) {
      await changeParticipantStatus(tx, {
        participantId: participant.id,
        to: 'WITHDRAWN',
        actorId: input.actor.id,
        reason: input.reason ?? null,
      });
    }
    return { withdrawn: withdrawn.count };
  });
}
