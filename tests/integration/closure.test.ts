import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClosureSummary } from '~/domain/pairs/closure';
import { resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { smtpTransport } from '~/lib/email-transport.server';
import { sendDueEmails } from '~/lib/outbox-sender.server';
import { addDays, todayInOslo } from '~/lib/time';
import * as closeRoute from '~/routes/pairs.$id_.close';
import * as pairRoute from '~/routes/pairs.$id';
import { createMeeting, createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { renderRoute } from '../support/render-route';
import { call, getRequest, jsonOf, postRequest, sessionCookieFor } from '../support/requests';
import { useSmtpServer } from '../support/smtp-server';

const smtp = useSmtpServer();
const NOW = new Date('2026-11-20T10:00:00Z');
const DAY = 86_400_000;

beforeEach(() => setClock(NOW));
afterEach(() => resetClock());

async function setup() {
  const today = todayInOslo();
  const coordinator = await createUser(db, { role: 'COORDINATOR' });
  const officer = await createUser(db, {
    role: 'PROBATION_OFFICER',
    name: 'Per Hansen',
    organisation: 'Friomsorgen Trondheim',
    language: 'nb',
  });
  const volunteerUser = await createUser(db, { role: 'VOLUNTEER', name: 'Marte Frivoll', language: 'en' });
  const volunteer = await createVolunteer(db, { userId: volunteerUser.id, status: 'READY', firstName: 'Marte', lastName: 'Frivoll' });
  const participant = await createParticipant(db, {
    referrerId: officer.id,
    firstName: 'Øystein',
    lastName: 'Særnavn',
    status: 'MATCHED',
    expectedReleaseDate: addDays(today, -30),
  });
  const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, startDate: addDays(today, -90) });
  const held = await createMeeting(db, { pairId: pair.id, startsAt: new Date(NOW.getTime() - 7 * DAY), log: { outcome: 'HELD' } });
  const unlogged = await createMeeting(db, { pairId: pair.id, startsAt: new Date(NOW.getTime() - 2 * 3600_000) });
  const planned = [
    await createMeeting(db, { pairId: pair.id, startsAt: new Date(NOW.getTime() + 3 * DAY) }),
    await createMeeting(db, { pairId: pair.id, startsAt: new Date(NOW.getTime() + 10 * DAY) }),
  ];
  const cookie = await sessionCookieFor(coordinator.id);
  const close = (fields: Record<string, string>) =>
    call(closeRoute.action, postRequest(`/pairs/${pair.id}/close`, fields, cookie), { id: pair.id });
  return { today, coordinator, officer, volunteerUser, volunteer, participant, pair, held, unlogged, planned, cookie, close };
}

type FormReply = { stage: string; result: { error: Record<string, string[] | null>; initialValue: Record<string, string> } };
type ConfirmReply = { stage: 'confirm'; values: Record<string, string>; summary: ClosureSummary };

async function writes(pairId: string) {
  return {
    pair: await db.pair.findUniqueOrThrow({
      where: { id: pairId },
      select: { status: true, endReason: true, endDate: true, endType: true },
    }),
    cancelled: await db.meeting.count({ where: { pairId, status: 'CANCELLED' } }),
    pairUpdates: await db.auditEvent.count({ where: { entityId: pairId, action: 'UPDATE' } }),
    emails: await db.outboxEmail.count({ where: { idempotencyKey: { contains: pairId } } }),
  };
}

function send() {
  return sendDueEmails(db, smtpTransport(smtp.url, 'Brobygger <noreply@brobygger.example>'), {
    owner: 'closure-test',
    publicUrl: 'http://localhost:3000',
    now: () => new Date(),
  });
}

describe('ending a pair', () => {
  it('saves nothing when nothing is chosen, and answers 400 with a message next to each field', async () => {
    const { pair, close } = await setup();
    const before = await writes(pair.id);
    const response = await close({ intent: 'review', contactAfterClosure: 'Kaffe om en måned' });
    expect(response.status).toBe(400);
    const reply = await jsonOf<FormReply>(response);
    expect(reply.result.error).toMatchObject({
      endType: ['closure.chooseType'],
      endReason: ['closure.chooseReason'],
      endDate: ['closure.endDateRequired'],
      closureTalk: ['closure.chooseTalk'],
    });
    expect(reply.result.initialValue.contactAfterClosure).toBe('Kaffe om en måned');
    // A confirm with nothing chosen is refused the same way.
    expect((await close({ intent: 'confirm' })).status).toBe(400);
    expect(await writes(pair.id)).toEqual(before);
    expect(before.pair.status).toBe('ACTIVE');
  });

  it('refuses an end date in the future and a conversation held without its date', async () => {
    const { pair, today, close } = await setup();
    const response = await close({
      intent: 'confirm',
      endType: 'PLANNED',
      endReason: 'PLAN_COMPLETED',
      endDate: addDays(today, 1),
      closureTalk: 'HELD',
    });
    expect(response.status).toBe(400);
    expect((await jsonOf<FormReply>(response)).result.error).toMatchObject({
      endDate: ['closure.endDateFuture'],
      closureTalkDate: ['closure.talkDateRequired'],
    });
    expect((await db.pair.findUniqueOrThrow({ where: { id: pair.id } })).status).toBe('ACTIVE');
  });

  it('shows the confirmation first without writing, then ends the pair, cancels the planned meetings and tells both sides', async () => {
    const { pair, participant, officer, volunteerUser, planned, held, unlogged, today, close } = await setup();
    const fields = {
      endType: 'UNPLANNED',
      endReason: 'PARTICIPANT_WITHDREW',
      endDate: today,
      closureTalk: 'NOT_HELD',
      closureTalkNotHeldReason: 'Deltakeren ønsket ikke en avslutningssamtale.',
      endNote: 'Flyttet til Bergen',
    };
    const before = await writes(pair.id);
    const review = await close({ intent: 'review', ...fields });
    expect(review.status).toBe(200);
    const confirmation = await jsonOf<ConfirmReply>(review);
    expect(confirmation.stage).toBe('confirm');
    expect(confirmation.summary).toEqual({
      participant: { from: 'MATCHED', to: 'WITHDRAWN', changes: true },
      cancelledMeetings: 2,
      recipients: [
        { role: 'VOLUNTEER', name: 'Marte Frivoll', organisation: null },
        { role: 'PROBATION_OFFICER', name: 'Per Hansen', organisation: 'Friomsorgen Trondheim' },
      ],
    });
    expect(confirmation.values).toMatchObject(fields);
    expect(await writes(pair.id)).toEqual(before);
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).status).toBe('MATCHED');

    // Back to edit keeps the values and writes nothing.
    const edit = await close({ intent: 'edit', ...confirmation.values });
    expect(edit.status).toBe(200);
    expect(await jsonOf(edit)).toMatchObject({ stage: 'form', values: fields });

    const confirmed = await close({ intent: 'confirm', ...confirmation.values });
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get('location')).toBe(`/pairs/${pair.id}`);
    expect(await db.pair.findUniqueOrThrow({ where: { id: pair.id } })).toMatchObject({
      status: 'ENDED',
      endType: 'UNPLANNED',
      endReason: 'PARTICIPANT_WITHDREW',
      endDate: today,
      closureTalkDate: null,
      closureTalkNotHeldReason: 'Deltakeren ønsket ikke en avslutningssamtale.',
      endNote: 'Flyttet til Bergen',
      endedAt: NOW,
    });
    for (const meeting of planned)
      expect(await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: held.id } })).status).toBe('HELD');
    expect((await db.meeting.findUniqueOrThrow({ where: { id: unlogged.id } })).status).toBe('PLANNED');
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).status).toBe('WITHDRAWN');
    const change = await db.participantStatusChange.findFirstOrThrow({ where: { participantId: participant.id, toStatus: 'WITHDRAWN' } });
    expect(change.reason).toBe('Paret ble avsluttet: Deltakeren trakk seg');
    const auditRows = await db.auditEvent.findMany({ where: { participantId: participant.id, action: 'UPDATE' } });
    expect(auditRows.map((row) => row.entityType).sort()).toEqual(['PAIR', 'PARTICIPANT']);
    expect(auditRows.find((row) => row.entityType === 'PAIR')!.detail).toMatchObject({
      ended: 'PARTICIPANT_WITHDREW',
      cancelledMeetings: 2,
    });

    // Both notices go through the outbox and reach the SMTP server, each in its recipient's language.
    expect(
      await db.outboxEmail.count({
        where: { template: { in: ['pair-ended-volunteer', 'pair-ended-referrer'] }, idempotencyKey: { contains: pair.id } },
      }),
    ).toBe(2);
    expect(await send()).toMatchObject({ sent: 2 });
    const [toVolunteer] = await smtp.waitFor((email) => email.to.includes(volunteerUser.email));
    const [toOfficer] = await smtp.waitFor((email) => email.to.includes(officer.email));
    expect(toVolunteer?.subject).toBe('Your mentoring pair in Brobygger has ended');
    expect(toVolunteer?.text).toContain(`http://localhost:3000/pairs/${pair.id}`);
    expect(toVolunteer?.text).toContain('from 20 Nov 2026.');
    expect(toOfficer?.subject).toBe('Et par i Brobygger er avsluttet');
    const referral = await db.referral.findFirstOrThrow({ where: { participantId: participant.id } });
    expect(toOfficer?.text).toContain(`http://localhost:3000/referrals/${referral.id}`);
    for (const email of [toVolunteer, toOfficer]) {
      for (const secret of ['Særnavn', 'Øystein', 'trakk seg', 'withdrew', 'Bergen', 'avslutningssamtale', today]) {
        expect(email?.text).not.toContain(secret);
        expect(email?.html).not.toContain(secret);
      }
    }
  });

  it('writes once when the confirmation is sent twice (stale tab or double click)', async () => {
    const { pair, today, close } = await setup();
    const fields = {
      intent: 'confirm',
      endType: 'PLANNED',
      endReason: 'PLAN_COMPLETED',
      endDate: today,
      closureTalk: 'HELD',
      closureTalkDate: addDays(today, -1),
    };
    expect((await close(fields)).status).toBe(302);
    const after = await writes(pair.id);
    const again = await close({ ...fields, endReason: 'OTHER' });
    expect(again.status).toBe(409);
    expect(await jsonOf(again)).toEqual({ stage: 'alreadyEnded' });
    expect(await writes(pair.id)).toEqual(after);
    expect(after).toMatchObject({ pair: { status: 'ENDED', endReason: 'PLAN_COMPLETED' }, cancelled: 2, emails: 2 });
    // A first submit on an ended pair is refused as well.
    expect((await close({ ...fields, intent: 'review' })).status).toBe(409);
  });

  // The rule "stay MATCHED while another pair is active" is unit-tested in closure.test.ts beside
  // the code; the state cannot arise any more: the database holds one running pair per
  // participant (Pair_one_active_per_participant, migration 20261203020000_one_open_pair).
  it('never meets a second active pair of the participant: the database refuses one', async () => {
    const { participant, today } = await setup();
    const other = await createVolunteer(db, { status: 'READY' });
    await expect(
      createPair(db, { participantId: participant.id, volunteerId: other.id, startDate: addDays(today, -10) }),
    ).rejects.toMatchObject({
      code: 'P2002',
    });
  });

  it('is for coordinators, and a stranger id is 404', async () => {
    const { pair, volunteerUser } = await setup();
    const volunteerCookie = await sessionCookieFor(volunteerUser.id);
    expect(
      (await call(closeRoute.action, postRequest(`/pairs/${pair.id}/close`, { intent: 'confirm' }, volunteerCookie), { id: pair.id }))
        .status,
    ).toBe(403);
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    const response = await call(
      closeRoute.action,
      postRequest('/pairs/nope/close', { intent: 'confirm' }, await sessionCookieFor(coordinator.id)),
      { id: 'nope' },
    );
    expect(response.status).toBe(404);
  });
});

describe('correcting the closure details of an ended pair', () => {
  it('changes what was recorded, audits before and after, and never reopens the pair', async () => {
    const { pair, participant, today, close, cookie } = await setup();
    expect(
      (
        await close({
          intent: 'correct',
          endType: 'PLANNED',
          endReason: 'OTHER',
          endDate: today,
          closureTalk: 'HELD',
          closureTalkDate: today,
        })
      ).status,
    ).toBe(409);
    const started = addDays(today, -90);
    await close({
      intent: 'confirm',
      endType: 'PLANNED',
      endReason: 'PLAN_COMPLETED',
      endDate: today,
      closureTalk: 'HELD',
      closureTalkDate: today,
    });
    await db.outboxEmail.deleteMany();

    const invalid = await close({
      intent: 'correct',
      endType: 'PLANNED',
      endReason: 'OTHER',
      endDate: addDays(started, -1),
      closureTalk: 'NOT_HELD',
    });
    expect(invalid.status).toBe(400);
    expect((await jsonOf<FormReply>(invalid)).result.error).toMatchObject({
      endDate: ['meetings.close.endBeforeStart'],
      closureTalkNotHeldReason: ['closure.notHeldReasonRequired'],
    });

    const corrected = await close({
      intent: 'correct',
      endType: 'UNPLANNED',
      endReason: 'VOLUNTEER_LEFT',
      endDate: addDays(today, -3),
      closureTalk: 'NOT_HELD',
      closureTalkNotHeldReason: 'Samtalen ble avlyst.',
    });
    expect(corrected.status).toBe(302);
    expect(await db.pair.findUniqueOrThrow({ where: { id: pair.id } })).toMatchObject({
      status: 'ENDED',
      endType: 'UNPLANNED',
      endReason: 'VOLUNTEER_LEFT',
      endDate: addDays(today, -3),
      closureTalkDate: null,
      closureTalkNotHeldReason: 'Samtalen ble avlyst.',
    });
    const rows = await db.auditEvent.findMany({ where: { entityId: pair.id, action: 'UPDATE' } });
    const corrections = rows.filter((row) => (row.detail as { closureCorrected?: boolean }).closureCorrected);
    expect(corrections).toHaveLength(1);
    expect(corrections[0]?.detail).toMatchObject({
      before: { endType: 'PLANNED', endReason: 'PLAN_COMPLETED', endDate: today, closureTalk: 'HELD', closureTalkDate: today },
      after: {
        endType: 'UNPLANNED',
        endReason: 'VOLUNTEER_LEFT',
        endDate: addDays(today, -3),
        closureTalk: 'NOT_HELD',
        closureTalkDate: null,
      },
    });
    // Nobody is told again, and the participant's status stays what the ending made it.
    expect(await db.outboxEmail.count({ where: { idempotencyKey: { contains: pair.id } } })).toBe(0);
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).status).toBe('COMPLETED');

    // The pair page shows the reason and type as words, with the way to correct it.
    const { html } = await renderRoute(getRequest(`/pairs/${pair.id}`, cookie), pairRoute as never, 'pairs/:id');
    expect(html).toContain('Den frivillige sluttet');
    expect(html).toContain('Ikke planlagt');
    expect(html).toContain('Ikke holdt: Samtalen ble avlyst.');
    expect(html).toContain('Rett avslutningsdetaljene');
    expect(html).not.toMatch(/VOLUNTEER_LEFT|UNPLANNED/);
    const english = await renderRoute(getRequest(`/pairs/${pair.id}`, cookie), pairRoute as never, 'pairs/:id', 'en');
    expect(english.html).toContain('The volunteer left');

    // The close page of an ended pair is the correction, with what was recorded filled in.
    const page = await renderRoute(getRequest(`/pairs/${pair.id}/close`, cookie), closeRoute as never, 'pairs/:id/close');
    expect(page.html).toContain('Lagre rettelsen');
    expect(page.html).not.toContain('Bekreft og avslutt paret');
  });
});

describe('the close form', () => {
  it('has nothing chosen when it opens', async () => {
    const { pair, cookie } = await setup();
    const { status, html } = await renderRoute(getRequest(`/pairs/${pair.id}/close`, cookie), closeRoute as never, 'pairs/:id/close');
    expect(status).toBe(200);
    expect(html).not.toMatch(/checked=""/);
    expect(html).toMatch(/<input[^>]*name="endDate"[^>]*>/);
    expect(html.match(/<input[^>]*name="endDate"[^>]*>/)![0]).not.toContain('value=');
    expect(html).toContain('Gå videre');
  });
});
