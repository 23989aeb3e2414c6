import { audit } from '~/lib/audit.server';
import { db as client, type Db, type Tx } from '~/lib/db.server';
import { notFound } from '~/lib/permissions.server';
import type { IsoDate } from '~/lib/time';
import { clearanceExpiresSoon, hasValidClearance, type Clearance } from './clearance';

export interface ClearanceInput {
  /** Set to update an existing clearance of this volunteer; absent to record a new one. */
  clearanceId?: string;
  prison: string;
  appliedOn: IsoDate;
  clearedOn: IsoDate | null;
  expiresOn: IsoDate | null;
}

/** A volunteer's clearances, newest application first, with who recorded each. */
export async function volunteerClearances(volunteerId: string, db: Tx = client) {
  const rows = await db.visitorClearance.findMany({
    where: { volunteerId },
    orderBy: [{ appliedOn: 'desc' }, { id: 'desc' }],
    select: {
      id: true,
      prison: true,
      appliedOn: true,
      clearedOn: true,
      expiresOn: true,
      updatedAt: true,
      recordedBy: { select: { name: true } },
    },
  });
  return rows.map(({ recordedBy, updatedAt, ...row }) => ({
    ...row,
    recordedBy: recordedBy?.name ?? null,
    recordedAt: updatedAt.toISOString(),
  }));
}

/** The clearances a volunteer holds, as the rules read them. */
export async function clearancesOf(tx: Tx, volunteerId: string): Promise<Clearance[]> {
  return tx.visitorClearance.findMany({
    where: { volunteerId },
    select: { prison: true, appliedOn: true, clearedOn: true, expiresOn: true },
  });
}

/** Whether the volunteer may visit `prison` on `date` (a valid clearance for it). */
export async function mayVisitPrison(tx: Tx, volunteerId: string, prison: string, date: IsoDate): Promise<boolean> {
  return hasValidClearance(await clearancesOf(tx, volunteerId), prison, date);
}

/**
 * Records a new clearance or updates one of the volunteer's (who recorded it is the actor), with
 * the audit row, in one transaction. An unknown clearance id is a 404 and writes nothing.
 */
export async function recordClearance(
  request: Request | null,
  actor: { id: string },
  volunteerId: string,
  input: ClearanceInput,
  db: Db = client,
): Promise<string> {
  return db.$transaction(async (tx) => {
    const volunteer = await tx.volunteerProfile.findFirst({ where: { id: volunteerId, anonymisedAt: null }, select: { id: true } });
    if (!volunteer) notFound();
    const data = {
      prison: input.prison.trim(),
      appliedOn: input.appliedOn,
      clearedOn: input.clearedOn,
      expiresOn: input.expiresOn,
      recordedById: actor.id,
    };
    let id: string;
    if (input.clearanceId) {
      const existing = await tx.visitorClearance.findFirst({ where: { id: input.clearanceId, volunteerId }, select: { id: true } });
      if (!existing) notFound();
      id = (await tx.visitorClearance.update({ where: { id: existing.id }, data, select: { id: true } })).id;
    } else {
      id = (await tx.visitorClearance.create({ data: { ...data, volunteerId }, select: { id: true } })).id;
    }
    await audit(tx, request, {
      actorId: actor.id,
      action: input.clearanceId ? 'UPDATE' : 'CREATE',
      entityType: 'VOLUNTEER',
      entityId: volunteerId,
      detail: {
        visitorClearance: id,
        prison: data.prison,
        appliedOn: data.appliedOn,
        clearedOn: data.clearedOn,
        expiresOn: data.expiresOn,
      },
    });
    return id;
  });
}

/**
 * Clearances of volunteers in a running pair that expire within `days` of today (the
 * coordinator's reminders): the volunteer, the prison and the expiry date, soonest first.
 */
export async function expiringClearances(today: IsoDate, days: number, db: Tx = client) {
  const rows = await db.visitorClearance.findMany({
    where: {
      clearedOn: { not: null },
      expiresOn: { gte: today },
      volunteer: { anonymisedAt: null, status: { not: 'LEFT' } },
    },
    orderBy: [{ expiresOn: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      prison: true,
      appliedOn: true,
      clearedOn: true,
      expiresOn: true,
      volunteer: { select: { id: true, firstName: true, lastName: true } },
    },
  });
  return rows.filter((row) => clearanceExpiresSoon(row, today, days));
}

/** The prisons participants are in, for the clearance form's suggestions. */
export async function knownPrisons(db: Tx = client): Promise<string[]> {
  const rows = await db.participant.findMany({
    where: { anonymisedAt: null },
    distinct: ['prison'],
    select: { prison: true },
    orderBy: { prison: 'asc' },
  });
  return rows.map((row) => row.prison);
}
