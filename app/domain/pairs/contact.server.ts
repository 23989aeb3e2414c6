import { CONSENT_FIELDS, consentInForce } from '~/domain/participants/consent';
import { audit } from '~/lib/audit.server';
import { db } from '~/lib/db.server';
import type { Actor } from '~/lib/permissions.server';

export type PairContact =
  | { shared: true; phone: string | null; email: string | null }
  | { shared: false; coordinator: { name: string; email: string; phone: string | null } | null };

/**
 * How the volunteer of an active pair reaches the participant: the participant's own phone
 * and email where the consent in force shares contact details with the volunteer (the view
 * is audited like every read of participant data), otherwise the coordinator who arranges
 * contact — the one who made the pair while still active, else the longest-serving one.
 */
export async function pairContact(request: Request, actor: Actor, pairId: string): Promise<PairContact> {
  const pair = await db.pair.findUniqueOrThrow({
    where: { id: pairId },
    select: {
      participantId: true,
      createdById: true,
      participant: {
        select: {
          phone: true,
          email: true,
          anonymisedAt: true,
          consents: { select: CONSENT_FIELDS },
        },
      },
    },
  });
  const { participant } = pair;
  const consent = consentInForce(participant.consents);
  if (consent?.shareContactWithVolunteer && participant.anonymisedAt === null) {
    await audit(db, request, {
      actorId: actor.id,
      action: 'VIEW',
      entityType: 'PARTICIPANT',
      entityId: pair.participantId,
      participantId: pair.participantId,
      detail: { contactDetails: true, pairId },
    });
    return { shared: true, phone: participant.phone, email: participant.email };
  }
  const select = { name: true, email: true, phone: true } as const;
  const active = { role: 'COORDINATOR', deactivatedAt: null } as const;
  const coordinator =
    (pair.createdById ? await db.user.findFirst({ where: { id: pair.createdById, ...active }, select }) : null) ??
    (await db.user.findFirst({ where: active, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select }));
  return { shared: false, coordinator };
}
