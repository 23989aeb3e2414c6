import type { Tx } from '~/lib/db.server';
import { emailCoordinators, enqueueEmail } from '~/lib/email.server';
import { isLanguage, type Language } from '~/lib/i18n';
import { formatDateTime } from '~/lib/time';
import type { Decision } from './decision';

function languageOf(user: { language: string }): Language {
  return isLanguage(user.language) ? user.language : 'nb';
}

/** 'referral-new' to every active coordinator, in each one's language and delivery preference. */
export async function queueNewReferralNotice(tx: Tx, input: { referralId: string; participantId: string }) {
  await emailCoordinators(tx, {
    template: 'referral-new',
    data: { referralId: input.referralId },
    key: (coordinatorId) => `referral-new:${input.referralId}:${coordinatorId}`,
    participantId: input.participantId,
  });
}

/** 'referral-withdrawn' to every active coordinator when the referrer withdraws an undecided referral. */
export async function queueWithdrawalNotice(tx: Tx, input: { referralId: string; participantId: string }) {
  await emailCoordinators(tx, {
    template: 'referral-withdrawn',
    data: { referralId: input.referralId },
    key: (coordinatorId) => `referral-withdrawn:${input.referralId}:${coordinatorId}`,
    participantId: input.participantId,
  });
}

/** 'referral-decided' to the referrer; one email per decision (keyed by its status change). */
export async function queueDecisionNotice(
  tx: Tx,
  input: { referralId: string; participantId: string; decision: Decision; statusChangeId: string },
) {
  const referral = await tx.referral.findUniqueOrThrow({
    where: { id: input.referralId },
    select: { referrer: { select: { id: true, email: true, language: true, deactivatedAt: true } } },
  });
  if (referral.referrer.deactivatedAt) return;
  await enqueueEmail(tx, {
    to: referral.referrer.email,
    template: 'referral-decided',
    data: { referralId: input.referralId, decision: input.decision },
    language: languageOf(referral.referrer),
    idempotencyKey: `referral-decided:${input.statusChangeId}`,
    userId: referral.referrer.id,
    participantId: input.participantId,
  });
}

/**
 * For matching (#6): call in the transaction that makes the match, after the participant's
 * status has moved to MATCHED. Queues 'referral-matched' to each active referrer of the
 * participant, once per match (keyed by the pair, or else the newest status change). `language` overrides the
 * referrer's own language. The introduction names the volunteer by first name when given, with
 * the first planned meeting if there is one.
 */
export async function queueMatchNotice(
  tx: Tx,
  input: { participantId: string; pairId?: string; language?: Language; volunteerFirstName?: string; firstMeetingAt?: Date | null },
) {
  const referrals = await tx.referral.findMany({
    where: { participantId: input.participantId, referrer: { deactivatedAt: null } },
    select: { id: true, referrer: { select: { id: true, email: true, language: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const latestChange = await tx.participantStatusChange.findFirst({
    where: { participantId: input.participantId },
    orderBy: { createdAt: 'desc' },
    select: { id: true },
  });
  const notified = new Set<string>();
  for (const referral of referrals) {
    if (notified.has(referral.referrer.id)) continue;
    notified.add(referral.referrer.id);
    const language = input.language ?? languageOf(referral.referrer);
    await enqueueEmail(tx, {
      to: referral.referrer.email,
      template: 'referral-matched',
      data: {
        referralId: referral.id,
        ...(input.volunteerFirstName ? { volunteerFirstName: input.volunteerFirstName } : {}),
        ...(input.firstMeetingAt ? { firstMeeting: formatDateTime(input.firstMeetingAt, language) } : {}),
      },
      language,
      // A re-match keeps the status MATCHED, so the new pair (when given) keys the notice.
      idempotencyKey: `referral-matched:${referral.id}:${input.pairId ?? latestChange?.id ?? 'none'}`,
      userId: referral.referrer.id,
      participantId: input.participantId,
    });
  }
}
