import { afterEach, describe, expect, it } from 'vitest';
import { alertMissedFirstWeekContacts, communityContactTimes, firstWeekList } from '~/domain/pairs/first-week.server';
import { resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { osloInstant } from '~/lib/time';
import { createMeeting, createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';

afterEach(() => resetClock());

// Released on Saturday 24 October 2026; day 1 is Sunday 25 October, the autumn DST change.
const RELEASE = '2026-10-24';

async function setup() {
  const coordinator = await createUser(db, { role: 'COORDINATOR' });
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const volunteer = await createVolunteer(db, { status: 'READY' });
  const participant = await createParticipant(db, { referrerId: officer.id, status: 'MATCHED', expectedReleaseDate: '2026-11-20' });
  await db.participant.update({ where: { id: participant.id }, data: { actualReleaseDate: RELEASE } });
  const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, startDate: '2026-09-01' });
  return { coordinator, participant, pair };
}

const alerts = () => db.outboxEmail.findMany({ where: { template: 'first-week-contact-missed' }, orderBy: { idempotencyKey: 'asc' } });

describe('the release-day protocol', () => {
  it('alerts the coordinator once when the day-1 contact is missed', async () => {
    const { coordinator, participant, pair } = await setup();
    // Day 0: the gate meeting was held at 23:30 on the release day.
    await createMeeting(db, { pairId: pair.id, startsAt: osloInstant(RELEASE, '23:30'), log: { outcome: 'HELD' } });

    // 23:30 on day 1 (the 25-hour Sunday): the day is not over, nothing is missed yet.
    setClock(osloInstant('2026-10-25', '23:30'));
    expect(await alertMissedFirstWeekContacts(db)).toBe(0);
    expect(await alerts()).toHaveLength(0);

    // Oslo midnight: day 1 is over without a contact.
    const midnight = osloInstant('2026-10-26', '00:05');
    setClock(midnight);
    expect(await alertMissedFirstWeekContacts(db)).toBe(1);
    // A rerun, a catch-up later that day: no second alert.
    expect(await alertMissedFirstWeekContacts(db)).toBe(1);
    setClock(osloInstant('2026-10-26', '18:00'));
    await alertMissedFirstWeekContacts(db);
    const sent = await alerts();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ toAddress: coordinator.email, participantId: participant.id, urgent: true });
    expect(sent[0]!.data).toEqual({ pairId: pair.id, day: 1 });

    // Day 3 is met by a text reply from the participant; the dashboard's list shows each day.
    await db.smsMessage.create({
      data: {
        direction: 'IN',
        kind: 'REPLY',
        participantId: participant.id,
        pairId: pair.id,
        phone: '+4791234567',
        body: 'Takk!',
        encoding: 'GSM7',
        segments: 1,
        status: 'RECEIVED',
        createdAt: osloInstant('2026-10-27', '09:00'),
      },
    });
    setClock(osloInstant('2026-10-28', '08:00'));
    await alertMissedFirstWeekContacts(db);
    expect(await alerts()).toHaveLength(1);
    const [row] = await firstWeekList(db);
    expect(row).toMatchObject({ participantId: participant.id, releaseDate: RELEASE, pairId: pair.id });
    expect(row!.targets.map((target) => target.state)).toEqual(['MET', 'MISSED', 'MET', 'UPCOMING']);

    // Day 7 without contact alerts once more, for day 7 only.
    setClock(osloInstant('2026-11-01', '00:05'));
    await alertMissedFirstWeekContacts(db);
    await alertMissedFirstWeekContacts(db);
    expect((await alerts()).map((email) => (email.data as { day: number }).day).sort()).toEqual([1, 7]);

    // 14 days after the release the participant leaves the list.
    setClock(osloInstant('2026-11-07', '00:00'));
    expect(await firstWeekList(db)).toHaveLength(0);
  });

  it('counts a held support call with the participant and a delivered volunteer text as contacts, not a planned meeting', async () => {
    const { participant, pair } = await setup();
    await createMeeting(db, { pairId: pair.id, startsAt: osloInstant('2026-10-25', '12:00') }); // planned, not held
    await db.supportContact.create({ data: { pairId: pair.id, withWhom: 'PARTICIPANT', kind: 'PHONE', heldOn: '2026-10-24' } });
    await db.supportContact.create({ data: { pairId: pair.id, withWhom: 'VOLUNTEER', kind: 'PHONE', heldOn: '2026-10-25' } });
    const delivered = osloInstant('2026-10-27', '20:00');
    await db.smsMessage.create({
      data: {
        direction: 'OUT',
        kind: 'VOLUNTEER_MESSAGE',
        participantId: participant.id,
        pairId: pair.id,
        phone: '+4791234567',
        body: 'Hei!',
        encoding: 'GSM7',
        segments: 1,
        status: 'DELIVERED',
        sentAt: delivered,
        receiptAt: delivered,
      },
    });
    const contacts = await communityContactTimes(db, [participant.id], osloInstant(RELEASE, '00:00'));
    expect(contacts.get(participant.id)).toEqual([osloInstant('2026-10-24', '00:00'), delivered]);
  });
});
