import type { Prisma } from '~/generated/prisma/client';
import { db } from '~/lib/db.server';
import { AUDIT_PAGE_SIZE, pageCount, type AuditFilter } from './audit-log';

/** One page of the audit trail, newest first, with the people and participants to filter by. */
export async function auditLogPage(filter: AuditFilter) {
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.actor ? { actorId: filter.actor } : {}),
    ...(filter.participant ? { participantId: filter.participant } : {}),
  };
  const [total, actors, participants] = await Promise.all([
    db.auditEvent.count({ where }),
    db.user.findMany({ select: { id: true, name: true, role: true }, orderBy: { name: 'asc' } }),
    db.participant.findMany({
      where: { auditEvents: { some: {} } },
      select: { id: true, firstName: true, lastName: true, dateOfBirth: true },
      orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
    }),
  ]);
  const pages = pageCount(total);
  const page = Math.min(filter.page, pages);
  const events = await db.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: {
      id: true,
      createdAt: true,
      action: true,
      entityType: true,
      entityId: true,
      ip: true,
      userAgent: true,
      actor: { select: { id: true, name: true, role: true } },
      participant: { select: { id: true, firstName: true, lastName: true } },
    },
  });
  return { events, total, page, pages, actors, participants };
}
