import crypto from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LINK_ADDRESS_LIMIT, linkAddress } from '~/domain/participant-links/links.server';
import { deriveLinkToken } from '~/domain/participant-links/token.server';
import { smsOutboxEvents } from '~/domain/sms/outbox.server';
import { mentionsSensitiveTopic } from '~/domain/sms/sensitive';
import { anonymiseParticipant } from '~/domain/privacy/retention.server';
import { participantExport } from '~/domain/privacy/export.server';
import { setSetting } from '~/domain/settings/settings.server';
import { resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { smtpTransport } from '~/lib/email-transport.server';
import { sendDueEmails } from '~/lib/outbox-sender.server';
import { addDays, osloInstant } from '~/lib/time';
import { loader as dashboardLoader } from '~/routes/dashboard';
import { action as pairAction, loader as pairLoader } from '~/routes/pairs.$id';
import { loader as printLoader } from '~/routes/pairs.$id_.links.$linkId';
import { action as linkAction, loader as linkLoader } from '~/routes/p.$token';
import { latestSlot } from '../../jobs/slots';
import { participantLinksJob } from '../../jobs/participant-links';
import { createMeeting, createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { present } from '../support/present';
import { call, getRequest, jsonOf, postRequest, sessionCookieFor } from '../support/requests';
import { resetDatabase } from '../support/reset';
import { useSmtpServer } from '../support/smtp-server';

const smtp = useSmtpServer();

// A Tuesday in winter time; the pair started on Monday 4 January 2027.
const NOW = new Date('2027-02-09T12:00:00Z');
const START = '2027-01-04';
const DAY = 24 * 3600_000;

beforeAll(() => setClock(NOW));
afterAll(() => resetClock());
beforeEach(async () => {
  setClock(NOW);
  await resetDatabase();
});

async function setup(texts: { phone?: string; sms?: boolean } = {}) {
  const coordinator = await createUser(db, { role: 'COORDINATOR' });
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const volunteerUser = await createUser(db, { role: 'VOLUNTEER' });
  const volunteer = await createVolunteer(db, { userId: volunteerUser.id, status: 'READY' });
  const participant = await createParticipant(db, {
    referrerId: officer.id,
    firstName: 'Sølvi',
    status: 'MATCHED',
    ...(texts.phone ? { phone: texts.phone, expectedReleaseDate: '2026-12-01', consent: { sms: texts.sms ?? false } } : {}),
  });
  const pair = await createPair(db, {
    participantId: participant.id,
    volunteerId: volunteer.id,
    startDate: START,
    createdById: coordinator.id,
  });
  return {
    coordinator,
    participant,
    pair,
    coordinatorCookie: await sessionCookieFor(coordinator.id),
    volunteer,
    volunteerUser,
    volunteerCookie: await sessionCookieFor(volunteerUser.id),
  };
}

/** Issues a link from the pair page as the coordinator and reads its address from the print page. */
async function issue(pairId: string, cookie: string, purpose: string) {
  const response = await call(pairAction, postRequest(`/pairs/${pairId}`, { intent: 'issue-participant-link', purpose }, cookie), {
    id: pairId,
  });
  expect(response.status).toBe(302);
  const location = response.headers.get('location')!;
  const linkId = location.split('/').at(-1)!;
  expect(location).toBe(`/pairs/${pairId}/links/${linkId}`);
  const print = await call(printLoader, getRequest(location, cookie), { id: pairId, linkId });
  expect(print.status).toBe(200);
  const body = await jsonOf<{ path: string; address: string; qrSvg: string }>(print);
  const token = body.path.replace('/p/', '');
  return { linkId, token, body };
}

const PULSE_OK = { trust: '4', myChoice: '3', lookForward: '5', listens: '4', helpsPlan: '3', comment: 'Vi går tur, det liker jeg' };

function answer(token: string, fields: Record<string, string>) {
  return call(linkAction, postRequest(`/p/${token}`, fields), { token });
}

function open(token: string) {
  return call(linkLoader, getRequest(`/p/${token}`), { token });
}

function send() {
  return sendDueEmails(db, smtpTransport(smtp.url, 'Brobygger <noreply@brobygger.example>'), {
    owner: 'test',
    publicUrl: 'http://localhost:3000',
  });
}

describe('a personal link', () => {
  it('has a random 128-bit token stored only as its SHA-256, printable with a QR code', async () => {
    const { pair, coordinatorCookie } = await setup();
    const { linkId, token, body } = await issue(pair.id, coordinatorCookie, 'PULSE');
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(16);
    const row = await db.participantLink.findUniqueOrThrow({ where: { id: linkId } });
    expect(row.tokenHash).toBe(crypto.createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row).toMatchObject({ purpose: 'PULSE', pairId: pair.id, usedAt: null, revokedAt: null });
    expect(row.expiresAt).toEqual(new Date(NOW.getTime() + 21 * DAY));
    expect(body.address).toMatch(new RegExp(`/p/${token}$`));
    expect(body.qrSvg).toMatch(/^<svg/);
    // Two links never share a token.
    const second = await issue(pair.id, coordinatorCookie, 'PULSE');
    expect(second.token).not.toBe(token);
  });

  it('is issued by the coordinator only: the volunteer cannot issue or print one', async () => {
    const { pair, coordinatorCookie, volunteerCookie } = await setup();
    const { linkId } = await issue(pair.id, coordinatorCookie, 'NEXT_MEETINGS');
    const issued = await call(
      pairAction,
      postRequest(`/pairs/${pair.id}`, { intent: 'issue-participant-link', purpose: 'PULSE' }, volunteerCookie),
      { id: pair.id },
    );
    expect(issued.status).toBe(403);
    expect(
      (await call(printLoader, getRequest(`/pairs/${pair.id}/links/${linkId}`, volunteerCookie), { id: pair.id, linkId })).status,
    ).toBe(403);
    // The volunteer's pair page carries no links and no answers.
    const page = await jsonOf<{ participantLinks: unknown }>(
      await call(pairLoader, getRequest(`/pairs/${pair.id}`, volunteerCookie), { id: pair.id }),
    );
    expect(page.participantLinks).toBeNull();
    // A closure survey is for an ended pair only.
    const wrong = await call(
      pairAction,
      postRequest(`/pairs/${pair.id}`, { intent: 'issue-participant-link', purpose: 'CLOSURE_SURVEY' }, coordinatorCookie),
      { id: pair.id },
    );
    expect(wrong.status).toBe(400);
  });

  it('answers an unknown, malformed, expired or revoked token with the friendly 404 page', async () => {
    const { pair, coordinatorCookie } = await setup();
    for (const token of ['AAAAAAAAAAAAAAAAAAAAAA', 'nope', 'x'.repeat(300), '../../etc']) {
      const response = await open(token);
      expect(response.status, token).toBe(404);
      expect(await jsonOf(response)).toMatchObject({ link: null, limited: false });
      expect((await answer(token, PULSE_OK)).status, token).toBe(404);
    }
    const { token } = await issue(pair.id, coordinatorCookie, 'PULSE');
    expect((await open(token)).status).toBe(200);
    setClock(new Date(NOW.getTime() + 21 * DAY + 1000));
    expect((await open(token)).status).toBe(404);
    expect((await answer(token, PULSE_OK)).status).toBe(404);
    expect(await db.participantAnswer.count()).toBe(0);

    setClock(NOW);
    const revoked = await issue(pair.id, coordinatorCookie, 'PULSE');
    const response = await call(
      pairAction,
      postRequest(`/pairs/${pair.id}`, { intent: 'revoke-participant-link', linkId: revoked.linkId }, coordinatorCookie),
      { id: pair.id },
    );
    expect(response.status).toBe(302);
    expect((await open(revoked.token)).status).toBe(404);
  });

  it('is rate-limited per address like sign-in: after 50 misses even a good link waits', async () => {
    const { pair, coordinatorCookie } = await setup();
    const { token } = await issue(pair.id, coordinatorCookie, 'PULSE');
    for (let index = 0; index < LINK_ADDRESS_LIMIT.max; index += 1) expect((await open(`guess${index}`)).status).toBe(404);
    const limited = await open(token);
    expect(limited.status).toBe(429);
    expect(await jsonOf(limited)).toMatchObject({ link: null, limited: true });
    setClock(new Date(NOW.getTime() + LINK_ADDRESS_LIMIT.windowMs + 1000));
    expect((await open(token)).status).toBe(200);
  });
});

describe('the participant answers', () => {
  it('stores the answer once, closes the link, and shows it to the coordinator beside the fit check', async () => {
    const { pair, participant, coordinatorCookie } = await setup();
    const { linkId, token } = await issue(pair.id, coordinatorCookie, 'PULSE');
    const page = await jsonOf<{ link: { purpose: string } }>(await open(token));
    expect(page.link.purpose).toBe('PULSE');

    const response = await answer(token, PULSE_OK);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/p/done');
    const stored = await db.participantAnswer.findUniqueOrThrow({ where: { linkId } });
    expect(stored).toMatchObject({
      pairId: pair.id,
      purpose: 'PULSE',
      answeredOn: '2027-02-09',
      scores: { trust: 4, myChoice: 3, lookForward: 5, listens: 4, helpsPlan: 3 },
      meanScore: 3.8,
      comment: 'Vi går tur, det liker jeg',
      lowScore: false,
    });
    expect((await db.participantLink.findUniqueOrThrow({ where: { id: linkId } })).usedAt).toEqual(NOW);
    expect(
      await db.auditEvent.count({ where: { entityType: 'PARTICIPANT_ANSWER', action: 'CREATE', participantId: participant.id } }),
    ).toBe(1);
    // One use: a second submit and a later visit find the friendly 404, and nothing more is stored.
    expect((await answer(token, { ...PULSE_OK, trust: '1' })).status).toBe(404);
    expect((await open(token)).status).toBe(404);
    expect(await db.participantAnswer.count()).toBe(1);
    // No alert for a good pulse.
    expect(await db.outboxEmail.count({ where: { template: 'participant-pulse-low' } })).toBe(0);

    const pairPage = await jsonOf<{
      participantLinks: { answers: { id: string; meanScore: number }[]; links: { id: string; state: string }[] };
    }>(await call(pairLoader, getRequest(`/pairs/${pair.id}`, coordinatorCookie), { id: pair.id }));
    expect(pairPage.participantLinks.answers).toEqual([expect.objectContaining({ id: stored.id, meanScore: 3.8 })]);
    expect(pairPage.participantLinks.links).toEqual([expect.objectContaining({ id: linkId, state: 'ANSWERED' })]);
    expect(await db.auditEvent.count({ where: { entityType: 'PARTICIPANT_ANSWER', action: 'VIEW', participantId: participant.id } })).toBe(
      1,
    );
  });

  it('refuses a missing score or a control character with a message, keeps what was typed and stores nothing', async () => {
    const { pair, coordinatorCookie } = await setup();
    const { token } = await issue(pair.id, coordinatorCookie, 'PULSE');
    const { trust: _trust, ...missing } = PULSE_OK;
    const first = await answer(token, missing);
    expect(first.status).toBe(400);
    const reply = await jsonOf<{ result: { error: Record<string, string[]>; initialValue: Record<string, string> } }>(first);
    expect(Object.keys(reply.result.error)).toEqual(['trust']);
    expect(reply.result.initialValue.comment).toBe(PULSE_OK.comment);
    const control = await answer(token, { ...PULSE_OK, comment: 'hei\u0007' });
    expect(control.status).toBe(400);
    expect(await db.participantAnswer.count()).toBe(0);
    expect((await open(token)).status).toBe(200);
  });

  it('a low pulse alerts every coordinator at once by email, with no scores or words in it', async () => {
    const { pair, coordinator, coordinatorCookie } = await setup();
    await db.user.update({ where: { id: coordinator.id }, data: { notificationMode: 'DIGEST' } });
    const { token } = await issue(pair.id, coordinatorCookie, 'PULSE');
    const comment = 'Hun kommer aldri når hun har sagt';
    const response = await answer(token, { ...PULSE_OK, trust: '1', comment });
    expect(response.status).toBe(302);
    const stored = await db.participantAnswer.findFirstOrThrow({ where: { pairId: pair.id } });
    expect(stored.lowScore).toBe(true);
    const outbox = await db.outboxEmail.findFirstOrThrow({ where: { idempotencyKey: `pulse-low:${stored.id}:${coordinator.id}` } });
    expect(outbox).toMatchObject({ urgent: true, status: 'PENDING', template: 'participant-pulse-low' });
    await send();
    const [first] = await smtp.waitFor((e) => e.to.includes(coordinator.email));
    const email = present(first, 'the low-pulse email');
    expect(email.subject).toBe('En deltaker har svart lavt på trivselsmålingen');
    expect(email.text).toContain(`http://localhost:3000/pairs/${pair.id}`);
    expect(email.text).not.toContain('Sølvi');
    expect(email.text).not.toContain(comment);
    // And it stays on the dashboard for two weeks.
    const dashboard = await jsonOf<{ lowPulses: { id: string; pairId: string }[] }>(
      await call(dashboardLoader, getRequest('/dashboard', coordinatorCookie)),
    );
    expect(dashboard.lowPulses).toEqual([expect.objectContaining({ id: stored.id, pairId: pair.id })]);
    setClock(new Date(NOW.getTime() + 15 * DAY));
    const later = await jsonOf<{ lowPulses: unknown[] }>(
      await call(dashboardLoader, getRequest('/dashboard', await sessionCookieFor(coordinator.id))),
    );
    expect(later.lowPulses).toEqual([]);
  });

  it('the mean threshold follows the lowPulseMean setting', async () => {
    const { pair, coordinatorCookie } = await setup();
    await setSetting(db, 'lowPulseMean', 3);
    const { token } = await issue(pair.id, coordinatorCookie, 'PULSE');
    await answer(token, { trust: '3', myChoice: '3', lookForward: '3', listens: '3', helpsPlan: '3' });
    expect((await db.participantAnswer.findFirstOrThrow({ where: { pairId: pair.id } })).lowScore).toBe(true);
  });

  it('"my next meetings" lists the planned meetings in Oslo time and is not used up by reading', async () => {
    const { pair, coordinatorCookie } = await setup();
    await createMeeting(db, {
      pairId: pair.id,
      startsAt: osloInstant(addDays('2027-02-09', 2), '17:30'),
      placeType: 'CAFE',
      place: 'Kafé Ni Muser',
    });
    await createMeeting(db, { pairId: pair.id, startsAt: new Date(NOW.getTime() - DAY), placeType: 'CAFE', status: 'HELD' } as never);
    const { token } = await issue(pair.id, coordinatorCookie, 'NEXT_MEETINGS');
    for (let index = 0; index < 2; index += 1) {
      const page = await jsonOf<{ meetings: { startsAt: string; place: string }[] }>(await open(token));
      expect(page.meetings).toEqual([expect.objectContaining({ startsAt: '2027-02-11T16:30:00.000Z', place: 'Kafé Ni Muser' })]);
    }
    expect((await answer(token, PULSE_OK)).status).toBe(400);
  });
});

describe('the participant answers a meeting on "my next meetings"', () => {
  function answerMeeting(token: string, meetingId: string, answer: string) {
    return call(linkAction, postRequest(`/p/${token}`, { meetingId, answer }), { token });
  }

  it('stores "I\'m coming", tells the volunteer by email, shows it on the list and can be changed', async () => {
    const { pair, volunteerUser, coordinatorCookie } = await setup();
    const meeting = await createMeeting(db, {
      pairId: pair.id,
      startsAt: osloInstant(addDays('2027-02-09', 2), '17:30'),
      placeType: 'CAFE',
      place: 'Kafé Ni Muser',
    });
    const { token } = await issue(pair.id, coordinatorCookie, 'NEXT_MEETINGS');
    const before = await jsonOf<{ meetings: { id: string; participantAnswer: string | null }[] }>(await open(token));
    expect(before.meetings).toEqual([expect.objectContaining({ id: meeting.id, participantAnswer: null })]);

    const response = await answerMeeting(token, meeting.id, 'CONFIRMED');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/p/${token}`);
    expect(await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({
      participantAnswer: 'CONFIRMED',
      participantAnswerVia: 'LINK',
      participantAnsweredAt: NOW,
    });
    const emails = await db.outboxEmail.findMany({ where: { template: 'meeting-participant-answer' } });
    expect(emails).toEqual([expect.objectContaining({ toAddress: volunteerUser.email, userId: volunteerUser.id })]);
    expect(emails[0]?.data).toMatchObject({ meetingId: meeting.id, answer: 'CONFIRMED' });
    const after = await jsonOf<{ meetings: { id: string; participantAnswer: string | null }[] }>(await open(token));
    expect(after.meetings).toEqual([expect.objectContaining({ id: meeting.id, participantAnswer: 'CONFIRMED' })]);

    // The other button changes the answer, and the volunteer hears of that too.
    expect((await answerMeeting(token, meeting.id, 'CANT_COME')).status).toBe(302);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).participantAnswer).toBe('CANT_COME');
    expect(await db.outboxEmail.count({ where: { template: 'meeting-participant-answer', userId: volunteerUser.id } })).toBe(2);
  });

  it("answers another pair's meeting 404, and a cancelled, past or garbled one 400, storing nothing", async () => {
    const { pair, coordinatorCookie } = await setup();
    const other = await setup();
    const theirs = await createMeeting(db, {
      pairId: other.pair.id,
      startsAt: osloInstant(addDays('2027-02-09', 2), '17:30'),
      placeType: 'CAFE',
    });
    const cancelled = await createMeeting(db, {
      pairId: pair.id,
      startsAt: osloInstant(addDays('2027-02-09', 3), '17:30'),
      placeType: 'CAFE',
    });
    await db.meeting.update({ where: { id: cancelled.id }, data: { status: 'CANCELLED' } });
    const past = await createMeeting(db, { pairId: pair.id, startsAt: new Date(NOW.getTime() - 3600_000), placeType: 'CAFE' });
    const { token } = await issue(pair.id, coordinatorCookie, 'NEXT_MEETINGS');

    const foreign = await answerMeeting(token, theirs.id, 'CONFIRMED');
    expect(foreign.status).toBe(404);
    expect(await jsonOf(foreign)).toMatchObject({ meetingError: 'NOT_FOUND' });
    for (const meetingId of [cancelled.id, past.id]) {
      const closed = await answerMeeting(token, meetingId, 'CONFIRMED');
      expect(closed.status, meetingId).toBe(400);
      expect(await jsonOf(closed)).toMatchObject({ meetingError: 'CLOSED' });
    }
    expect((await answerMeeting(token, theirs.id, 'MAYBE')).status).toBe(400);
    expect((await call(linkAction, postRequest(`/p/${token}`, {}), { token })).status).toBe(400);
    expect(await db.meeting.count({ where: { participantAnswer: { not: null } } })).toBe(0);
    expect(await db.outboxEmail.count({ where: { template: 'meeting-participant-answer' } })).toBe(0);
    // A survey link takes no meeting answers.
    const survey = await issue(pair.id, coordinatorCookie, 'PULSE');
    expect((await answerMeeting(survey.token, past.id, 'CONFIRMED')).status).toBe(400);
  });
});

describe('the participant-links job', () => {
  async function runAt(instant: string) {
    setClock(new Date(instant));
    const scheduledFor = latestSlot(participantLinksJob.cron, new Date(instant));
    return participantLinksJob.run({ db, scheduledFor, now: new Date(instant) } as never);
  }

  it('issues the pulse at six weeks, once across two runs, and the fit check after the first month', async () => {
    const { pair } = await setup();
    // 4 February: one month in, five weeks in: the fit check, no pulse yet.
    expect(await runAt('2027-02-04T08:30:00Z')).toEqual({ issued: 1 });
    expect(
      await db.participantLink.findMany({ where: { pairId: pair.id }, select: { purpose: true, dueKey: true, deliveredVia: true } }),
    ).toEqual([{ purpose: 'FIT_CHECK', dueKey: `fit-check:${pair.id}`, deliveredVia: 'PAIR_PAGE' }]);
    // 14 February is day 41: still no pulse.
    expect(await runAt('2027-02-14T08:30:00Z')).toEqual({ issued: 0 });
    // 15 February, six weeks in: the pulse; a second run that day and the next day issue nothing more.
    expect(await runAt('2027-02-15T08:30:00Z')).toEqual({ issued: 1 });
    expect(await runAt('2027-02-15T20:00:00Z')).toEqual({ issued: 0 });
    expect(await runAt('2027-02-16T08:30:00Z')).toEqual({ issued: 0 });
    const pulses = await db.participantLink.findMany({ where: { pairId: pair.id, purpose: 'PULSE' } });
    expect(pulses.map((link) => link.dueKey)).toEqual([`pulse:${pair.id}:1`]);
    expect(present(pulses[0], 'the first pulse').deliveredVia).toBe('PAIR_PAGE');
    // Twelve weeks in: the second round.
    expect(await runAt('2027-03-29T07:30:00Z')).toEqual({ issued: 1 });
    expect(await db.participantLink.count({ where: { pairId: pair.id, purpose: 'PULSE' } })).toBe(2);
  });

  it('texts the link when the participant agreed to texts, and leaves it for the pair page when not', async () => {
    let wakes = 0;
    const wake = () => (wakes += 1);
    smsOutboxEvents.on('queued', wake);
    try {
      const texted = await setup({ phone: '+4791234567', sms: true });
      const silent = await setup({ phone: '+4792345678', sms: false });
      expect(await runAt('2027-02-04T08:30:00Z')).toEqual({ issued: 2 });
      expect(wakes).toBe(1);

      const link = await db.participantLink.findFirstOrThrow({ where: { pairId: texted.pair.id } });
      expect(link.deliveredVia).toBe('SMS');
      const address = linkAddress(deriveLinkToken(link.salt));
      expect(address).toMatch(/^https?:\/\/[^/]+\/p\/[A-Za-z0-9_-]{22}$/);
      const texts = await db.smsMessage.findMany({ where: { pairId: texted.pair.id } });
      expect(texts).toEqual([
        expect.objectContaining({
          direction: 'OUT',
          kind: 'LINK',
          idempotencyKey: `link:${link.id}`,
          participantId: texted.participant.id,
          phone: '+4791234567',
          status: 'PENDING',
        }),
      ]);
      const body = present(texts[0], 'the link text').body;
      expect(body).toContain(address);
      expect(mentionsSensitiveTopic(body.replace(address, ''))).toBe(false);
      expect(body).not.toContain('Sølvi');
      // The texted address opens the survey.
      const token = address.split('/p/')[1]!;
      expect((await open(token)).status).toBe(200);

      expect(await db.participantLink.findFirstOrThrow({ where: { pairId: silent.pair.id }, select: { deliveredVia: true } })).toEqual({
        deliveredVia: 'PAIR_PAGE',
      });
      expect(await db.smsMessage.count({ where: { pairId: silent.pair.id } })).toBe(0);

      // A rerun issues and texts nothing more.
      expect(await runAt('2027-02-04T20:00:00Z')).toEqual({ issued: 0 });
      expect(await db.smsMessage.count()).toBe(1);
      expect(wakes).toBe(1);
    } finally {
      smsOutboxEvents.off('queued', wake);
    }
  });

  it('issues the closure survey after the pair ended, once', async () => {
    const { pair } = await setup();
    await db.pair.update({
      where: { id: pair.id },
      data: { status: 'ENDED', endDate: '2027-02-08', endedAt: new Date('2027-02-08T12:00:00Z') },
    });
    expect(await runAt('2027-02-09T08:30:00Z')).toEqual({ issued: 1 });
    expect(await runAt('2027-02-10T08:30:00Z')).toEqual({ issued: 0 });
    expect((await db.participantLink.findFirstOrThrow({ where: { pairId: pair.id } })).purpose).toBe('CLOSURE_SURVEY');
  });
});

describe('privacy', () => {
  it('the export holds the answers and the links without token material; anonymising removes the words and closes links', async () => {
    const { pair, participant, coordinator, coordinatorCookie } = await setup();
    const { token } = await issue(pair.id, coordinatorCookie, 'PULSE');
    const open2 = await issue(pair.id, coordinatorCookie, 'NEXT_MEETINGS');
    await answer(token, PULSE_OK);
    const exported = JSON.stringify(await participantExport(null, coordinator, participant.id));
    expect(exported).toContain(PULSE_OK.comment);
    expect(exported).toContain('"helpsPlan":3');
    expect(exported).not.toContain('tokenHash');
    expect(exported).not.toContain('"salt"');

    await db.$transaction((tx) => anonymiseParticipant(tx, participant.id, NOW));
    const answerRow = await db.participantAnswer.findFirstOrThrow({ where: { pairId: pair.id } });
    expect(answerRow.comment).toBeNull();
    expect(answerRow.meanScore).toBe(3.8);
    expect((await open(open2.token)).status).toBe(404);
    expect(JSON.stringify(await participantExport(null, coordinator, participant.id))).not.toContain(PULSE_OK.comment);
  });
});
