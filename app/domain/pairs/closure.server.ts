import type { Prisma } from '~/generated/prisma/client';
import { participantStatusSchema } from '~/domain/participants/status';
import { audit } from '~/lib/audit.server';
import { currentTime } from '~/lib/clock';
import { db, type Db, type Tx } from '~/lib/db.server';
import { enqueueEmail } from '~/lib/email.server';
import { isLanguage, translator, type Language } from '~/lib/i18n';
import type { Actor } from '~/lib/permissions.server';
import { isRunningPair, notFound, RUNNING_PAIR_STATUSES, STARTED_PAIR_STATUSES } from '~/lib/permissions.server';
import { formatDate } from '~/lib/time';
import {
  closureAuditView,
  closureSummary,
  type ClosureDetails,
  type ClosureFacts,
  type ClosureInput,
  type ClosureSummary,
} from './closure';

export class PairAlreadyEndedError extends Error {}

/** The meetings an ending cancels: still planned and not yet begun. */
function plannedMeetings(pairId: string, now: Date): Prisma.MeetingWhereInput {
  return { pairId, status: 'PLANNED', startsAt: { gt: now } };
}

function languageOf(user: { language?: string } | null | undefined): Language {
  return user?.language && isLanguage(user.language) ? user.language : 'nb';
}

/** The pair the close page is about: active (to end) or ended (to correct). Anything else is 404. */
export async function closurePair(pairId: string) {
  const pair = await db.pair.findFirst({
    where: { id: pairId, status: { in: [...STARTED_PAIR_STATUSES] } },
    select: {
      id: true,
      status: true,
      startDate: true,
      endDate: true,
      endType: true,
      endReason: true,
      closureTalkDate: true,
      closureTalkNotHeldReason: true,
      participant: { select: { id: true, firstName: true } },
      volunteer: { select: { firstName: true, lastName: true } },
    },
  });
  if (!pair) notFound();
  return pair;
}

/** The close page's pair (as closurePair), the read audited. */
export async function viewClosurePair(request: Request | null, actor: Actor, pairId: string) {
  const pair = await closurePair(pairId);
  await audit(db, request, {
    actorId: actor.id,
    action: 'VIEW',
    entityType: 'PAIR',
    entityId: pair.id,
    participantId: pair.participant.id,
  });
  return pair;
}

/** What an ending would touch, read now: the confirmation shows it and the closure does it. */
async function closureFacts(db: Db | Tx, pairId: string, now: Date) {
  const pair = await db.pair.findFirst({
    where: { id: pairId },
    select: {
      id: true,
      status: true,
      participant: {
        select: {
          id: true,
          status: true,
          referrals: {
            where: { referrer: { deactivatedAt: null } },
            orderBy: { createdAt: 'asc' },
            select: { id: true, referrer: { select: { id: true, name: true, organisation: true, email: true, language: true } } },
          },
        },
      },
      volunteer: { select: { firstName: true, lastName: true, email: true, user: { select: { id: true, email: true, language: true } } } },
    },
  });
  if (!pair) notFound();
  const [otherActivePairs, planned] = await Promise.all([
    db.pair.count({ where: { participantId: pair.participant.id, status: { in: [...RUNNING_PAIR_STATUSES] }, id: { not: pair.id } } }),
    db.meeting.count({ where: plannedMeetings(pair.id, now) }),
  ]);
  // One notice per referring officer, on their first referral of this participant.
  const seen = new Set<string>();
  const referrals = pair.participant.referrals.filter((referral) => !seen.has(referral.referrer.id) && seen.add(referral.referrer.id));
  const facts: ClosureFacts = {
    participantStatus: participantStatusSchema.parse(pair.participant.status),
    otherActivePairs,
    plannedMeetings: planned,
    volunteer: { name: `${pair.volunteer.firstName} ${pair.volunteer.lastName}` },
    referrers: referrals.map((referral) => ({ name: referral.referrer.name, organisation: referral.referrer.organisation })),
  };
  return { pair, facts, referrals };
}

/** The confirmation's content for an active pair; nothing is written. */
export async function previewClosure(
  pairId: string,
  input: Pick<ClosureInput, 'endType' | 'endReason'>,
  now = currentTime(),
): Promise<ClosureSummary> {
  const { pair, facts } = await closureFacts(db, pairId, now);
  if (!isRunningPair(pair.status)) throw new PairAlreadyEndedError();
  return closureSummary(facts, input);
}

/**
 * Ends an active pair for good, in one transaction: the pair ENDED with its closure details,
 * the participant's new status, the meetings still planned cancelled (calendars drop them),
 * the audit rows, and a neutral notice to the volunteer and the referring officer(s). The
 * first statement is the compare-and-set on the status, so a second (stale or doubled)
 * confirmation writes nothing and gets PairAlreadyEndedError. An ended pair is never reopened.
 */
export async function closePair(
  request: Request,
  actor: Actor & { language?: string },
  pairId: string,
  input: ClosureInput,
  now = currentTime(),
): Promise<ClosureSummary> {
  return db.$transaction(async (tx) => {
    const { closureTalk: _talk, ...recorded } = input;
    const ended = await tx.pair.updateMany({
      where: { id: pairId, status: { in: [...RUNNING_PAIR_STATUSES] } },
      data: { ...recorded, status: 'ENDED', endedAt: now },
    });
    if (ended.count !== 1) {
      if (await tx.pair.findFirst({ where: { id: pairId, status: 'ENDED' }, select: { id: true } })) throw new PairAlreadyEndedError();
      notFound();
    }
    // An on-hold pair may end: its open hold ends with it.
    await tx.pairHold.updateMany({ where: { pairId, untilDate: null }, data: { untilDate: input.endDate, endedById: actor.id } });
    const { pair, facts, referrals } = await closureFacts(tx, pairId, now);
    const summary = closureSummary(facts, input);
    await tx.meeting.updateMany({ where: plannedMeetings(pair.id, now), data: { status: 'CANCELLED', sequence: { increment: 1 } } });
    const t = translator(languageOf(actor));
    const reasonText = t('closure.statusReason', { reason: t(`meetings.close.reason.${input.endReason}`) });
    if (summary.participant.changes) {
      await tx.participant.update({ where: { id: pair.participant.id }, data: { status: summary.participant.to, statusChangedAt: now } });
      await tx.participantStatusChange.create({
        data: {
          participantId: pair.participant.id,
          fromStatus: summary.participant.from,
          toStatus: summary.participant.to,
          reason: reasonText,
          changedById: actor.id,
        },
      });
      await audit(tx, request, {
        actorId: actor.id,
        action: 'UPDATE',
        entityType: 'PARTICIPANT',
        entityId: pair.participant.id,
        participantId: pair.participant.id,
        detail: { status: { from: summary.participant.from, to: summary.participant.to }, pairEnded: pair.id },
      });
    }
    await audit(tx, request, {
      actorId: actor.id,
      action: 'UPDATE',
      entityType: 'PAIR',
      entityId: pair.id,
      participantId: pair.participant.id,
      detail: {
        ended: input.endReason,
        closure: closureAuditView(recorded),
        cancelledMeetings: summary.cancelledMeetings,
        notified: summary.recipients.map((recipient) => recipient.role),
      },
    });

    // The notices: what happened and a link, in each recipient's language; no name, no reason.
    const volunteerLanguage = languageOf(pair.volunteer.user);
    await enqueueEmail(tx, {
      to: pair.volunteer.user?.email ?? pair.volunteer.email,
      userId: pair.volunteer.user?.id ?? null,
      template: 'pair-ended-volunteer',
      data: { pairId: pair.id, endDate: formatDate(input.endDate, volunteerLanguage) },
      language: volunteerLanguage,
      idempotencyKey: `pair-ended-volunteer:${pair.id}`,
    });
    for (const referral of referrals) {
      const language = languageOf(referral.referrer);
      await enqueueEmail(tx, {
        to: referral.referrer.email,
        userId: referral.referrer.id,
        template: 'pair-ended-referrer',
        data: { referralId: referral.id, endDate: formatDate(input.endDate, language) },
        language,
        idempotencyKey: `pair-ended-referrer:${pair.id}:${referral.referrer.id}`,
        participantId: pair.participant.id,
      });
    }
    return summary;
  });
}

export class PairNotEndedError extends Error {}

/**
 * Corrects the recorded closure details of an ended pair (type, reason, end date, the closure
 * conversation), with the before and after in the audit row. The pair stays ENDED: there is no
 * way back, and nobody is told again. The participant's status is not changed by a correction.
 */
export async function correctClosure(request: Request, actor: Actor, pairId: string, input: ClosureDetails) {
  return db.$transaction(async (tx) => {
    const { closureTalk: _talk, ...recorded } = input;
    const before = await tx.pair.findFirst({
      where: { id: pairId, status: 'ENDED' },
      select: {
        id: true,
        participantId: true,
        endType: true,
        endReason: true,
        endDate: true,
        closureTalkDate: true,
        closureTalkNotHeldReason: true,
      },
    });
    if (!before) {
      if (await tx.pair.findFirst({ where: { id: pairId, status: { in: [...RUNNING_PAIR_STATUSES] } }, select: { id: true } }))
        throw new PairNotEndedError();
      notFound();
    }
    const updated = await tx.pair.updateMany({ where: { id: pairId, status: 'ENDED' }, data: recorded });
    if (updated.count !== 1) throw new PairNotEndedError();
    await audit(tx, request, {
      actorId: actor.id,
      action: 'UPDATE',
      entityType: 'PAIR',
      entityId: pairId,
      participantId: before.participantId,
      detail: {
        closureCorrected: true,
        before: closureAuditView(before),
        after: closureAuditView(recorded),
        notHeldReasonChanged: before.closureTalkNotHeldReason !== recorded.closureTalkNotHeldReason,
      },
    });
  });
}
