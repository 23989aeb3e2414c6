import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { needsActionToday } from '~/domain/monitoring/needs-action.server';
import { parsePeriod } from '~/domain/figures/period';
import { serviceFigures } from '~/domain/figures/services.server';
import { outcomeMeasures } from '~/domain/figures/outcomes.server';
import { programmeOutcomeRows } from '~/domain/reports/outcome-rows';
import { logMeeting, planMeetings } from '~/domain/meetings/meetings.server';
import { pairMonths } from '~/domain/pairs/pair-month.server';
import { changeReleaseDates } from '~/domain/participants/release-date.server';
import { alertOverdueTrackerItems, overdueTrackerItems } from '~/domain/participants/service-tracker.server';
import { resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { osloInstant } from '~/lib/time';
import { createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { resetDatabase } from '../support/reset';
import { renderRoute } from '../support/render-route';
import { call, getRequest, postRequest, sessionCookieFor } from '../support/requests';
import * as servicesRoute from '~/routes/participants_.$id_.services';
import * as handoverRoute from '~/routes/participants_.$id_.plan.handover';

beforeEach(() => resetDatabase());
afterEach(() => resetClock());

// Released on Thursday 15 April 2027; the defaults put NAV's deadline on 11 March, the phone's on 8 April.
const RELEASE = '2027-04-15';

async function setup() {
  const coordinator = await createUser(db, { role: 'COORDINATOR', name: 'Kari Koordinator' });
  const officer = await createUser(db, { role: 'PROBATION_OFFICER', name: 'Ola Betjent' });
  const otherOfficer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const volunteerUser = await createUser(db, { role: 'VOLUNTEER' });
  const volunteer = await createVolunteer(db, { status: 'READY', userId: volunteerUser.id });
  const participant = await createParticipant(db, { referrerId: officer.id, status: 'MATCHED', expectedReleaseDate: RELEASE });
  const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, startDate: '2027-01-04' });
  return { coordinator, officer, otherOfficer, volunteerUser, participant, pair };
}

const post = async (participantId: string, fields: Record<string, string>, userId: string) =>
  call(servicesRoute.action, postRequest(`/participants/${participantId}/services`, fields, await sessionCookieFor(userId)), {
    id: participantId,
  });

const item = (participantId: string, code: string) =>
  db.releaseChecklistItem.findUnique({ where: { participantId_item: { participantId, item: code } } });

describe('the services tracker', () => {
  it('lets the referring officer confirm the items they own, and only those, on their own referrals', async () => {
    const { officer, otherOfficer, volunteerUser, coordinator, participant } = await setup();
    const now = osloInstant('2027-03-01', '09:30');
    setClock(now);

    // NAV is the officer's by default: ticked done, they are recorded as confirming it, now.
    const done = await post(participant.id, { item: 'NAV', status: 'DONE', note: 'Varslet NAV Falkenborg' }, officer.id);
    expect(done.status).toBe(302);
    expect(await item(participant.id, 'NAV')).toMatchObject({
      status: 'DONE',
      note: 'Varslet NAV Falkenborg',
      confirmedById: officer.id,
      confirmedAt: now,
      updatedById: officer.id,
    });

    // The GP is the coordinator's, the phone the volunteer's: the officer gets 403 and nothing is written.
    expect((await post(participant.id, { item: 'GP', status: 'DONE' }, officer.id)).status).toBe(403);
    expect((await post(participant.id, { item: 'PHONE', status: 'AGREED' }, officer.id)).status).toBe(403);
    expect(await item(participant.id, 'GP')).toBeNull();
    // Another officer's referral: 404, whatever the item.
    expect((await post(participant.id, { item: 'NAV', status: 'OPEN' }, otherOfficer.id)).status).toBe(404);
    expect(
      (
        await call(servicesRoute.loader, getRequest(`/participants/${participant.id}/services`, await sessionCookieFor(otherOfficer.id)), {
          id: participant.id,
        })
      ).status,
    ).toBe(404);
    expect(await item(participant.id, 'NAV')).toMatchObject({ status: 'DONE' });
    // An officer cannot hand an item to someone else: the owner field is the coordinator's.
    await post(participant.id, { item: 'HOUSING', status: 'AGREED', owner: 'PARTICIPANT' }, officer.id);
    expect(await item(participant.id, 'HOUSING')).toMatchObject({ status: 'AGREED', ownerRole: null, confirmedAt: null });

    // The pair's volunteer: their phone yes, the officer's NAV no.
    expect((await post(participant.id, { item: 'PHONE', status: 'DONE' }, volunteerUser.id)).status).toBe(302);
    expect((await post(participant.id, { item: 'NAV', status: 'OPEN' }, volunteerUser.id)).status).toBe(403);

    // The coordinator moves the housing to the participant; the officer can no longer change it.
    expect((await post(participant.id, { item: 'HOUSING', status: 'AGREED', owner: 'PARTICIPANT' }, coordinator.id)).status).toBe(302);
    expect(await item(participant.id, 'HOUSING')).toMatchObject({ ownerRole: 'PARTICIPANT' });
    expect((await post(participant.id, { item: 'HOUSING', status: 'DONE' }, officer.id)).status).toBe(403);

    // Bad input: a message next to the field, nothing saved.
    const bad = await post(participant.id, { item: 'NAV', status: 'FINISHED' }, officer.id);
    expect(bad.status).toBe(400);
    expect(await item(participant.id, 'NAV')).toMatchObject({ status: 'DONE' });

    // The officer's page: every item, the notes of their own only; the confirmer's name on NAV.
    const page = await call(
      servicesRoute.loader,
      getRequest(`/participants/${participant.id}/services`, await sessionCookieFor(officer.id)),
      { id: participant.id },
    );
    const { tracker } = (await page.json()) as {
      tracker: { rows: { item: string; mayUpdate: boolean; note: string | null; confirmedByName: string | null; owner: string }[] };
    };
    expect(tracker.rows).toHaveLength(8);
    expect(tracker.rows.find((row) => row.item === 'NAV')).toMatchObject({ mayUpdate: true, confirmedByName: 'Ola Betjent' });
    expect(tracker.rows.find((row) => row.item === 'GP')).toMatchObject({ mayUpdate: false, owner: 'COORDINATOR' });
    expect(tracker.rows.filter((row) => row.mayUpdate).map((row) => row.item)).toEqual(['NAV', 'PROBATION_APPOINTMENT']);
  });

  it('lists overdue items in needs action today and alerts each owner once, not every run', async () => {
    const { officer, volunteerUser, coordinator, participant, pair } = await setup();
    // 9 April: NAV (11 March), housing (4 March), GP (25 March), ID (18 March), the bank account (25 March),
    // the probation appointment (1 April) and the phone (8 April) are past; own belongings (13 April) are not.
    await db.releaseChecklistItem.create({
      data: { participantId: participant.id, item: 'NAV', status: 'DONE', confirmedAt: osloInstant('2027-03-01', '10:00') },
    });
    await db.releaseChecklistItem.create({ data: { participantId: participant.id, item: 'HOUSING', status: 'NOT_NEEDED' } });
    await db.releaseChecklistItem.create({ data: { participantId: participant.id, item: 'ID', status: 'DONE' } });
    await db.releaseChecklistItem.create({ data: { participantId: participant.id, item: 'BANK_ACCOUNT', status: 'DONE' } });
    await db.releaseChecklistItem.create({ data: { participantId: participant.id, item: 'GP', status: 'AGREED' } });
    setClock(osloInstant('2027-04-08', '23:30'));
    expect((await overdueTrackerItems(db)).map((row) => row.item)).toEqual(['GP', 'PROBATION_APPOINTMENT']);

    // Oslo midnight: the phone's deadline day (8 April) is over too.
    const midnight = osloInstant('2027-04-09', '00:10');
    setClock(midnight);
    const needs = await needsActionToday(db, midnight, []);
    expect(needs.totals.overdueServices).toBe(3);
    expect(needs.overdueServices).toEqual([
      { participantId: participant.id, firstName: participant.firstName, item: 'GP', owner: 'COORDINATOR', deadline: '2027-03-25' },
      {
        participantId: participant.id,
        firstName: participant.firstName,
        item: 'PROBATION_APPOINTMENT',
        owner: 'OFFICER',
        deadline: '2027-04-01',
      },
      { participantId: participant.id, firstName: participant.firstName, item: 'PHONE', owner: 'VOLUNTEER', deadline: '2027-04-08' },
    ]);

    expect(await alertOverdueTrackerItems(db)).toBe(3);
    expect(await alertOverdueTrackerItems(db)).toBe(3);
    setClock(osloInstant('2027-04-10', '00:10'));
    await alertOverdueTrackerItems(db);
    const sent = await db.outboxEmail.findMany({ where: { template: 'service-item-overdue' }, orderBy: { toAddress: 'asc' } });
    // One each: the coordinator (GP), the officer (probation appointment), the volunteer (phone).
    expect(sent.map((email) => email.toAddress).sort()).toEqual([coordinator.email, officer.email, volunteerUser.email].sort());
    for (const email of sent) {
      expect(email.participantId).toBe(participant.id);
      expect(email.data).toEqual({ participantId: participant.id });
    }

    // The release moves a week later (the date in force): the deadlines follow, and the phone is in time again.
    await changeReleaseDates(null, { id: coordinator.id, role: 'COORDINATOR' }, participant.id, {
      earliestReleaseDate: null,
      expectedReleaseDate: '2027-04-22',
      actualReleaseDate: null,
      reason: 'Ny dom',
    });
    expect((await overdueTrackerItems(db)).map((row) => [row.item, row.deadline])).toEqual([
      ['GP', '2027-04-01'],
      ['PROBATION_APPOINTMENT', '2027-04-08'],
    ]);
    // Both have new deadlines, passed too: the owners hear of each new deadline once.
    await alertOverdueTrackerItems(db);
    await alertOverdueTrackerItems(db);
    expect(await db.outboxEmail.count({ where: { template: 'service-item-overdue' } })).toBe(5);

    // Settled items leave the list; a pair's item is named on the pair page's tracker too.
    expect((await post(participant.id, { item: 'PROBATION_APPOINTMENT', status: 'DONE' }, officer.id)).status).toBe(302);
    expect((await overdueTrackerItems(db)).map((row) => row.item)).toEqual(['GP']);
    expect(pair.participantId).toBe(participant.id);
  });

  it('puts the tracker in the handover document, in words', async () => {
    const { coordinator, officer, participant } = await setup();
    await db.releaseChecklistItem.create({
      data: {
        participantId: participant.id,
        item: 'BANK_ACCOUNT',
        status: 'DONE',
        note: 'Konto i <b>Sparebanken</b>',
        confirmedById: officer.id,
        confirmedAt: osloInstant('2027-03-30', '12:00'),
      },
    });
    setClock(osloInstant('2027-04-01', '12:00'));
    const request = getRequest(`/participants/${participant.id}/plan/handover`, await sessionCookieFor(coordinator.id));
    const { status, html } = await renderRoute(request, handoverRoute as never, 'participants/:id/plan/handover');
    expect(status).toBe(200);
    const section = html.slice(
      html.indexOf('id="handover-checklist"'),
      html.indexOf('</section>', html.indexOf('id="handover-checklist"')),
    );
    expect(section).toContain('Tjenester før løslatelsen');
    for (const words of [
      'NAV varslet',
      'Bankkonto',
      'Ordnet',
      'Ikke avklart',
      'Ola Betjent, 30. mars 2027',
      'Over fristen',
      'Deltakeren selv',
    ]) {
      expect(section).toContain(words);
    }
    expect(section).toContain('Konto i &lt;b&gt;Sparebanken&lt;/b&gt;');
    expect(section).not.toMatch(/\d{4}-\d{2}-\d{2}|BANK_ACCOUNT|NOT_NEEDED|PARTICIPANT/);
    const en = await renderRoute(request, handoverRoute as never, 'participants/:id/plan/handover', 'en');
    expect(en.html).toContain('Bank account');
    expect(en.html).toContain('Past the deadline');
  });
});

describe('an accompaniment', () => {
  it('is a meeting linked to its tracker item, and counts as held toward the month target', async () => {
    const { volunteerUser, pair } = await setup();
    setClock(osloInstant('2027-04-19', '09:00'));
    const request = new Request('http://localhost/pairs');
    const volunteer = { id: volunteerUser.id, role: 'VOLUNTEER' as const };
    const { created } = await planMeetings(request, volunteer, pair.id, [
      {
        startsAt: osloInstant('2027-04-20', '10:00'),
        durationMinutes: 90,
        placeType: 'OTHER',
        place: 'NAV Falkenborg',
        accompanimentKind: 'NAV',
      },
      { startsAt: osloInstant('2027-04-21', '10:00'), durationMinutes: 60, placeType: 'OTHER', accompanimentKind: 'TREATMENT' },
    ]);
    expect(created.map((meeting) => [meeting.accompanimentKind, meeting.trackerItem])).toEqual([
      ['NAV', 'NAV'],
      ['TREATMENT', null],
    ]);
    setClock(osloInstant('2027-04-20', '13:00'));
    const before = (await pairMonths(db, osloInstant('2027-04-20', '13:00'), { pairId: pair.id }))[0]!;
    await logMeeting(request, volunteer, created[0]!.id, { outcome: 'HELD', durationMinutes: 90, rating: 4, areas: [], goods: [] });
    const [month] = await pairMonths(db, osloInstant('2027-04-20', '13:00'), { pairId: pair.id });
    expect(month!.held).toBe(before.held + 1);
    expect(month!.held).toBeGreaterThanOrEqual(1);

    // Logged as an accompaniment after all: a planned ordinary meeting becomes one to probation, linked to its item.
    const [plain] = (
      await planMeetings(
        request,
        volunteer,
        pair.id,
        [{ startsAt: osloInstant('2027-04-20', '15:00'), durationMinutes: 60, placeType: 'CAFE' }],
        osloInstant('2027-04-20', '13:00'),
      )
    ).created;
    setClock(osloInstant('2027-04-20', '17:00'));
    await logMeeting(request, volunteer, plain!.id, {
      outcome: 'HELD',
      durationMinutes: 60,
      rating: 5,
      areas: [],
      goods: [],
      accompaniment: 'PROBATION',
    });
    expect(await db.meeting.findUnique({ where: { id: plain!.id }, select: { accompanimentKind: true, trackerItem: true } })).toEqual({
      accompanimentKind: 'PROBATION',
      trackerItem: 'PROBATION_APPOINTMENT',
    });
    const [after] = await pairMonths(db, osloInstant('2027-04-20', '17:00'), { pairId: pair.id });
    expect(after!.held).toBe(before.held + 2);
  });
});

describe('the tracker figures', () => {
  it('count the services done by release day and the NAV notice lead time against the release date in force', async () => {
    const { coordinator, officer, participant } = await setup();
    const confirmed = (date: string, time = '10:00') => osloInstant(date, time);
    await db.releaseChecklistItem.createMany({
      data: [
        // NAV notified 5 April at 23:30 Oslo (21:30 UTC): 10 days before the 15 April release.
        {
          participantId: participant.id,
          item: 'NAV',
          status: 'DONE',
          confirmedById: officer.id,
          confirmedAt: confirmed('2027-04-05', '23:30'),
        },
        // Done on the release day itself: in time.
        { participantId: participant.id, item: 'ID', status: 'DONE', confirmedById: officer.id, confirmedAt: confirmed(RELEASE, '08:00') },
        // Done the day after: not by release day.
        { participantId: participant.id, item: 'HOUSING', status: 'DONE', confirmedById: officer.id, confirmedAt: confirmed('2027-04-16') },
        { participantId: participant.id, item: 'BANK_ACCOUNT', status: 'NOT_NEEDED', confirmedAt: confirmed('2027-03-01') },
        { participantId: participant.id, item: 'GP', status: 'AGREED' },
      ],
    });
    const period = parsePeriod('2027-H1')!;
    const now = osloInstant('2027-05-01', '12:00');
    expect(await serviceFigures(db, period, now)).toEqual({
      released: 1,
      itemsDue: 7,
      doneByRelease: 2,
      share: 0.286,
      navNotices: 1,
      medianNavNoticeDays: 10,
    });
    // Before the release day has come, nobody is in the cohort yet.
    expect((await serviceFigures(db, period, osloInstant('2027-04-14', '12:00'))).released).toBe(0);

    // The release actually happened three days later: the lead time is measured to the date in force.
    setClock(now);
    await changeReleaseDates(null, { id: coordinator.id, role: 'COORDINATOR' }, participant.id, {
      earliestReleaseDate: null,
      expectedReleaseDate: RELEASE,
      actualReleaseDate: '2027-04-18',
      reason: 'Løslatt senere',
    });
    const moved = await serviceFigures(db, period, now);
    expect(moved).toMatchObject({ itemsDue: 7, doneByRelease: 3, medianNavNoticeDays: 13 });

    // The same numbers in the report rows /reports and the workbook show.
    const rows = programmeOutcomeRows(await outcomeMeasures(period, now, db));
    expect(rows.find((row) => row.key === 'trackerDoneByRelease')?.value).toBe(0.429);
    expect(rows.find((row) => row.key === 'navNoticeDays')?.value).toBe(13);
    expect(rows.find((row) => row.key === 'trackerItemsDue')?.value).toBe(7);
  });
});
