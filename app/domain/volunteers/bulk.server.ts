/**
 * Bulk actions on a selection of volunteers (#22): enrol in a course, send a message, export.
 * Each is one transaction that writes one audit row per volunteer, so a failure half-way leaves
 * nothing behind. A selection holds at most BULK_LIMIT ids (the route says so before asking).
 */
import { db, type Tx } from '~/lib/db.server';
import { audit } from '~/lib/audit.server';
import { enqueueEmail, notifyOutbox } from '~/lib/email.server';
import { isLanguage, type Language } from '~/lib/i18n';

import { enrol } from './training.server';
import type { ChangeContext } from './volunteers.server';
import { BULK_LIMIT, TooManySelectedError } from './bulk';

export interface BulkVolunteer {
  id: string;
  name: string;
  municipality: string;
  status: string;
}

function assertWithinLimit(ids: readonly string[]): string[] {
  const unique = [...new Set(ids)];
  if (unique.length > BULK_LIMIT) throw new TooManySelectedError(unique.length);
  return unique;
}

/** The volunteers one may select (not anonymised), by name; `status` narrows the list. */
export async function selectableVolunteers(status?: string): Promise<BulkVolunteer[]> {
  const rows = await db.volunteerProfile.findMany({
    where: { anonymisedAt: null, ...(status ? { status } : {}) },
    select: { id: true, firstName: true, lastName: true, municipality: true, status: true },
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
  });
  return rows.map((row) => ({ id: row.id, name: `${row.firstName} ${row.lastName}`, municipality: row.municipality, status: row.status }));
}

/** The selected volunteers that exist, by name: what the confirmation names and counts. */
export async function selectedVolunteers(ids: readonly string[]): Promise<BulkVolunteer[]> {
  const unique = assertWithinLimit(ids);
  const rows = await db.volunteerProfile.findMany({
    where: { id: { in: unique }, anonymisedAt: null },
    select: { id: true, firstName: true, lastName: true, municipality: true, status: true },
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
  });
  return rows.map((row) => ({ id: row.id, name: `${row.firstName} ${row.lastName}`, municipality: row.municipality, status: row.status }));
}

/** Enrols every selected volunteer who may take courses, in one transaction; returns how many were enrolled. */
export async function bulkEnrol(ctx: ChangeContext, courseId: string, ids: readonly string[]): Promise<number | null> {
  const unique = assertWithinLimit(ids);
  return db.$transaction(
    async (tx) => {
      const course = await tx.trainingCourse.findUnique({ where: { id: courseId }, select: { id: true } });
      if (!course) return null;
      let enrolled = 0;
      for (const volunteerId of unique) if (await enrol(tx, ctx, { courseId, volunteerId })) enrolled += 1;
      return enrolled;
    },
    { timeout: 60_000 },
  );
}

export interface BulkMessage {
  subject: string;
  body: string;
  /** Made when the confirmation was shown: the same confirmation sent twice queues nothing twice. */
  token: string;
}

/**
 * One email per selected volunteer, in their own language; a volunteer who chose the daily
 * digest gets it as one entry there (the outbox holds it), never a separate email. All rows and
 * their audit rows commit together. Returns how many go now and how many wait for a digest.
 */
export async function bulkMessage(ctx: ChangeContext, message: BulkMessage, ids: readonly string[]) {
  const unique = assertWithinLimit(ids);
  const result = await db.$transaction(async (tx) => queueMessages(tx, ctx, message, unique), { timeout: 60_000 });
  notifyOutbox();
  return result;
}

async function queueMessages(tx: Tx, ctx: ChangeContext, message: BulkMessage, ids: string[]) {
  const volunteers = await tx.volunteerProfile.findMany({
    where: { id: { in: ids }, anonymisedAt: null },
    select: { id: true, email: true, user: { select: { id: true, language: true, notificationMode: true, deactivatedAt: true } } },
  });
  let immediate = 0;
  let digest = 0;
  for (const volunteer of volunteers) {
    const user = volunteer.user && !volunteer.user.deactivatedAt ? volunteer.user : null;
    const language: Language = user && isLanguage(user.language) ? user.language : 'nb';
    const idempotencyKey = `bulk-message:${message.token}:${volunteer.id}`;
    // The same confirmation sent again (a double tap) finds its rows and writes nothing more.
    if (await tx.outboxEmail.findUnique({ where: { idempotencyKey }, select: { id: true } })) continue;
    await enqueueEmail(tx, {
      to: volunteer.email,
      userId: user?.id ?? null,
      template: 'coordinator-message',
      data: { subject: message.subject, body: message.body },
      language,
      idempotencyKey,
    });
    if (user?.notificationMode === 'DIGEST') digest += 1;
    else immediate += 1;
    await audit(tx, ctx.request, {
      actorId: ctx.actorId,
      action: 'CREATE',
      entityType: 'VOLUNTEER',
      entityId: volunteer.id,
      detail: { bulkMessage: message.token },
    });
  }
  return { immediate, digest };
}
