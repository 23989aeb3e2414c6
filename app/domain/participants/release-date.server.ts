import { Prisma } from '~/generated/prisma/client';
import { audit } from '~/lib/audit.server';
import { currentTime } from '~/lib/clock';
import { db as client, type Db } from '~/lib/db.server';
import { enqueueEmail } from '~/lib/email.server';
import { notFound, participantScope, RUNNING_PAIR_STATUSES, type Actor } from '~/lib/permissions.server';
import type { IsoDate } from '~/lib/time';
import { releaseDateInForce, releaseMisfit } from './release-date';

export interface ReleaseDatesInput {
  earliestReleaseDate: IsoDate | null;
  expectedReleaseDate: IsoDate;
  actualReleaseDate: IsoDate | null;
  reason: string;
}

/** A participant's release dates and their history, newest first (who, when, why). */
export async function releaseHistory(actor: Actor, participantId: string, db: Db = client) {
  const participant = await db.participant.findFirst({
    where: { id: participantId, anonymisedAt: null, ...participantScope(actor) },
    select: {
      id: true,
      firstName: true,
      earliestReleaseDate: true,
      expectedReleaseDate: true,
      actualReleaseDate: true,
      releaseDateChanges: {
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: {
          id: true,
          earliestDate: true,
          expectedDate: true,
          actualDate: true,
          fromDate: true,
          toDate: true,
          reason: true,
          createdAt: true,
          changedBy: { select: { name: true } },
        },
      },
    },
  });
  if (!participant) notFound();
  return { ...participant, inForce: releaseDateInForce(participant) };
}

/**
 * Changes a participant's release dates (the referring officer for their own referrals, or the
 * coordinator): one ReleaseDateChange row, the participant's columns, the audit row, and every
 * planned meeting of a running pair that no longer fits the date in force flagged for
 * re-planning (a prison visit on or after it, a community meeting before it), with a notice to
 * the volunteer and the coordinator(s) through the outbox — all in one transaction.
 */
export async function changeReleaseDates(
  request: Request | null,
  actor: Actor,
  participantId: string,
  input: ReleaseDatesInput,
  db: Db = client,
  now = currentTime(),
): Promise<{ flagged: number }> {
  return db.$transaction(async (tx) => {
    const participant = await tx.participant.findFirst({
      where: { id: participantId, anonymisedAt: null, ...participantScope(actor) },
      select: { id: true, earliestReleaseDate: true, expectedReleaseDate: true, actualReleaseDate: true },
    });
    if (!participant) notFound();
    const fromDate = releaseDateInForce(participant);
    const toDate = releaseDateInForce(input);
    await tx.participant.update({
      where: { id: participant.id },
      data: {
        earliestReleaseDate: input.earliestReleaseDate,
        expectedReleaseDate: input.expectedReleaseDate,
        actualReleaseDate: input.actualReleaseDate,
      },
    });
    const change = await tx.releaseDateChange.create({
      data: {
        participantId: participant.id,
        earliestDate: input.earliestReleaseDate,
        expectedDate: input.expectedReleaseDate,
        actualDate: input.actualReleaseDate,
        fromDate,
        toDate,
        reason: input.reason,
        changedById: actor.id,
      },
      select: { id: true },
    });
    await audit(tx, request, {
      actorId: actor.id,
      action: 'UPDATE',
      entityType: 'PARTICIPANT',
      entityId: participant.id,
      participantId: participant.id,
      detail: { releaseDateChange: change.id, fromDate, toDate },
    });
    const meetings = await tx.meeting.findMany({
      where: {
        status: 'PLANNED',
        startsAt: { gte: now },
        pair: { participantId: participant.id, status: { in: [...RUNNING_PAIR_STATUSES] } },
      },
      select: {
        id: true,
        pairId: true,
        placeType: true,
        startsAt: true,
        replanReason: true,
        pair: { select: { volunteer: { select: { user: { select: { id: true, email: true, language: true } } } } } },
      },
    });
    type Recipient = { id: string; email: string; language: string };
    const perPair = new Map<string, { count: number; volunteer: Recipient | null }>();
    for (const meeting of meetings) {
      const reason = releaseMisfit(meeting, toDate);
      if (reason === meeting.replanReason) continue;
      await tx.meeting.update({ where: { id: meeting.id }, data: { replanReason: reason, replanFlaggedAt: reason ? now : null } });
      if (!reason) continue;
      const entry = perPair.get(meeting.pairId) ?? { count: 0, volunteer: meeting.pair.volunteer.user };
      perPair.set(meeting.pairId, { ...entry, count: entry.count + 1 });
    }
    if (perPair.size > 0) {
      const coordinators = await tx.user.findMany({
        where: { role: 'COORDINATOR', deactivatedAt: null },
        select: { id: true, email: true, language: true },
      });
      for (const [pairId, { count, volunteer }] of perPair) {
        const recipients: Recipient[] = [...(volunteer ? [volunteer] : []), ...coordinators];
        for (const recipient of recipients) {
          await enqueueEmail(tx, {
            idempotencyKey: `replan:${change.id}:${pairId}:${recipient.id}`,
            to: recipient.email,
            userId: recipient.id,
            language: recipient.language === 'en' ? 'en' : 'nb',
            template: 'meetings-need-replan',
            data: { pairId, count },
          });
        }
      }
    }
    return { flagged: [...perPair.values()].reduce((total, entry) => total + entry.count, 0) };
  });
}

/**
 * -- release (#21): "the release in force falls between `from` and `to`" as a participant
 * filter — the one rule the release-soon lists use instead of the expected-date column: the
 * actual date once recorded, else the expected one (releaseDateInForce).
 */
export function releaseInForceBetween(from: IsoDate, to: IsoDate) {
  return {
    OR: [{ actualReleaseDate: { gte: from, lte: to } }, { actualReleaseDate: null, expectedReleaseDate: { gte: from, lte: to } }],
  };
}

/** The same rule in raw SQL, for the participant table under `alias` (the pair list). */
export function releaseInForceSql(alias: string) {
  return Prisma.raw(`COALESCE(${alias}."actualReleaseDate", ${alias}."expectedReleaseDate")`);
}
