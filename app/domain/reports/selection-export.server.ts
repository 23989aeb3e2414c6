/**
 * A bulk selection as CSV (#22): the volunteers or the pairs a coordinator ticked, in the
 * reader's language, with one EXPORT audit row per record in the same transaction.
 */
import { db } from '~/lib/db.server';
import { audit } from '~/lib/audit.server';
import { translator, type Language, type MessageKey } from '~/lib/i18n';
import type { Actor } from '~/lib/permissions.server';
import { formatDate, osloDate } from '~/lib/time';
import { BULK_LIMIT, TooManySelectedError } from '~/domain/volunteers/bulk';
import type { ChangeContext } from '~/domain/volunteers/volunteers.server';
import { toCsv } from './csv';
import { releaseDateInForce } from '~/domain/participants/release-date';

function assertWithinLimit(ids: readonly string[]): string[] {
  const unique = [...new Set(ids)];
  if (unique.length > BULK_LIMIT) throw new TooManySelectedError(unique.length);
  return unique;
}

/** The selection as CSV in the reader's language, with one EXPORT audit row per volunteer. */
export async function exportVolunteers(ctx: ChangeContext, ids: readonly string[], language: Language): Promise<string> {
  const unique = assertWithinLimit(ids);
  const t = translator(language);
  return db.$transaction(async (tx) => {
    const rows = await tx.volunteerProfile.findMany({
      where: { id: { in: unique }, anonymisedAt: null },
      select: { id: true, firstName: true, lastName: true, email: true, phone: true, municipality: true, status: true, createdAt: true },
      orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
    });
    for (const row of rows)
      await audit(tx, ctx.request, {
        actorId: ctx.actorId,
        action: 'EXPORT',
        entityType: 'VOLUNTEER',
        entityId: row.id,
        detail: { bulk: true },
      });
    return toCsv([
      [
        t('bulk.csv.name'),
        t('bulk.csv.email'),
        t('bulk.csv.phone'),
        t('bulk.csv.municipality'),
        t('bulk.csv.status'),
        t('bulk.csv.applied'),
      ],
      ...rows.map((row) => [
        `${row.firstName} ${row.lastName}`,
        row.email,
        row.phone ?? '',
        row.municipality,
        t(`volunteers.status.${row.status}` as MessageKey),
        formatDate(osloDate(row.createdAt), language),
      ]),
    ]);
  });
}

/** The selection as CSV in the reader's language, with one EXPORT audit row per pair. */
export async function exportPairs(request: Request, actor: Actor, ids: readonly string[], language: Language): Promise<string> {
  const unique = assertWithinLimit(ids);
  const t = translator(language);
  return db.$transaction(async (tx) => {
    const rows = await tx.pair.findMany({
      where: { id: { in: unique }, status: 'ACTIVE' },
      select: {
        id: true,
        participantId: true,
        status: true,
        startDate: true,
        participant: {
          select: { firstName: true, lastName: true, releaseMunicipality: true, expectedReleaseDate: true, actualReleaseDate: true },
        },
        volunteer: { select: { firstName: true, lastName: true } },
        _count: { select: { meetings: { where: { status: 'HELD' } }, supportContacts: { where: { heldOn: { not: null } } } } },
      },
      orderBy: [{ activatedAt: 'asc' }, { id: 'asc' }],
    });
    for (const row of rows)
      await audit(tx, request, {
        actorId: actor.id,
        action: 'EXPORT',
        entityType: 'PAIR',
        entityId: row.id,
        participantId: row.participantId,
        detail: { bulk: true },
      });
    return toCsv([
      [
        t('bulk.csv.participant'),
        t('bulk.csv.volunteer'),
        t('bulk.csv.municipality'),
        t('bulk.csv.releaseDate'),
        t('bulk.csv.startDate'),
        t('bulk.csv.meetingsHeld'),
        t('bulk.csv.supportHeld'),
        t('bulk.csv.status'),
      ],
      ...rows.map((row) => [
        `${row.participant.firstName} ${row.participant.lastName}`,
        `${row.volunteer.firstName} ${row.volunteer.lastName}`,
        row.participant.releaseMunicipality,
        formatDate(releaseDateInForce(row.participant), language),
        row.startDate ? formatDate(row.startDate, language) : '',
        row._count.meetings,
        row._count.supportContacts,
        t(`bulk.pairStatus.${row.status}` as MessageKey),
      ]),
    ]);
  });
}
