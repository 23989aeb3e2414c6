import { DateTime } from 'luxon';
import { getSetting } from '~/domain/settings/settings.server';
import { audit } from '~/lib/audit.server';
import type { Db, Tx } from '~/lib/db.server';
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
  const pairs = { pair: { participantId } };
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
  await tx.meetingLog.updateMany({ where: { meeting: pairs }, data: { note: null, activity: null } });
  await tx.concern.updateMany({ where: pairs, data: { text: '' } });
  await tx.supportContact.updateMany({ where: pairs, data: { note: null } });
  await tx.fitCheck.updateMany({ where: pairs, data: { note: null } });
  await tx.planArea.updateMany({
    where: { version: { plan: { participantId } } },
    data: { title: null, future: null, strengths: null, opportunities: null, barriers: null, coping: null },
  });
  await tx.planReview.updateMany({ where: { plan: { participantId } }, data: { note: null } });
  await tx.planReviewItem.updateMany({ where: { review: { plan: { participantId } } }, data: { note: null } });
  await tx.outboxEmail.deleteMany({ where: { participantId } });
  // -- sms (#20): texts to and from the participant go with the meeting notes (their number and words).
  await tx.smsMessage.deleteMany({ where: { OR: [{ participantId }, { pair: { participantId } }] } });
  await audit(tx, null, { actorId: null, action: 'ANONYMISE', entityType: 'PARTICIPANT', entityId: participantId, participantId });
}

/** Removes a departed volunteer's identity and free text, and closes their account. */
export async function anonymiseVolunteer(tx: Tx, volunteerId: string, now: Date): Promise<void> {
  const volunteer = await tx.volunteerProfile.findUniqueOrThrow({ where: { id: volunteerId }, select: { dateOfBirth: true, userId: true } });
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
  await tx.volunteerReference.updateMany({ where: { volunteerId }, data: { name: ANONYMISED_NAME, relation: '', phone: null, note: null } });
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
      pairs: { none: { status: { in: ['PROPOSED', 'ACTIVE'] } } },
      OR: [{ pairs: { some: { status: 'ENDED' } } }, { referrals: { some: { decision: 'DECLINED' } } }],
    },
    select: {
      id: true,
      pairs: { select: { status: true, endedAt: true } },
      referrals: { select: { decision: true, decidedAt: true, createdAt: true } },
    },
  });
  let participants = 0;
  for (const candidate of candidates) {
    const start = participantRetentionStart(candidate);
    if (!start || !retentionDue(start, months, now)) continue;
    await db.$transaction((tx) => anonymiseParticipant(tx, candidate.id, now));
    participants += 1;
  }
  const leftBefore = DateTime.fromJSDate(now, { zone: OSLO }).minus({ months }).toJSDate();
  const volunteers = await db.volunteerProfile.findMany({
    where: { anonymisedAt: null, status: 'LEFT', leftAt: { lte: leftBefore } },
    select: { id: true },
  });
  for (const volunteer of volunteers) {
    await db.$transaction((tx) => anonymiseVolunteer(tx, volunteer.id, now));
  }
  // Kept views may still hold the names just anonymised (stale, but stored): drop them all;
  // they are computed again on the next view. Views nobody has opened for a day go too.
  const unused = { computedAt: { lt: new Date(now.getTime() - 24 * 3600_000) } };
  await db.viewSnapshot.deleteMany({ where: participants > 0 || volunteers.length > 0 ? {} : unused });
  return { participants, volunteers: volunteers.length };
}
