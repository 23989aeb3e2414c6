import type { Tx } from './db.server';
import { clientAddress } from './rate-limit.server';

export type AuditAction = 'VIEW' | 'CREATE' | 'UPDATE' | 'DELETE' | 'EXPORT' | 'SIGN_IN' | 'SIGN_OUT' | 'ANONYMISE';
export type AuditEntity =
  | 'PARTICIPANT'
  | 'REFERRAL'
  | 'CONSENT'
  | 'PLAN'
  | 'MEETING_LOG'
  | 'PAIR'
  | 'VOLUNTEER'
  | 'USER'
  | 'INVITATION'
  | 'SETTINGS'
  | 'TRAINING'
  | 'PARTICIPANT_LINK'
  | 'PARTICIPANT_ANSWER'
  | 'SMS_THREAD';

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  entityType: AuditEntity;
  entityId?: string | null;
  /** Set whenever the record is about a participant, so their whole trail can be listed. */
  participantId?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Records who viewed or changed what, from where. Pass the transaction of the change so the
 * audit row commits (or rolls back) with it.
 */
export async function audit(db: Tx, request: Request | null, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      participantId: entry.participantId ?? null,
      ip: request ? clientAddress(request) : null,
      userAgent: request?.headers.get('user-agent')?.slice(0, 300) ?? null,
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc needs it: a Record<string, unknown> is no Prisma InputJsonValue
      detail: (entry.detail ?? undefined) as object | undefined,
    },
    // Nothing is read back: returning the whole row cost twice the time of the insert itself.
    select: { id: true },
  });
}
