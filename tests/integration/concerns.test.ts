import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/lib/db.server';
import { resetClock, setClock } from '~/lib/clock';
import { smtpTransport } from '~/lib/email-transport.server';
import { sendDueEmails } from '~/lib/outbox-sender.server';
import { addDays, todayInOslo } from '~/lib/time';
import { loader as dashboardLoader } from '~/routes/dashboard';
import { action as meetingAction, loader as meetingLoader } from '~/routes/meetings.$id';
import { action as concernAction, loader as concernLoader } from '~/routes/pairs.$id_.concern';
import { loader as pairLoader } from '~/routes/pairs.$id';
import { createMeeting, createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { call, getRequest, postRequest, sessionCookieFor } from '../support/requests';
import { useSmtpServer } from '../support/smtp-server';

const smtp = useSmtpServer();

// A Tuesday in winter time; every date below is relative to it.
const NOW = new Date('2027-02-09T12:00:00Z');
const HOUR = 3600_000;

beforeAll(() => setClock(NOW));
afterAll(() => resetClock());

async function setup(options: { shareContact?: boolean } = {}) {
  const today = todayInOslo();
  // A coordinator who chose the daily digest: a concern still reaches them at once.
  const coordinator = await createUser(db, { role: 'COORDINATOR', name: 'Kari Koordinator', notificationMode: 'DIGEST' });
  await db.user.update({ where: { id: coordinator.id }, data: { phone: '+47 912 34 567' } });
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const volunteerUser = await createUser(db, { role: 'VOLUNTEER' });
  const volunteer = await createVolunteer(db, { userId: volunteerUser.id, status: 'READY' });
  const participant = await createParticipant(db, {
    referrerId: officer.id,
    firstName: 'Sølvi',
    status: 'MATCHED',
    expectedReleaseDate: addDays(today, -30),
    consent: { shareContact: options.shareContact ?? false },
  });
  await db.participant.update({ where: { id: participant.id }, data: { phone: '+47 400 00 001', email: 'solvi@example.no' } });
  const pair = await createPair(db, {
    participantId: participant.id,
    volunteerId: volunteer.id,
    startDate: addDays(today, -60),
    createdById: coordinator.id,
  });
  const past = await createMeeting(db, { pairId: pair.id, startsAt: new Date(NOW.getTime() - 3 * HOUR), placeType: 'CAFE' });
  const future = await createMeeting(db, { pairId: pair.id, startsAt: new Date(NOW.getTime() + 2 * 24 * HOUR), placeType: 'OUTDOORS' });
  return {
    coordinator,
    participant,
    pair,
    past,
    future,
    volunteerCookie: await sessionCookieFor(volunteerUser.id),
    coordinatorCookie: await sessionCookieFor(coordinator.id),
  };
}

async function strangerCookie() {
  const stranger = await createUser(db, { role: 'VOLUNTEER' });
  await createVolunteer(db, { userId: stranger.id, status: 'READY' });
  return sessionCookieFor(stranger.id);
}

function send() {
  return sendDueEmails(db, smtpTransport(smtp.url, 'Brobygger <noreply@brobygger.example>'), {
    owner: 'test',
    publicUrl: 'http://localhost:3000',
  });
}

type Reply = {
  result: { error?: Record<string, string[] | null> };
  emergencyNumbers?: { number: string; service: string }[] | null;
  confirm?: boolean;
};

describe('a concern without a meeting', () => {
  it('is stored, shown to the coordinator and mailed to them at once, without names or the text', async () => {
    const { pair, coordinator, volunteerCookie, coordinatorCookie } = await setup();
    expect((await call(concernLoader, getRequest(`/pairs/${pair.id}/concern`, volunteerCookie), { id: pair.id })).status).toBe(200);
    const text = 'Sølvi sa på telefonen at hun ikke har noe sted å bo fra fredag.';
    const response = await call(concernAction, postRequest(`/pairs/${pair.id}/concern`, { text }, volunteerCookie), { id: pair.id });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/pairs/${pair.id}`);

    const concern = await db.concern.findFirstOrThrow({ where: { pairId: pair.id } });
    expect(concern).toMatchObject({ text, meetingId: null, severity: 'NORMAL', acknowledgedAt: null });
    const outbox = await db.outboxEmail.findFirstOrThrow({ where: { idempotencyKey: `concern:${concern.id}:${coordinator.id}` } });
    expect(outbox).toMatchObject({ urgent: true, status: 'PENDING' });
    expect(await db.auditEvent.count({ where: { entityType: 'PAIR', entityId: pair.id, action: 'CREATE' } })).toBe(1);

    await send();
    const [email] = await smtp.waitFor((e) => e.to.includes(coordinator.email));
    expect(email?.subject).toBe('En frivillig har meldt en bekymring');
    expect(email?.text).toContain(`http://localhost:3000/pairs/${pair.id}`);
    expect(email?.text).not.toContain('etter et møte');
    expect(email?.text).not.toContain('Sølvi');
    expect(email?.text).not.toContain('bo fra fredag');

    const onPair = (await (await call(pairLoader, getRequest(`/pairs/${pair.id}`, coordinatorCookie), { id: pair.id })).json()) as {
      pair: { concerns: { id: string; meetingId: string | null; severity: string }[] };
    };
    expect(onPair.pair.concerns).toEqual([expect.objectContaining({ id: concern.id, meetingId: null, severity: 'NORMAL' })]);
    const dashboard = (await (await call(dashboardLoader, getRequest('/dashboard', coordinatorCookie))).json()) as {
      needsAction: { concerns: { id: string }[] };
    };
    expect(dashboard.needsAction.concerns.map((c) => c.id)).toContain(concern.id);
  });

  it('when urgent, first answers with 112, 113 and 110 and writes nothing; the confirmed one is stored and mailed as urgent', async () => {
    const { pair, coordinator, volunteerCookie } = await setup();
    const fields = { text: 'Han sier han vil skade seg selv i kveld.', urgent: 'on' };
    const rowsBefore = { concerns: await db.concern.count(), emails: await db.outboxEmail.count(), audit: await db.auditEvent.count() };

    const first = await call(concernAction, postRequest(`/pairs/${pair.id}/concern`, fields, volunteerCookie), { id: pair.id });
    expect(first.status).toBe(200);
    const reply = (await first.json()) as Reply;
    expect(reply.emergencyNumbers).toEqual([
      { number: '112', service: 'POLICE' },
      { number: '113', service: 'MEDICAL' },
      { number: '110', service: 'FIRE' },
    ]);
    expect({ concerns: await db.concern.count(), emails: await db.outboxEmail.count(), audit: await db.auditEvent.count() }).toEqual(
      rowsBefore,
    );

    const confirmed = await call(
      concernAction,
      postRequest(`/pairs/${pair.id}/concern`, { ...fields, confirmUrgent: 'yes' }, volunteerCookie),
      { id: pair.id },
    );
    expect(confirmed.status).toBe(302);
    const concern = await db.concern.findFirstOrThrow({ where: { pairId: pair.id } });
    expect(concern).toMatchObject({ severity: 'URGENT', meetingId: null });
    await send();
    const [email] = await smtp.waitFor((e) => e.to.includes(coordinator.email) && e.subject.startsWith('HASTER'));
    expect(email?.subject).toBe('HASTER: En frivillig har meldt en bekymring');
    expect(email?.text).not.toContain('skade');
  });

  it('keeps the typed text and says what is missing', async () => {
    const { pair, volunteerCookie } = await setup();
    const response = await call(concernAction, postRequest(`/pairs/${pair.id}/concern`, { text: '   ' }, volunteerCookie), { id: pair.id });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Reply).result.error?.text).toEqual(['form.required']);
    expect(await db.concern.count({ where: { pairId: pair.id } })).toBe(0);
  });

  it("answers 404 for another volunteer's pair and writes nothing; a coordinator may raise one", async () => {
    const { pair, coordinatorCookie } = await setup();
    const cookie = await strangerCookie();
    expect((await call(concernLoader, getRequest(`/pairs/${pair.id}/concern`, cookie), { id: pair.id })).status).toBe(404);
    const stranger = await call(concernAction, postRequest(`/pairs/${pair.id}/concern`, { text: 'Ikke mitt par' }, cookie), {
      id: pair.id,
    });
    expect(stranger.status).toBe(404);
    expect(await db.concern.count({ where: { pairId: pair.id } })).toBe(0);
    const missing = await call(concernAction, postRequest('/pairs/no-such-pair/concern', { text: 'Finnes ikke' }, coordinatorCookie), {
      id: 'no-such-pair',
    });
    expect(missing.status).toBe(404);
    const byCoordinator = await call(
      concernAction,
      postRequest(`/pairs/${pair.id}/concern`, { text: 'Ringte fra NAV om husleie' }, coordinatorCookie),
      { id: pair.id },
    );
    expect(byCoordinator.status).toBe(302);
    expect(await db.concern.count({ where: { pairId: pair.id } })).toBe(1);
  });
});

describe('a concern in the meeting log', () => {
  it('when urgent, asks for the confirmation under the emergency numbers before anything is logged', async () => {
    const { past, volunteerCookie } = await setup();
    const fields = {
      intent: 'log',
      outcome: 'HELD',
      durationMinutes: '60',
      rating: '2',
      concern: 'Truet av en tidligere venn.',
      concernUrgent: 'on',
    };
    const first = await call(meetingAction, postRequest(`/meetings/${past.id}`, fields, volunteerCookie), { id: past.id });
    expect(first.status).toBe(200);
    expect(((await first.json()) as Reply).emergencyNumbers?.map((n) => n.number)).toEqual(['112', '113', '110']);
    expect(await db.meetingLog.count({ where: { meetingId: past.id } })).toBe(0);
    expect(await db.concern.count({ where: { meetingId: past.id } })).toBe(0);
    const confirmed = await call(meetingAction, postRequest(`/meetings/${past.id}`, { ...fields, confirmUrgent: 'yes' }, volunteerCookie), {
      id: past.id,
    });
    expect(confirmed.status).toBe(302);
    expect(await db.concern.findFirstOrThrow({ where: { meetingId: past.id } })).toMatchObject({ severity: 'URGENT' });
  });
});

describe('the contact details on the pair page', () => {
  it('shows the participant’s phone and email to the volunteer only under consent, and audits the view', async () => {
    const { pair, participant, volunteerCookie } = await setup({ shareContact: true });
    const body = (await (await call(pairLoader, getRequest(`/pairs/${pair.id}`, volunteerCookie), { id: pair.id })).json()) as {
      contact: unknown;
    };
    expect(body.contact).toEqual({ shared: true, phone: '+47 400 00 001', email: 'solvi@example.no' });
    const views = await db.auditEvent.findMany({ where: { action: 'VIEW', entityType: 'PARTICIPANT', entityId: participant.id } });
    expect(views.map((view) => view.detail)).toEqual([{ contactDetails: true, pairId: pair.id }]);
  });

  it('without consent (or once it is withdrawn) names the coordinator who arranges contact instead', async () => {
    const { pair, participant, coordinator, volunteerCookie } = await setup({ shareContact: false });
    const body = (await (await call(pairLoader, getRequest(`/pairs/${pair.id}`, volunteerCookie), { id: pair.id })).json()) as {
      contact: unknown;
    };
    expect(JSON.stringify(body)).not.toContain('400 00 001');
    expect(JSON.stringify(body)).not.toContain('solvi@example.no');
    expect(body.contact).toEqual({
      shared: false,
      coordinator: { name: 'Kari Koordinator', email: coordinator.email, phone: '+47 912 34 567' },
    });
    expect(await db.auditEvent.count({ where: { action: 'VIEW', entityType: 'PARTICIPANT', entityId: participant.id } })).toBe(0);

    // A consent that shared contact details but was withdrawn shares nothing.
    const shared = await setup({ shareContact: true });
    await db.consent.updateMany({ where: { participantId: shared.participant.id }, data: { withdrawnAt: NOW } });
    const after = (await (
      await call(pairLoader, getRequest(`/pairs/${shared.pair.id}`, shared.volunteerCookie), { id: shared.pair.id })
    ).json()) as {
      contact: { shared: boolean };
    };
    expect(after.contact.shared).toBe(false);
  });
});

describe('the meeting page on a phone', () => {
  it('refuses to log a meeting that has not started, with a message, and logs nothing', async () => {
    const { future, volunteerCookie } = await setup();
    for (const outcome of ['HELD', 'CANCELLED_BY_PARTICIPANT']) {
      const response = await call(
        meetingAction,
        postRequest(`/meetings/${future.id}`, { intent: 'log', outcome, durationMinutes: '60', rating: '4' }, volunteerCookie),
        { id: future.id },
      );
      expect(response.status).toBe(400);
      expect(((await response.json()) as Reply).result.error?.['']).toEqual(['meetings.log.notYet']);
    }
    expect(await db.meetingLog.count({ where: { meetingId: future.id } })).toBe(0);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: future.id } })).status).toBe('PLANNED');
  });

  it('cancels only after asking who and confirming, and records who cancelled and why', async () => {
    const { future, volunteerCookie } = await setup();
    const path = `/meetings/${future.id}`;
    const noWho = await call(meetingAction, postRequest(path, { intent: 'cancel', confirm: 'yes' }, volunteerCookie), { id: future.id });
    expect(noWho.status).toBe(400);
    expect(((await noWho.json()) as Reply).result.error?.cancelledBy).toEqual(['meetings.cancel.whoRequired']);

    const fields = { intent: 'cancel', cancelledBy: 'PARTICIPANT', reason: 'Sølvi har time hos NAV.' };
    const asked = await call(meetingAction, postRequest(path, fields, volunteerCookie), { id: future.id });
    expect(asked.status).toBe(200);
    expect(((await asked.json()) as Reply).confirm).toBe(true);
    expect(await db.meeting.findUniqueOrThrow({ where: { id: future.id } })).toMatchObject({
      status: 'PLANNED',
      sequence: 0,
      cancelReason: null,
    });

    const cancelled = await call(meetingAction, postRequest(path, { ...fields, confirm: 'yes' }, volunteerCookie), { id: future.id });
    expect(cancelled.status).toBe(302);
    expect(await db.meeting.findUniqueOrThrow({ where: { id: future.id } })).toMatchObject({
      status: 'CANCELLED_BY_PARTICIPANT',
      cancelReason: 'Sølvi har time hos NAV.',
      sequence: 1,
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: 'UPDATE', entityType: 'PAIR', entityId: future.pairId },
      orderBy: { createdAt: 'desc' },
    });
    expect(audit.detail).toMatchObject({ meetingId: future.id, cancelled: true, cancelledBy: 'PARTICIPANT' });
    const page = (await (await call(meetingLoader, getRequest(path, volunteerCookie), { id: future.id })).json()) as {
      meeting: { cancelReason: string | null };
    };
    expect(page.meeting.cancelReason).toBe('Sølvi har time hos NAV.');
  });

  it('gives another volunteer 404 when cancelling and the coordinator 403', async () => {
    const { future, coordinatorCookie } = await setup();
    const fields = { intent: 'cancel', cancelledBy: 'VOLUNTEER', confirm: 'yes' };
    const cookie = await strangerCookie();
    expect((await call(meetingAction, postRequest(`/meetings/${future.id}`, fields, cookie), { id: future.id })).status).toBe(404);
    expect((await call(meetingAction, postRequest(`/meetings/${future.id}`, fields, coordinatorCookie), { id: future.id })).status).toBe(
      403,
    );
    expect((await db.meeting.findUniqueOrThrow({ where: { id: future.id } })).status).toBe('PLANNED');
  });
});
