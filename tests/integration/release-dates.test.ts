import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeReleaseDates, releaseHistory } from '~/domain/participants/release-date.server';
import { resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { addDays, osloInstant, todayInOslo } from '~/lib/time';
import { createMeeting, createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';

const NOW = new Date('2026-09-01T08:00:00Z');

beforeEach(() => setClock(NOW));
afterEach(() => resetClock());

describe('moving the release date', () => {
  it('two weeks earlier flags the prison visits after the new date, tells the volunteer and the coordinator, and records the change', async () => {
    const today = todayInOslo(NOW);
    const release = addDays(today, 42);
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    const officer = { ...(await createUser(db, { role: 'PROBATION_OFFICER' })), role: 'PROBATION_OFFICER' as const };
    const volunteerUser = await createUser(db, { role: 'VOLUNTEER' });
    const volunteer = await createVolunteer(db, { userId: volunteerUser.id, status: 'READY' });
    const participant = await createParticipant(db, { referrerId: officer.id, status: 'MATCHED', expectedReleaseDate: release });
    const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, startDate: addDays(today, -20) });
    const visit = (days: number) =>
      createMeeting(db, { pairId: pair.id, placeType: 'PRISON_VISIT', startsAt: osloInstant(addDays(today, days), '12:00') });
    const early = await visit(7);
    const afterNewDate = [await visit(30), await visit(35)];
    const stillFine = await visit(27);

    const { flagged } = await changeReleaseDates(null, officer, participant.id, {
      earliestReleaseDate: null,
      expectedReleaseDate: addDays(release, -14),
      actualReleaseDate: null,
      reason: 'Prøveløslatelse innvilget',
    });

    expect(flagged).toBe(2);
    const meetings = await db.meeting.findMany({ where: { pairId: pair.id }, select: { id: true, replanReason: true } });
    const reasonOf = (id: string) => meetings.find((meeting) => meeting.id === id)?.replanReason ?? null;
    for (const meeting of afterNewDate) expect(reasonOf(meeting.id)).toBe('PRISON_AFTER_RELEASE');
    expect(reasonOf(early.id)).toBeNull();
    expect(reasonOf(stillFine.id)).toBeNull();
    const mail = await db.outboxEmail.findMany({ where: { template: 'meetings-need-replan' }, select: { userId: true } });
    expect(mail.map((row) => row.userId).sort()).toEqual([coordinator.id, volunteerUser.id].sort());

    const history = await releaseHistory(officer, participant.id);
    expect(history.inForce).toBe(addDays(release, -14));
    expect(history.releaseDateChanges[0]).toMatchObject({
      fromDate: release,
      toDate: addDays(release, -14),
      reason: 'Prøveløslatelse innvilget',
    });
  });
});
