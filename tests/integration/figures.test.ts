import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { halfYearOnTrack } from '~/domain/figures/figures.server';
import { pairsDigestSection } from '~/domain/figures/summaries.server';
import { sendMonthlyComplianceSummary } from '~/domain/notifications/monthly-compliance.server';
import { sendWeeklyDigest } from '~/domain/notifications/weekly-digest.server';
import { sendHalfYearStatus } from '~/domain/notifications/half-year-status.server';
import { setSetting } from '~/domain/settings/settings.server';
import { resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { smtpTransport } from '~/lib/email-transport.server';
import { sendDueEmails } from '~/lib/outbox-sender.server';
import { osloInstant } from '~/lib/time';
import { loader as dashboardLoader } from '~/routes/dashboard';
import { loader as xlsxLoader } from '~/routes/reports.funder[.]xlsx';
import { loader as reportsLoader } from '~/routes/reports._index';
import { createMeeting, createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { call, getRequest, sessionCookieFor } from '../support/requests';
import { resetDatabase } from '../support/reset';
import { useSmtpServer } from '../support/smtp-server';

const smtp = useSmtpServer();
/** 00:05 on Tuesday 1 December 2026 in Oslo (still 30 November in UTC). */
const NOW = new Date('2026-11-30T23:05:00Z');

beforeEach(async () => {
  await resetDatabase();
  setClock(NOW);
});
afterEach(() => resetClock());

/**
 * Sends the outbox. Its rows' nextAttemptAt is the database's own now() (the real day, after
 * the pinned clock), so the sender looks from the machine's time: any time after the rows.
 */
function send() {
  return sendDueEmails(db, smtpTransport(smtp.url, 'Brobygger <noreply@brobygger.example>'), {
    owner: 'test',
    publicUrl: 'http://localhost:3000',
    now: () => new Date(Math.max(Date.now(), NOW.getTime())),
  });
}

/**
 * Three participants and one volunteer in the second half of 2026: A's pair since 1 September
 * (4 meetings in November), C's since 1 October (1 in November), and B's first pair (August to
 * mid-October) followed by a re-match on 10 November (1 in November). Nothing held in December yet.
 */
async function fixture() {
  const coordinator = await createUser(db, { role: 'COORDINATOR', language: 'nb' });
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const volunteer = await createVolunteer(db, {
    status: 'READY',
    capacity: 3,
    createdAt: osloInstant('2026-07-05', '10:00'),
    stageChangedAt: osloInstant('2026-08-01', '10:00'),
  });
  const [a, b, c] = await Promise.all(
    ['2026-07-10', '2026-07-12', '2026-09-01'].map((referralDate, i) =>
      createParticipant(db, { referrerId: officer.id, referralDate, status: 'MATCHED', lastName: `Tall${i}` }),
    ),
  );
  if (!a || !b || !c) throw new Error('expected three participants');
  for (const [participant, day] of [
    [a, '2026-07-20'],
    [b, '2026-07-21'],
    [c, '2026-09-10'],
    [b, '2026-10-20'],
  ] as const) {
    // B is accepted twice (after the first pair ended): counted once.
    await db.participantStatusChange.create({
      data: { participantId: participant.id, fromStatus: 'REFERRED', toStatus: 'ACCEPTED', createdAt: osloInstant(day, '12:00') },
    });
  }
  const pairA = await createPair(db, { participantId: a.id, volunteerId: volunteer.id, startDate: '2026-09-01' });
  const pairC = await createPair(db, { participantId: c.id, volunteerId: volunteer.id, startDate: '2026-10-01' });
  await db.pair.create({
    data: {
      participantId: b.id,
      volunteerId: volunteer.id,
      status: 'ENDED',
      startDate: '2026-08-01',
      activatedAt: osloInstant('2026-08-01', '12:00'),
      endDate: '2026-10-15',
      endedAt: osloInstant('2026-10-15', '12:00'),
      endType: 'UNPLANNED',
      endReason: 'REMATCHED',
    },
  });
  const rematch = await createPair(db, { participantId: b.id, volunteerId: volunteer.id, startDate: '2026-11-10' });
  for (const day of ['2026-11-03', '2026-11-10', '2026-11-17', '2026-11-28']) {
    await createMeeting(db, { pairId: pairA.id, startsAt: osloInstant(day, '17:00'), log: { outcome: 'HELD' } });
  }
  await createMeeting(db, { pairId: pairC.id, startsAt: osloInstant('2026-11-20', '17:00'), log: { outcome: 'HELD' } });
  await createMeeting(db, { pairId: rematch.id, startsAt: osloInstant('2026-11-25', '17:00'), log: { outcome: 'HELD' } });
  await db.halfYearTarget.create({ data: { halfYear: '2026-H2', newPairs: 4 } });
  return { coordinator, cookie: await sessionCookieFor(coordinator.id) };
}

type Dashboard = {
  month: {
    held: number;
    expectedByToday: number;
    target: number;
    behind: number;
    lastMonth: { pairs: number; onTarget: number };
    perPairMonth: number;
  };
  needsAction: { totals: { behind: number } };
  pairs: { health: string }[];
  recruitment: {
    projection: { actual: number; target: number; status: string; expectedByNow: number };
    newPairs: { rematches: number; counted: number };
    funnels: { participants: { accepted: number; matched: number }; volunteers: { ready: number } };
    history: { halfYear: string; actual: number; rematches: number }[];
  };
};

async function dashboard(cookie: string) {
  return (await (await call(dashboardLoader, getRequest('/dashboard', cookie))).json()) as Dashboard;
}

async function report(cookie: string) {
  const body = (await (await call(reportsLoader, getRequest('/reports?period=2026-H2', cookie))).json()) as {
    metrics: { key: string; value: number }[];
  };
  return Object.fromEntries(body.metrics.map((m) => [m.key, m.value]));
}

describe('one definition per figure', () => {
  it('gives the same figures on the dashboard, the report, the weekly digest, the monthly summary and the half-year email', async () => {
    const { cookie } = await fixture();
    const dash = await dashboard(cookie);
    const figures = await report(cookie);

    // This month, on the 1st just after midnight: nothing held, nothing expected, no pair behind.
    expect(dash.month).toMatchObject({ held: 0, expectedByToday: 0, target: 12, behind: 0 });
    expect(dash.needsAction.totals.behind).toBe(0);
    expect(dash.pairs.map((pair) => pair.health)).toEqual(['GREEN', 'GREEN', 'GREEN']);
    // November: A reached 4 of 4; C 1 of 4; the re-match 1 of 3 (21 of 30 days).
    expect(dash.month.lastMonth).toEqual({ month: '2026-11', pairs: 3, onTarget: 1, onHold: 0 });

    // The half-year: B's re-match is shown apart and not counted (the setting is off by default).
    expect(dash.recruitment.newPairs).toMatchObject({ rematches: 1, counted: 3 });
    expect(dash.recruitment.projection).toMatchObject({ actual: 3, target: 4, status: 'OFF_TRACK', expectedByNow: 3.3 });
    expect(dash.recruitment.history.at(-1)).toEqual({ halfYear: '2026-H2', target: 4, actual: 3, rematches: 1 });
    expect(figures.pairsStarted).toBe(3);
    expect(figures.pairsRematched).toBe(1);
    // Funnel and report count the half-year the same way.
    expect(dash.recruitment.funnels.participants.accepted).toBe(3);
    expect(figures.participantsAccepted).toBe(3);
    expect(dash.recruitment.funnels.participants.matched).toBe(figures.participantsMatched);
    expect(dash.recruitment.funnels.volunteers.ready).toBe(1);
    expect(figures.volunteersReady).toBe(1);
    expect(dash.month.perPairMonth).toBe(figures.meetingsPerPairMonth);
    expect(figures.meetingsPerPairMonth).toBeGreaterThan(0);

    // The weekly digest, received by the SMTP server, says what the dashboard says.
    expect(await sendWeeklyDigest(db, NOW)).toBe(1);
    // The monthly summary for November and the half-way email (its 1 October slot run late, today).
    await sendMonthlyComplianceSummary(db, NOW);
    await sendHalfYearStatus(db, osloInstant('2026-10-01', '08:00'), NOW);
    await send();
    const [digest] = await smtp.waitFor((email) => email.text.includes('møter holdt denne måneden'));
    expect(digest?.text).toContain('0 møter holdt denne måneden, 0 forventet hittil (mål for hele måneden: 12)');
    expect(digest?.text).toContain('0 par ligger bak det som var forventet hittil');
    expect(digest?.text).toContain('3 i rute, 0 henger etter, 0 trenger oppfølging');
    const [monthly] = await smtp.waitFor((email) => email.subject.startsWith('Møter i'));
    expect(monthly?.subject).toContain('1 av 3 par nådde målet');
    const [halfYear] = await smtp.waitFor((email) => email.subject.startsWith('Halvveis'));
    expect(halfYear?.subject).toBe('Halvveis i 2. halvår 2026: 3 av 4 par');
    expect(halfYear?.text).toContain('Per 1. des. 2026');
    expect(halfYear?.text).toContain('3 av 4 nye aktive par så langt, 3,3 forventet hittil – bak skjema.');
    expect(halfYear?.text).toContain('1 nye matcher av tidligere deltakere er ikke regnet som nye par.');
    expect(halfYear?.text).not.toContain('2026-H2');
  });

  it('counts a re-match as a new pair only when the setting says so, everywhere', async () => {
    const { cookie } = await fixture();
    await setSetting(db, 'countRematchesAsNewPairs', true);
    const dash = await dashboard(cookie);
    expect(dash.recruitment.newPairs).toMatchObject({ rematches: 1, counted: 4 });
    expect(dash.recruitment.projection).toMatchObject({ actual: 4, status: 'REACHED' });
    expect((await report(cookie)).pairsStarted).toBe(4);
    expect((await halfYearOnTrack(db, NOW)).projection.actual).toBe(4);
    await sendHalfYearStatus(db, osloInstant('2026-10-01', '08:00'), NOW);
    await send();
    const [email] = await smtp.waitFor((e) => e.subject.startsWith('Halvveis'));
    expect(email?.text).toContain('4 av 4 nye aktive par så langt');
    expect(email?.text).toContain('målet er nådd');
  });

  it('finds the same pairs behind in the digest as on the dashboard later in the month', async () => {
    await fixture();
    // 16 December: 15 of 31 days over, 4 × 15/31 = 1.9 → 1 whole meeting expected; nobody has held one.
    setClock(osloInstant('2026-12-16', '09:00'));
    const dash = await dashboard(await sessionCookieFor((await createUser(db, { role: 'COORDINATOR' })).id));
    expect(dash.month).toMatchObject({ held: 0, expectedByToday: 3, behind: 3 });
    const section = await pairsDigestSection(db, osloInstant('2026-12-16', '09:00'), 'en');
    expect(section?.lines).toContain('0 meetings held this month, 3 expected by today (target for the whole month: 12)');
    expect(section?.lines).toContain('3 pairs are behind what was expected by today');
  });
});

describe('the funder workbook', () => {
  async function workbook(language: 'nb' | 'en') {
    await fixture();
    const user = await createUser(db, { role: 'COORDINATOR', language });
    const response = await call(xlsxLoader, getRequest('/reports/funder.xlsx?period=2026-H2', await sessionCookieFor(user.id)));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="brobygger-2026-H2.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    return book;
  }

  it('has a sheet per section, headers in Norwegian and numbers as numbers', async () => {
    const book = await workbook('nb');
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Deltakere', 'Frivillige', 'Par', 'Møter', 'Kvalitet', 'Resultatmål']);
    const pairs = book.getWorksheet('Par')!;
    expect(pairs.getRow(1).values).toEqual([undefined, 'Periode', 'Tall', 'Verdi', 'Merknad', 'Nøkkel']);
    const started = pairs.getRows(2, pairs.rowCount - 1)!.find((row) => row.getCell(5).value === 'pairsStarted')!;
    expect(started.getCell(1).value).toBe('2. halvår 2026');
    expect(started.getCell(2).value).toBe('Startet');
    expect(started.getCell(3).value).toBe(3);
    expect(typeof started.getCell(3).value).toBe('number');
    expect(started.getCell(4).text).toContain('uten nye matcher');
    const meetings = book.getWorksheet('Møter')!;
    for (const row of meetings.getRows(2, meetings.rowCount - 1)!) expect(typeof row.getCell(3).value).toBe('number');
  });

  it('has headers in English for an English reader, and only coordinators get it', async () => {
    const book = await workbook('en');
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      'Participants',
      'Volunteers',
      'Pairs',
      'Meetings',
      'Quality',
      'Outcome measures',
    ]);
    expect(book.getWorksheet('Meetings')!.getRow(1).values).toEqual([undefined, 'Period', 'Figure', 'Value', 'Note', 'Key']);
    expect(book.getWorksheet('Pairs')!.getRow(2).getCell(1).value).toBe('second half of 2026');
    const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
    expect((await call(xlsxLoader, getRequest('/reports/funder.xlsx', await sessionCookieFor(officer.id)))).status).toBe(403);
  });
});
