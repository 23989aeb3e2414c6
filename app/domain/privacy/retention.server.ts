import { DateTime } from 'luxon';
import { getSetting } from '~/domain/settings/settings.server';
import { OPEN_PAIR_STATUSES } from '~/domain/volunteers/capacity';
import { audit } from '~/lib/audit.server';
import { writeInBatches, type Db, type Tx } from '~/lib/db.server';
import { OSLO } from '~/lib/time';
import { ANONYMISED_NAME, coarseDateOfBirth, participantRetentionStart, retentionDue } from './retention';
import { currentTime } from '~/lib/clock';

/** Removes names, contact details and free text of one participant; rows stay so counts survive. */
export async function anonymiseParticipant(tx: Tx, participantId: string, now: Date): Promise<void> {
  const participant = await tx.participant.findUniqueOrThrow({ where: { id: participantId }, select: { dateOfBirth: true } });
  await tx.participant.update({
    where: { id: participantId },
    data: {
      firstName: ANONYMISED_NAME,
      lastName: ANONYMISED_NAME,
      dateOfBirth: coarseDateOfBirth(participant.dateOfBirth),
      phone: null,
      email: null,
      prisonUnit: null,
      interests: [],
      languages: [],
      volunteerWishes: null,
      needs: null,
      anonymisedAt: now,
    },
  });
  // The rows below are found by their keys first: a filter through a relation ("meetings of this
  // participant's pairs") becomes a scan of the whole table in SQLite, seconds on a national
  // dataset, and this runs in a write transaction.
  const ids = async (rows: Promise<{ id: string }[]>) => (await rows).map((row) => row.id);
  const pairIds = await ids(tx.pair.findMany({ where: { participantId }, select: { id: true } }));
  const meetingIds = await ids(tx.meeting.findMany({ where: { pairId: { in: pairIds } }, select: { id: true } }));
  const planIds = await ids(tx.plan.findMany({ where: { participantId }, select: { id: true } }));
  const versionIds = await ids(tx.planVersion.findMany({ where: { planId: { in: planIds } }, select: { id: true } }));
  const reviewIds = await ids(tx.planReview.findMany({ where: { planId: { in: planIds } }, select: { id: true } }));
  const pairs = { pairId: { in: pairIds } };
  await tx.referral.updateMany({ where: { participantId }, data: { note: null, decisionReason: null } });
  await tx.participantStatusChange.updateMany({ where: { participantId }, data: { reason: null } });
  await tx.consent.updateMany({ where: { participantId }, data: { takenByName: ANONYMISED_NAME } });
  await tx.programmeParticipation.updateMany({ where: { participantId }, data: { otherName: null } });
  await tx.releaseChecklistItem.updateMany({ where: { participantId }, data: { note: null } });
  await tx.pair.updateMany({
    where: { participantId },
    data: { endNote: null, contactAfterClosure: null, surveyComment: null, closureTalkNotHeldReason: null, declineReason: null },
  });
  await tx.meeting.updateMany({ where: pairs, data: { place: null, cancelReason: null } });
  await tx.meetingLog.updateMany({ where: { meetingId: { in: meetingIds } }, data: { note: null, activity: null } });
  await tx.concern.updateMany({ where: pairs, data: { text: '' } });
  await tx.supportContact.updateMany({ where: pairs, data: { note: null } });
  await tx.fitCheck.updateMany({ where: pairs, data: { note: null } });
  // The participant's own words go; their scores stay for the counts. Open links close.
  await tx.participantAnswer.updateMany({ where: pairs, data: { comment: null } });
  await tx.participantLink.updateMany({ where: { ...pairs, revokedAt: null }, data: { revokedAt: now } });
  await tx.planArea.updateMany({
    where: { versionId: { in: versionIds } },
    data: { title: null, future: null, strengths: null, opportunities: null, barriers: null, coping: null },
  });
  await tx.planReview.updateMany({ where: { id: { in: reviewIds } }, data: { note: null } });
  await tx.planReviewItem.updateMany({ where: { reviewId: { in: reviewIds } }, data: { note: null } });
  await tx.outboxEmail.deleteMany({ where: { participantId } });
  // -- sms (#20): texts to and from the participant go with the meeting notes (their number and words).
  await tx.smsMessage.deleteMany({ where: { OR: [{ participantId }, { pair: { participantId } }] } });
  await audit(tx, null, { actorId: null, action: 'ANONYMISE', entityType: 'PARTICIPANT', entityId: participantId, participantId });
}

/** Removes a departed volunteer's identity and free text, and closes their account. */
export async function anonymiseVolunteer(tx: Tx, volunteerId: string, now: Date): Promise<void> {
  const volunteer = await tx.volunteerProfile.findUniqueOrThrow({
    where: { id: volunteerId },
    select: { dateOfBirth: true, userId: true },
  });
  await tx.volunteerProfile.update({
    where: { id: volunteerId },
    data: {
      firstName: ANONYMISED_NAME,
      lastName: ANONYMISED_NAME,
      email: '',
      phone: null,
      dateOfBirth: coarseDateOfBirth(volunteer.dateOfBirth),
      interests: [],
      languages: [],
      motivation: null,
      experience: null,
      pauseReason: null,
      leftReason: null,
      anonymisedAt: now,
    },
  });
  await tx.volunteerReference.updateMany({
    where: { volunteerId },
    data: { name: ANONYMISED_NAME, relation: '', phone: null, note: null },
  });
  await tx.screeningInterview.updateMany({ where: { volunteerId }, data: { note: null } });
  await tx.invitation.updateMany({ where: { volunteerId }, data: { email: '' } });
  if (volunteer.userId) {
    const userId = volunteer.userId;
    await tx.user.update({
      where: { id: userId },
      data: {
        name: ANONYMISED_NAME,
        email: `anonymisert-${userId}@anonymisert.invalid`,
        phone: null,
        passwordHash: null,
        deactivatedAt: now,
        totpSecret: null,
        totpEnabledAt: null,
        recoveryCodes: [],
        calendarTokenHash: null,
        calendarTokenSalt: null,
      },
    });
    await tx.session.deleteMany({ where: { userId } });
    await tx.outboxEmail.deleteMany({ where: { userId } });
  }
  await audit(tx, null, { actorId: null, action: 'ANONYMISE', entityType: 'VOLUNTEER', entityId: volunteerId });
}

/**
 * The retention job: anonymises every participant and departed volunteer whose retention time
 * (the retentionMonths setting) has passed. Idempotent: anonymised records are not touched again.
 */
export async function runRetention(db: Db, now = currentTime()) {
  const months = await getSetting(db, 'retentionMonths');
  const candidates = await db.participant.findMany({
    where: {
      anonymisedAt: null,
      pairs: { none: { status: { in: [...OPEN_PAIR_STATUSES] } } },
      OR: [{ pairs: { some: { status: 'ENDED' } } }, { referrals: { some: { decision: 'DECLINED' } } }],
    },
    select: {
      id: true,
      pairs: { select: { status: true, endedAt: true } },
      referrals: { select: { decision: true, decidedAt: true, createdAt: true } },
    },
  });
  const due = candidates.filter((candidate) => {
    const start = participantRetentionStart(candidate);
    return Boolean(start) && retentionDue(start!, months, now);
  });
  await writeInBatches(db, due, (tx, candidate) => anonymiseParticipant(tx, candidate.id, now));
  const participants = due.length;
  const leftBefore = DateTime.fromJSDate(now, { zone: OSLO }).minus({ months }).toJSDate();
  const volunteers = await db.volunteerProfile.findMany({
    where: { anonymisedAt: null, status: 'LEFT', leftAt: { lte: leftBefore } },
    select: { id: true },
  });
  await writeInBatches(db, volunteers, (tx, volunteer) => anonymiseVolunteer(tx, volunteer.id, now));
  // Kept views may still hold the names just anonymised (stale, but stored): drop them all;
  // they are computed again on the next view. Views nobody has opened for a day go too.
  const unused = { computedAt: { lt: new Date(now.getTime() - 24 * 3600_000) } };
  await db.viewSnapshot.deleteMany({ where: participants > 0 || volunteers.length > 0 ? {} : unused });
  return { participants, volunteers: volunteers.length };
}
