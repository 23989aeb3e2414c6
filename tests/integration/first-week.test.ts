import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstContactFigures } from '~/domain/figures/first-contact.server';
import { parsePeriod } from '~/domain/figures/period';
import { needsActionToday } from '~/domain/monitoring/needs-action.server';
import { alertMissedFirstWeekContacts, communityContactTimes, firstWeekList } from '~/domain/pairs/first-week.server';
import { pairMonths } from '~/domain/pairs/pair-month.server';
import { saveSettings } from '~/domain/settings/settings.server';
import { resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { osloInstant } from '~/lib/time';
import { createMeeting, createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { resetDatabase } from '../support/reset';
import { renderRoute } from '../support/render-route';
import { getRequest, sessionCookieFor } from '../support/requests';
import * as dashboardRoute from '~/routes/dashboard';

beforeEach(() => resetDatabase());
afterEach(() => resetClock());

// Released on Saturday 24 October 2026; day 1 is Sunday 25 October, the autumn DST change.
const RELEASE = '2026-10-24';

async function releasedWithPair(releaseDate = RELEASE) {
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const volunteer = await createVolunteer(db, { status: 'READY' });
  const participant = await createParticipant(db, { referrerId: officer.id, status: 'MATCHED', expectedReleaseDate: '2026-11-20' });
  await db.participant.update({ where: { id: participant.id }, data: { actualReleaseDate: releaseDate } });
  const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, startDate: '2026-09-01' });
  return { participant, pair };
}

async function setup() {
  const coordinator = await createUser(db, { role: 'COORDINATOR' });
  return { coordinator, ...(await releasedWithPair()) };
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

  it('raises the monthly target and the support cadence in the first 30 days out', async () => {
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    const { pair } = await releasedWithPair('2026-11-01');
    // Three support contacts held by October: the monthly schedule's next is 1 December.
    for (const heldOn of ['2026-09-08', '2026-09-22', '2026-10-01'])
      await db.supportContact.create({ data: { pairId: pair.id, withWhom: 'VOLUNTEER', kind: 'PHONE', heldOn } });
    const now = osloInstant('2026-11-10', '12:00');
    const [month] = await pairMonths(db, now, { pairId: pair.id });
    // All of November is within the 30 days: the raised target (6), not meetingsPerMonth (4).
    expect(month).toMatchObject({ justReleased: true, target: 6, suggested: 6, releaseDate: '2026-11-01' });
    // A support contact is due a week after the release, before the monthly schedule's.
    const supportDue = async (row: typeof month) =>
      (await needsActionToday(db, now, [row!])).supportDue.find((due) => due.pairId === pair.id);
    expect((await supportDue(month))?.dueDate).toBe('2026-11-08');

    await saveSettings(null, coordinator.id, { justReleasedMeetingsPerMonth: 8, justReleasedSupportIntervalDays: 14 });
    const [raised] = await pairMonths(db, now, { pairId: pair.id });
    expect(raised).toMatchObject({ target: 8 });
    // Every 14 days: due 15 November, not yet.
    expect((await supportDue(raised))?.dueDate ?? null).toBeNull();
    // December: 1 December is the 31st day out, so the usual target.
    const [december] = await pairMonths(db, osloInstant('2026-12-10', '12:00'), { pairId: pair.id });
    expect(december).toMatchObject({ justReleased: false, target: 4 });
  });

  it('counts hours to the first contact and the shares within 72 hours and 7 days', async () => {
    const met = await releasedWithPair();
    const late = await releasedWithPair();
    await releasedWithPair(); // never met
    await createMeeting(db, { pairId: met.pair.id, startsAt: osloInstant(RELEASE, '23:30'), log: { outcome: 'HELD' } });
    await db.supportContact.create({ data: { pairId: late.pair.id, withWhom: 'PARTICIPANT', kind: 'PHONE', heldOn: '2026-10-29' } });
    // Released on 24 October: day 0 has 24 hours, 25 October 25 hours (the autumn change).
    const period = parsePeriod('2026-H2')!;
    const figures = await firstContactFigures(db, period, osloInstant('2026-11-15', '12:00'));
    // 23 hours, and 5 days + 1 hour = 121 hours to 29 October 00:00: median 72.
    expect(figures).toEqual({
      released: 3,
      medianHours: 72,
      within72Hours: { met: 1, of: 3, percent: 33.3 },
      within7Days: { met: 2, of: 3, percent: 66.7 },
    });
    // While the 72 hours are running, the ones not yet met are not counted.
    const early = await firstContactFigures(db, period, osloInstant('2026-10-25', '12:00'));
    expect(early.within72Hours).toEqual({ met: 1, of: 1, percent: 100 });
  });

  it('shows the first week on the dashboard in both languages, without codes or ISO dates', async () => {
    const { coordinator, pair } = await setup();
    await createMeeting(db, { pairId: pair.id, startsAt: osloInstant(RELEASE, '23:30'), log: { outcome: 'HELD' } });
    setClock(osloInstant('2026-10-26', '10:00'));
    const cookie = await sessionCookieFor(coordinator.id);
    const nb = await renderRoute(getRequest('/dashboard', cookie), dashboardRoute as never, 'dashboard');
    expect(nb.status).toBe(200);
    const section = (html: string) =>
      html.slice(html.indexOf('id="first-week-title"'), html.indexOf('</section>', html.indexOf('id="first-week-title"')));
    const nbList = section(nb.html);
    expect(nbList).toContain('Første uke etter løslatelse');
    expect(nbList).toContain('Kontakt');
    expect(nbList).toContain('Ingen kontakt');
    expect(nbList).toContain('Kommer');
    expect(nbList).not.toMatch(/\d{4}-\d{2}-\d{2}|MISSED|UPCOMING/);
    const en = section((await renderRoute(getRequest('/dashboard', cookie), dashboardRoute as never, 'dashboard', 'en')).html);
    expect(en).toContain('First week after release');
    expect(en).toContain('No contact');
    expect(en).toContain('Day 7');
  });
});
