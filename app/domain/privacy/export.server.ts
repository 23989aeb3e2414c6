import { audit } from '~/lib/audit.server';
import { db, type Db } from '~/lib/db.server';
import type { Actor } from '~/lib/permissions.server';

const userRef = { select: { id: true, name: true, role: true } } as const;

/**
 * Everything held on one participant, for an access request (GDPR art. 15): the participant and
 * every record linked to them, with the people involved named. Null when there is no such participant.
 * tests/integration/privacy.test.ts checks that every relation in the schema is covered.
 */
export async function participantExport(request: Request | null, actor: Pick<Actor, 'id'>, participantId: string) {
  const data = await participantRecords(db, participantId);
  if (data)
    await audit(db, request, { actorId: actor.id, action: 'EXPORT', entityType: 'PARTICIPANT', entityId: data.id, participantId: data.id });
  return data;
}

function participantRecords(db: Db, participantId: string) {
  return db.participant.findUnique({
    where: { id: participantId },
    include: {
      referrals: { include: { referrer: userRef, decidedBy: userRef }, orderBy: { createdAt: 'asc' } },
      statusChanges: { include: { changedBy: userRef }, orderBy: { createdAt: 'asc' } },
      consents: { include: { recordedBy: userRef }, orderBy: { createdAt: 'asc' } },
      programmes: { orderBy: { createdAt: 'asc' } },
      checklist: { include: { updatedBy: userRef }, orderBy: { item: 'asc' } },
      releaseDateChanges: { include: { changedBy: userRef }, orderBy: { createdAt: 'asc' } },
      pairs: {
        orderBy: { proposedAt: 'asc' },
        include: {
          volunteer: { select: { id: true, firstName: true, lastName: true } },
          createdBy: userRef,
          meetings: {
            orderBy: { startsAt: 'asc' },
            include: { log: { include: { loggedBy: userRef } }, concerns: true, smsMessages: { orderBy: { createdAt: 'asc' } } },
          },
          concerns: { include: { raisedBy: userRef, acknowledgedBy: userRef }, orderBy: { createdAt: 'asc' } },
          supportContacts: { include: { coordinator: userRef }, orderBy: { createdAt: 'asc' } },
          holds: { include: { startedBy: userRef, endedBy: userRef }, orderBy: { fromDate: 'asc' } },
          fitChecks: { include: { by: userRef }, orderBy: { createdAt: 'asc' } },
          // Links without their token material: the export is not a way to open them.
          participantLinks: {
            orderBy: { createdAt: 'asc' },
            omit: { salt: true, tokenHash: true },
            include: { issuedBy: userRef, answer: true },
          },
          participantAnswers: { orderBy: { createdAt: 'asc' } },
          smsMessages: { orderBy: { createdAt: 'asc' } },
        },
      },
      plan: {
        include: {
          versions: { orderBy: { number: 'asc' }, include: { createdBy: userRef, areas: { orderBy: { position: 'asc' } } } },
          reviews: { orderBy: { reviewedOn: 'asc' }, include: { reviewedBy: userRef, items: { orderBy: { areaKey: 'asc' } } } },
        },
      },
      outboxEmails: { orderBy: { createdAt: 'asc' } },
      smsMessages: { orderBy: { createdAt: 'asc' } },
      auditEvents: { include: { actor: userRef }, orderBy: { createdAt: 'asc' } },
    },
  });
}
