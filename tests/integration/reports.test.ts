import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { cancelMeeting, logMeeting } from '~/domain/meetings/meetings.server';
import { sendHalfYearStatus } from '~/domain/notifications/half-year-status.server';
import { recruitmentStatus } from '~/domain/monitoring/recruitment-status.server';
import { funderReport, funderReportView } from '~/domain/reports/funder-report.server';
import { parsePeriod } from '~/domain/figures/period';
import { db } from '~/lib/db.server';
import { osloInstant } from '~/lib/time';
import { loader as csvLoader } from '~/routes/reports.funder[.]csv';
import { loader as reportsLoader } from '~/routes/reports._index';
import { action as settingsAction } from '~/routes/settings';
import { createMeeting, createParticipant, createParticipantAnswer, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { call, getRequest, postRequest, sessionCookieFor } from '../support/requests';
import { resetDatabase } from '../support/reset';
import { present } from '../support/present';

beforeEach(resetDatabase);

/** A small, fully known history in the first half of 2025. */
async function history() {
  const coordinator = await createUser(db, { role: 'COORDINATOR' });
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const participants = [];
  for (const [i, referralDate] of ['2025-01-10', '2025-02-10', '2025-03-10'].entries()) {
    const participant = await createParticipant(db, { referrerId: officer.id, referralDate, status: 'MATCHED', lastName: `Historie${i}` });
    await db.participantStatusChange.create({
      data: { participantId: participant.id, fromStatus: 'REFERRED', toStatus: 'ACCEPTED', createdAt: osloInstant(referralDate, '12:00') },
    });
    participants.push(participant);
  }
  const volunteer = await createVolunteer(db, { status: 'READY', capacity: 3, createdAt: osloInstant('2025-01-05', '10:00') });
  // Activated 30 June 23:30 Oslo time: counts in the first half-year.
  const late = await db.pair.create({
    data: {
      participantId: present(participants[0], 'participant 0').id,
      volunteerId: volunteer.id,
      status: 'ACTIVE',
      startDate: '2025-06-30',
      activatedAt: osloInstant('2025-06-30', '23:30'),
    },
  });
  const early = await db.pair.create({
    data: {
      participantId: present(participants[1], 'participant 1').id,
      volunteerId: volunteer.id,
      status: 'ENDED',
      startDate: '2025-01-15',
      activatedAt: osloInstant('2025-01-15', '12:00'),
      endDate: '2025-03-15',
      endedAt: osloInstant('2025-03-15', '12:00'),
      endType: 'PLANNED',
      endReason: 'PLAN_COMPLETED',
      surveyScore: 4,
    },
  });
  await createMeeting(db, {
    pairId: early.id,
    startsAt: osloInstant('2025-02-01', '17:00'),
    durationMinutes: 90,
    log: { outcome: 'HELD' },
  });
  await createMeeting(db, {
    pairId: early.id,
    startsAt: osloInstant('2025-02-08', '17:00'),
    durationMinutes: 60,
    log: { outcome: 'HELD' },
  });
  await createMeeting(db, { pairId: early.id, startsAt: osloInstant('2025-02-15', '17:00'), log: { outcome: 'NO_SHOW' } });
  await createMeeting(db, { pairId: early.id, startsAt: osloInstant('2025-02-22', '17:00'), log: { outcome: 'CANCELLED_BY_PARTICIPANT' } });
  // A meeting outside the period is not counted.
  await createMeeting(db, { pairId: late.id, startsAt: osloInstant('2025-07-02', '17:00'), log: { outcome: 'HELD' } });
  await db.fitCheck.create({
    data: { pairId: early.id, checkedOn: '2025-02-20', volunteerScore: 4, participantScore: 5, recommendRematch: true },
  });
  return { coordinator, officer };
}

function metric(metrics: { key: string; value: number }[], key: string) {
  return metrics.find((m) => m.key === key)?.value;
}

describe('funder report', () => {
  it('counts a half-year in Oslo time, including a pair activated 30 June 23:30', async () => {
    await history();
    const metrics = await funderReport(db, parsePeriod('2025-H1')!, new Date('2025-09-01T12:00:00Z'));
    expect(metric(metrics, 'participantsReferred')).toBe(3);
    expect(metric(metrics, 'participantsAccepted')).toBe(3);
    expect(metric(metrics, 'pairsStarted')).toBe(2);
    expect(metric(metrics, 'pairsEndedPlanned')).toBe(1);
    expect(metric(metrics, 'meetingsHeld')).toBe(2);
    expect(metric(metrics, 'meetingsNoShow')).toBe(1);
    expect(metric(metrics, 'meetingsCancelled')).toBe(1);
    expect(metric(metrics, 'hours')).toBe(2.5);
    expect(metric(metrics, 'fitChecks')).toBe(1);
    expect(metric(metrics, 'fitCheckAverage')).toBe(4.5);
    expect(metric(metrics, 'rematchRecommended')).toBe(1);
    expect(metric(metrics, 'closureSurveyAverage')).toBe(4);
    expect(metric(metrics, 'volunteersActive')).toBe(1);
    const h2 = await funderReport(db, parsePeriod('2025-H2')!, new Date('2025-09-01T12:00:00Z'));
    expect(metric(h2, 'pairsStarted')).toBe(0);
    expect(metric(h2, 'meetingsHeld')).toBe(1);
  });

  it('pins every figure of a half-year and a year, and follows a late log and a cancellation', async () => {
    const { coordinator, officer } = await history();
    const participant = await createParticipant(db, { referrerId: officer.id, referralDate: '2025-04-01', status: 'MATCHED' });
    for (const toStatus of ['COMPLETED', 'WITHDRAWN']) {
      await db.participantStatusChange.create({
        data: { participantId: participant.id, fromStatus: 'MATCHED', toStatus, createdAt: osloInstant('2025-05-01', '09:00') },
      });
    }
    const leaving = await createVolunteer(db, { status: 'LEFT', createdAt: osloInstant('2024-11-01', '10:00') });
    await db.volunteerProfile.update({ where: { id: leaving.id }, data: { leftAt: osloInstant('2025-04-01', '10:00') } });
    const unplanned = await db.pair.create({
      data: {
        participantId: participant.id,
        volunteerId: leaving.id,
        status: 'ENDED',
        startDate: '2024-09-01',
        activatedAt: osloInstant('2024-09-01', '12:00'),
        endDate: '2025-03-31',
        endedAt: osloInstant('2025-03-31', '12:00'),
        endType: 'UNPLANNED',
        endReason: 'PARTICIPANT_WITHDREW',
      },
    });
    await createMeeting(db, {
      pairId: unplanned.id,
      startsAt: osloInstant('2025-03-01', '00:00'),
      durationMinutes: 45,
      log: { outcome: 'HELD' },
    });
    const cancelled = await createMeeting(db, { pairId: unplanned.id, startsAt: osloInstant('2025-03-08', '12:00') });
    await db.meeting.update({ where: { id: cancelled.id }, data: { status: 'CANCELLED' } });
    await createMeeting(db, {
      pairId: unplanned.id,
      startsAt: osloInstant('2025-06-30', '23:59'),
      log: { outcome: 'CANCELLED_BY_VOLUNTEER' },
    });
    // The participant's own answers, counted by their Oslo day: 30 June 23:30 is in the first half-year.
    const answer = (
      purpose: 'FIT_CHECK' | 'PULSE' | 'CLOSURE_SURVEY',
      scores: Record<string, number>,
      date: string,
      time = '18:00',
      lowScore = false,
    ) => createParticipantAnswer(db, { pairId: unplanned.id, purpose, scores, answeredAt: osloInstant(date, time), lowScore });
    await answer('FIT_CHECK', { fitGood: 3 }, '2025-02-16');
    await answer('PULSE', { trust: 5, myChoice: 4, lookForward: 4, listens: 4, helpsPlan: 4 }, '2025-02-17');
    await answer('PULSE', { trust: 1, myChoice: 2, lookForward: 2, listens: 2, helpsPlan: 1 }, '2025-06-30', '23:30', true);
    await answer('PULSE', { trust: 3, myChoice: 3, lookForward: 3, listens: 3, helpsPlan: 3 }, '2025-07-01', '00:10');
    await answer('CLOSURE_SURVEY', { overall: 5 }, '2025-04-02');

    const h1 = [
      ['participantsReferred', 4],
      ['participantsAccepted', 3],
      ['participantsMatched', 2],
      ['participantsCompleted', 1],
      ['participantsWithdrawn', 1],
      ['releasedInPeriod', 0],
      ['hoursToFirstContact', 0],
      ['contactWithin72Hours', 0],
      ['contactWithin7Days', 0],
      ['volunteersApplied', 1],
      ['volunteersReady', 1],
      ['volunteersActive', 2],
      ['volunteersLeft', 1],
      ['pairsStarted', 2],
      ['pairsRematched', 0],
      ['pairsEndedPlanned', 1],
      ['pairsEndedUnplanned', 1],
      ['pairsLasting6Months', 1],
      ['meetingsHeld', 3],
      ['meetingsCancelled', 3],
      ['meetingsNoShow', 1],
      ['hours', 3.3],
      ['meetingsPerPairMonth', 0.6],
      ['meetingTarget', 4],
      ['fitChecks', 1],
      ['fitCheckAverage', 4.5],
      ['rematchRecommended', 1],
      ['closureSurveys', 1],
      ['closureSurveyAverage', 4],
      ['participantFitCheckAverage', 3],
      ['participantClosureSurveyAverage', 5],
      ['pulseAnswers', 2],
      ['pulseAverage', 2.9],
      ['pulseLow', 1],
    ];
    const year = h1.map(([key, value]) => [
      key,
      ({ meetingsHeld: 4, hours: 4.3, meetingsPerPairMonth: 0.4, pairsLasting6Months: 2, pulseAnswers: 3 } as Record<string, number>)[
        String(key)
      ] ?? value,
    ]);
    // Through the kept view, as the page reads it: the late log below must reach it too.
    const figures = async (period: string, now: Date) =>
      (await funderReportView(parsePeriod(period)!, now)).data.map((m) => [m.key, m.value]);
    // Mid-period: the days after 1 April are still to come.
    const april = new Date('2025-04-01T10:00:00Z');
    const partial = await figures('2025-H1', april);
    expect(Object.fromEntries(partial)).toMatchObject({ meetingsHeld: 3, meetingsCancelled: 3, meetingsNoShow: 1, hours: 3.3 });
    const later = new Date('2026-01-15T12:00:00Z');
    expect(await figures('2025-H1', later)).toEqual(h1);
    expect(await figures('2025', later)).toEqual(year);

    // A late log and a cancellation change a past period; the report follows.
    const actor = { id: coordinator.id, role: 'COORDINATOR' as const };
    const request = new Request('http://localhost/meetings');
    const late = await createMeeting(db, { pairId: unplanned.id, startsAt: osloInstant('2025-02-10', '17:00'), durationMinutes: 30 });
    const planned = await createMeeting(db, { pairId: unplanned.id, startsAt: osloInstant('2025-02-11', '17:00') });
    expect(Object.fromEntries(await figures('2025-H1', later))).toMatchObject({ meetingsHeld: 3, meetingsCancelled: 3, hours: 3.3 });
    await logMeeting(request, actor, late.id, { outcome: 'HELD', durationMinutes: 120, rating: 4, areas: [], goods: [] }, later);
    await cancelMeeting(request, actor, planned.id);
    expect(Object.fromEntries(await figures('2025-H1', later))).toMatchObject({ meetingsHeld: 4, meetingsCancelled: 4, hours: 5.3 });
  });

  it('serves the same numbers as CSV with a BOM, and only to coordinators', async () => {
    const { coordinator, officer } = await history();
    const cookie = await sessionCookieFor(coordinator.id);
    const page = await call(reportsLoader, getRequest('/reports?period=2025-H1', cookie));
    const { metrics } = (await page.json()) as { metrics: { key: string; value: number }[] };
    const response = await call(csvLoader, getRequest('/reports/funder.csv?period=2025-H1', cookie));
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const rows = parse<{ key: string; value: string; label: string }>(text, { bom: true, columns: true });
    expect(rows.map((row) => [row.key, Number(row.value)])).toEqual(metrics.map((m) => [m.key, m.value]));
    expect(rows.find((row) => row.key === 'meetingsHeld')?.label).toBe('Gjennomført');
    expect((await call(csvLoader, getRequest('/reports/funder.csv', await sessionCookieFor(officer.id)))).status).toBe(403);
    expect((await call(reportsLoader, getRequest('/reports?period=nonsense', cookie))).status).toBe(400);
  });
});

describe('recruitment', () => {
  it('compares new pairs with the half-year target, with history', async () => {
    await history();
    await db.halfYearTarget.create({ data: { halfYear: '2025-H1', newPairs: 4 } });
    const status = await recruitmentStatus(db, new Date('2025-04-01T10:00:00Z'));
    expect(status.halfYear).toBe('2025-H1');
    expect(status.projection.target).toBe(4);
    expect(status.history.at(-1)).toEqual({ halfYear: '2025-H1', target: 4, actual: 2, rematches: 0 });
    expect(status.funnels.participants.referred).toBeGreaterThanOrEqual(3);
  });

  it('emails every coordinator once per half-year and kind, however often the job runs', async () => {
    await history();
    const slot = osloInstant('2025-07-01', '08:00');
    await sendHalfYearStatus(db, slot);
    await sendHalfYearStatus(db, slot);
    const coordinators = await db.user.count({ where: { role: 'COORDINATOR' } });
    const emails = await db.outboxEmail.findMany({ where: { template: 'half-year-status' } });
    expect(emails).toHaveLength(coordinators);
    expect(emails[0]?.data).toMatchObject({ kind: 'start', halfYear: '2025-H2', previous: { halfYear: '2025-H1', actual: 2 } });
  });
});

describe('settings', () => {
  it('saves a half-year target and refuses bad numbers next to the field', async () => {
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    const cookie = await sessionCookieFor(coordinator.id);
    const halfYear = (await recruitmentStatus(db)).halfYear;
    const bad = await call(settingsAction, postRequest('/settings', { intent: 'targets', halfYear, newPairs: '-3' }, cookie));
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { result: { error: Record<string, string[]> } };
    expect(body.result.error.newPairs?.[0]).toMatch(/^settings\.invalidNumber/);
    expect(await db.halfYearTarget.count({ where: { halfYear } })).toBe(0);
    const ok = await call(
      settingsAction,
      postRequest('/settings', { intent: 'targets', halfYear, newPairs: '12', newParticipants: '' }, cookie),
    );
    expect(ok.status).toBe(302);
    expect(await db.halfYearTarget.findUnique({ where: { halfYear } })).toMatchObject({ newPairs: 12, newParticipants: null });
  });
});
