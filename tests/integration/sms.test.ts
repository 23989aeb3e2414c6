import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { SmppGateway } from '~/domain/sms/smpp-gateway.server';
import { osloInstant } from '~/lib/time';
import { planSms } from '~/domain/sms/encoding';
import { receiveIncoming } from '~/domain/meetings/text-replies.server';
import { enqueueParticipantText } from '~/domain/sms/outbox.server';
import { queueMeetingTextReminders } from '~/domain/meetings/text-reminders.server';
import { sendDueTexts } from '~/domain/sms/sender.server';
import { OPT_OUT_CONFIRMATION } from '~/domain/sms/texts';
import { reminderText } from '~/domain/meetings/participant-texts';
import { setSetting } from '~/domain/settings/settings.server';
import { anonymiseParticipant } from '~/domain/privacy/retention.server';
import { createMeeting, createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { present } from '../support/present';
import { TestSmppServer } from '../support/smpp-server';
import { resetDatabase } from '../support/reset';

const PHONE = '+4791234567';
const smsc = new TestSmppServer();
let gateway: SmppGateway;

function connect() {
  gateway = new SmppGateway({
    url: smsc.url,
    onDeliver: (incoming) => receiveIncoming(db, incoming),
    minBackoffMs: 20,
    maxBackoffMs: 100,
    enquireLinkMs: 200,
  }).start();
  return gateway.waitUntilBound();
}

beforeAll(async () => {
  await smsc.start();
  await connect();
});
afterAll(async () => {
  await gateway.close();
  await smsc.stop();
});
beforeEach(async () => {
  await resetDatabase();
  smsc.submitted.length = 0;
});
afterEach(() => resetClock());

/** Wednesday 2 December 2026, 17:30 in Oslo. */
const WEDNESDAY_1730 = '2026-12-02T16:30:00Z';

async function world(options: { inPrison?: boolean; sms?: boolean } = {}) {
  const coordinator = await createUser(db, { role: 'COORDINATOR' });
  const volunteerUser = await createUser(db, { role: 'VOLUNTEER' });
  const volunteer = await createVolunteer(db, { userId: volunteerUser.id, status: 'ACTIVE' as never });
  const participant = await createParticipant(db, {
    referrerId: coordinator.id,
    phone: PHONE,
    status: 'MATCHED',
    expectedReleaseDate: options.inPrison ? '2027-02-01' : '2026-11-01',
    consent: { sms: options.sms ?? true, volunteerMayText: true },
  });
  const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, startDate: '2026-11-02' });
  // Thursday 3 December, 18:00 Oslo.
  const meeting = await createMeeting(db, {
    pairId: pair.id,
    startsAt: osloInstant('2026-12-03', '18:00'),
    placeType: 'CAFE',
    place: 'Kafé Sentrum',
  });
  return { coordinator, volunteerUser, participant, pair, meeting };
}

function send(owner = 'sms-test') {
  return sendDueTexts(db, gateway, { owner, sender: 'Brobygger' });
}

describe('texts over SMPP', () => {
  it('submits the day-before reminder with its text, UCS-2 for æøå, and the segments it records', async () => {
    setClock(WEDNESDAY_1730);
    const { meeting } = await world();
    expect(await queueMeetingTextReminders(db)).toBe(1);
    expect(await send()).toMatchObject({ sent: 1 });
    const row = await db.smsMessage.findFirstOrThrow({ where: { meetingId: meeting.id } });
    const expected = reminderText('DAY_BEFORE', { startsAt: meeting.startsAt, placeType: 'CAFE', place: 'Kafé Sentrum' });
    expect(expected).toContain('i morgen');
    expect(expected).toContain('Kafé Sentrum');
    expect(expected).toContain('18:00');
    expect(row).toMatchObject({ body: expected, encoding: 'UCS2', segments: planSms(expected).segments, status: 'SENT', phone: PHONE });
    expect(row.segments).toBeGreaterThan(1);
    const parts = await smsc.waitFor(() => true, row.segments);
    expect(parts.every((part) => part.dataCoding === 8 && part.to === '4791234567' && part.from === 'Brobygger')).toBe(true);
    expect(parts.map((part) => part.part?.[2])).toEqual([...Array(row.segments).keys()].map((i) => i + 1));
    expect(parts.map((part) => part.text).join('')).toBe(expected);
    // A rerun of the job queues nothing twice.
    expect(await queueMeetingTextReminders(db)).toBe(0);
  });

  it('sends plain text as GSM-7 in one SMS', async () => {
    setClock(WEDNESDAY_1730);
    const { participant } = await world();
    await db.$transaction((tx) =>
      enqueueParticipantText(tx, {
        participantId: participant.id,
        kind: 'VOLUNTEER_MESSAGE',
        body: 'Hei! Ses kl. 18.',
        idempotencyKey: 'gsm',
      }),
    );
    await send();
    const [part] = await smsc.waitFor();
    expect(part).toMatchObject({ dataCoding: 0, text: 'Hei! Ses kl. 18.', part: null });
    expect(await db.smsMessage.findFirstOrThrow({ where: { idempotencyKey: 'gsm' } })).toMatchObject({ encoding: 'GSM7', segments: 1 });
  });

  it('marks the meeting confirmed on a JA reply and tells the volunteer', async () => {
    setClock(WEDNESDAY_1730);
    const { meeting, volunteerUser } = await world();
    await queueMeetingTextReminders(db);
    await send();
    expect(await smsc.reply(PHONE, 'Ja')).toBe(0);
    const answered = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(answered).toMatchObject({ participantAnswer: 'CONFIRMED', participantAnswerVia: 'SMS' });
    const email = await db.outboxEmail.findFirstOrThrow({ where: { userId: volunteerUser.id, template: 'meeting-participant-answer' } });
    expect(email.data).toMatchObject({ meetingId: meeting.id, answer: 'CONFIRMED' });
    expect(await db.smsMessage.findFirstOrThrow({ where: { direction: 'IN' } })).toMatchObject({
      kind: 'ANSWER',
      status: 'RECEIVED',
      meetingId: meeting.id,
    });
  });

  it("marks the participant can't come on NEI, and puts anything else in the coordinators' inbox with its pair", async () => {
    setClock(WEDNESDAY_1730);
    const { meeting, pair } = await world();
    await queueMeetingTextReminders(db);
    await send();
    await smsc.reply(PHONE, '2');
    expect(await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({ participantAnswer: 'CANT_COME' });
    await smsc.reply(PHONE, 'Kan vi ta fredag i stedet?');
    expect(await db.smsMessage.findFirstOrThrow({ where: { direction: 'IN', kind: 'UNRECOGNISED' } })).toMatchObject({
      status: 'NEEDS_ATTENTION',
      pairId: pair.id,
    });
  });

  it('stores a redelivered text once: by the SMSC id it carries, else the same words from the same number within 10 minutes', async () => {
    setClock(WEDNESDAY_1730);
    const { meeting } = await world();
    await queueMeetingTextReminders(db);
    await send();
    const inbound = () => db.smsMessage.findMany({ where: { direction: 'IN' }, orderBy: { sentAt: 'asc' } });
    // The same deliver_sm twice at once (the SMSC resends when its first got no answer) and once more after.
    expect(
      await Promise.all([
        smsc.reply(PHONE, 'Ja', { receipted_message_id: 'mo-1' }),
        smsc.reply(PHONE, 'Ja', { receipted_message_id: 'mo-1' }),
      ]),
    ).toEqual([0, 0]);
    expect(await smsc.reply(PHONE, 'Ja', { receipted_message_id: 'mo-1' })).toBe(0);
    expect(await inbound()).toMatchObject([{ kind: 'ANSWER', meetingId: meeting.id, inboundKey: 'mo-1' }]);
    const emails = await db.outboxEmail.count();
    expect(await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({ participantAnswer: 'CONFIRMED' });

    // Another text with its own id is a new text, even with the same words.
    await smsc.reply(PHONE, 'Ja', { receipted_message_id: 'mo-2' });
    expect((await inbound()).map((row) => row.inboundKey)).toEqual(['mo-1', 'mo-2']);

    // Without an id: the same words from the same number within 10 minutes are the same text.
    await Promise.all([smsc.reply(PHONE, 'Kan vi ta fredag i stedet?'), smsc.reply(PHONE, 'Kan vi ta fredag i stedet?')]);
    setClock(new Date(Date.parse(WEDNESDAY_1730) + 9 * 60_000));
    await smsc.reply(PHONE, 'Kan vi ta fredag i stedet?');
    expect((await inbound()).filter((row) => row.body === 'Kan vi ta fredag i stedet?')).toHaveLength(1);
    // … and after that they are a new text.
    setClock(new Date(Date.parse(WEDNESDAY_1730) + 20 * 60_000));
    await smsc.reply(PHONE, 'Kan vi ta fredag i stedet?');
    expect((await inbound()).filter((row) => row.body === 'Kan vi ta fredag i stedet?')).toHaveLength(2);
    expect(await db.outboxEmail.count()).toBe(emails);
  });

  it('opts out at once on STOP, confirms with one text, and sends nothing more', async () => {
    setClock(WEDNESDAY_1730);
    const { participant, meeting } = await world();
    await db.$transaction((tx) =>
      enqueueParticipantText(tx, {
        participantId: participant.id,
        kind: 'VOLUNTEER_MESSAGE',
        body: 'Hei!',
        idempotencyKey: 'later',
        notBefore: new Date('2026-12-02T18:00:00Z'),
      }),
    );
    expect(await smsc.reply(PHONE, 'stopp')).toBe(0);
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).smsOptedOutAt).not.toBeNull();
    expect(await db.smsMessage.findFirstOrThrow({ where: { idempotencyKey: 'later' } })).toMatchObject({ status: 'CANCELLED' });
    await send();
    const [confirmation] = await smsc.waitFor();
    expect(present(confirmation, 'the opt-out confirmation').text).toBe(OPT_OUT_CONFIRMATION);
    // Nothing more: no reminder, no message, not even later in the evening.
    expect(await queueMeetingTextReminders(db)).toBe(0);
    const refused = await db.$transaction((tx) =>
      enqueueParticipantText(tx, { participantId: participant.id, kind: 'VOLUNTEER_MESSAGE', body: 'Hei?', idempotencyKey: 'after' }),
    );
    expect(refused).toEqual({ queued: false, reason: 'OPTED_OUT' });
    setClock('2026-12-02T19:00:00Z');
    await send();
    expect(smsc.submitted).toHaveLength(1);
    expect(await db.smsMessage.count({ where: { meetingId: meeting.id } })).toBe(0);
    // START opts in again, confirmed by one text.
    await smsc.reply(PHONE, 'START');
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).smsOptedOutAt).toBeNull();
    await send();
    await smsc.waitFor(() => true, 2);
  });

  it('holds a text due at 22:00 until 08:00 the next morning', async () => {
    setClock('2026-12-02T21:00:00Z'); // 22:00 Oslo
    const { participant } = await world();
    const queued = await db.$transaction((tx) =>
      enqueueParticipantText(tx, {
        participantId: participant.id,
        kind: 'VOLUNTEER_MESSAGE',
        body: 'God morgen!',
        idempotencyKey: 'night',
      }),
    );
    expect(queued).toMatchObject({ queued: true, sendAt: new Date('2026-12-03T07:00:00Z') });
    await send();
    setClock('2026-12-03T06:59:00Z'); // 07:59 Oslo
    expect(await send()).toMatchObject({ sent: 0 });
    expect(smsc.submitted).toHaveLength(0);
    setClock('2026-12-03T07:00:00Z'); // 08:00 Oslo
    expect(await send()).toMatchObject({ sent: 1 });
    await smsc.waitFor();
  });

  it('loses nothing and sends nothing twice when the gateway is down for 30 minutes', async () => {
    const start = new Date(WEDNESDAY_1730);
    setClock(start);
    const { participant } = await world();
    await db.$transaction(async (tx) => {
      for (const n of [1, 2, 3])
        await enqueueParticipantText(tx, {
          participantId: participant.id,
          kind: 'VOLUNTEER_MESSAGE',
          body: `Melding ${n}`,
          idempotencyKey: `outage-${n}`,
        });
    });
    await smsc.stop();
    for (let minute = 0; minute <= 30; minute += 1) {
      setClock(new Date(start.getTime() + minute * 60_000));
      expect(await send()).toMatchObject({ sent: 0 });
    }
    const waiting = await db.smsMessage.findMany({ where: { direction: 'OUT' } });
    expect(waiting.every((row) => row.status === 'PENDING' && row.attempts > 1 && row.lastError)).toBe(true);
    await smsc.start();
    await gateway.waitUntilBound(5000);
    for (let minute = 31; minute <= 40; minute += 1) {
      setClock(new Date(start.getTime() + minute * 60_000));
      await send();
    }
    await smsc.waitFor(() => true, 3);
    expect(smsc.submitted.map((part) => part.text).sort()).toEqual(['Melding 1', 'Melding 2', 'Melding 3']);
    // A restart: a new session and a new sender find nothing left to send.
    await gateway.close();
    await connect();
    await send('after-restart');
    await db.$transaction((tx) =>
      enqueueParticipantText(tx, {
        participantId: participant.id,
        kind: 'VOLUNTEER_MESSAGE',
        body: 'Melding 1',
        idempotencyKey: 'outage-1',
      }),
    );
    await send('after-restart');
    expect(smsc.submitted).toHaveLength(3);
    expect(await db.smsMessage.count({ where: { status: 'SENT' } })).toBe(3);
  });

  it('stores delivery receipts, for every part of a long text', async () => {
    setClock(WEDNESDAY_1730);
    const { participant } = await world();
    await db.$transaction((tx) =>
      enqueueParticipantText(tx, { participantId: participant.id, kind: 'VOLUNTEER_MESSAGE', body: 'Kort.', idempotencyKey: 'short' }),
    );
    await db.$transaction((tx) =>
      enqueueParticipantText(tx, {
        participantId: participant.id,
        kind: 'VOLUNTEER_MESSAGE',
        body: 'Lang '.repeat(50),
        idempotencyKey: 'long',
      }),
    );
    await send();
    const parts = await smsc.waitFor(() => true, 3);
    expect(await smsc.receipt(present(parts[0], 'the short text').messageId, 'DELIVRD')).toBe(0);
    expect(await smsc.receipt(present(parts[2], "the long text's last part").messageId, 'UNDELIV')).toBe(0);
    expect(await db.smsMessage.findFirstOrThrow({ where: { idempotencyKey: 'short' } })).toMatchObject({
      status: 'DELIVERED',
      receiptStatus: 'DELIVRD',
    });
    expect(await db.smsMessage.findFirstOrThrow({ where: { idempotencyKey: 'long' } })).toMatchObject({
      status: 'UNDELIVERED',
      receiptStatus: 'UNDELIV',
    });
  });
});

describe('the rules before a text is queued', () => {
  it('texts nobody in prison unless the setting allows it, and nobody without consent', async () => {
    setClock(WEDNESDAY_1730);
    const { participant } = await world({ inPrison: true });
    const text = { participantId: participant.id, kind: 'VOLUNTEER_MESSAGE' as const, body: 'Hei', idempotencyKey: 'prison' };
    expect(await db.$transaction((tx) => enqueueParticipantText(tx, text))).toEqual({ queued: false, reason: 'IN_PRISON' });
    await setSetting(db, 'smsIntoPrison', true);
    expect(await db.$transaction((tx) => enqueueParticipantText(tx, text))).toMatchObject({ queued: true });
    await db.consent.updateMany({ data: { smsAllowed: false } });
    expect(await db.$transaction((tx) => enqueueParticipantText(tx, { ...text, idempotencyKey: 'no-consent' }))).toEqual({
      queued: false,
      reason: 'NO_CONSENT',
    });
  });

  it('judges "in prison" by the release date in force, not the expected date', async () => {
    setClock(WEDNESDAY_1730);
    // Expected in February, released early on 1 December: out, so texts may go.
    const { participant } = await world({ inPrison: true });
    await db.participant.update({ where: { id: participant.id }, data: { actualReleaseDate: '2026-12-01' } });
    const text = { participantId: participant.id, kind: 'VOLUNTEER_MESSAGE' as const, body: 'Hei', idempotencyKey: 'released-early' };
    expect(await db.$transaction((tx) => enqueueParticipantText(tx, text))).toMatchObject({ queued: true });
    // Before the actual release day the participant is still inside: refused.
    await db.participant.update({ where: { id: participant.id }, data: { actualReleaseDate: '2026-12-03' } });
    expect(await db.$transaction((tx) => enqueueParticipantText(tx, { ...text, idempotencyKey: 'before-release' }))).toEqual({
      queued: false,
      reason: 'IN_PRISON',
    });
  });

  it('sends at most the daily limit per participant', async () => {
    setClock(WEDNESDAY_1730);
    const { participant } = await world();
    await setSetting(db, 'smsMaxPerParticipantPerDay', 2);
    const results = [];
    for (const n of [1, 2, 3]) {
      results.push(
        await db.$transaction((tx) =>
          enqueueParticipantText(tx, {
            participantId: participant.id,
            kind: 'VOLUNTEER_MESSAGE',
            body: `Hei ${n}`,
            idempotencyKey: `limit-${n}`,
          }),
        ),
      );
    }
    expect(results.map((result) => result.queued)).toEqual([true, true, false]);
    expect(results[2]).toEqual({ queued: false, reason: 'DAILY_LIMIT' });
  });

  it('removes the texts when the participant is anonymised, like the meeting notes', async () => {
    setClock(WEDNESDAY_1730);
    const { participant, meeting } = await world();
    await queueMeetingTextReminders(db);
    await send();
    await smsc.reply(PHONE, 'Hva?');
    expect(await db.smsMessage.count()).toBe(2);
    await db.$transaction((tx) => anonymiseParticipant(tx, participant.id, new Date()));
    expect(await db.smsMessage.count()).toBe(0);
    expect(await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({ place: null });
  });

  it('does not remind of prison visits', async () => {
    setClock(WEDNESDAY_1730);
    const { meeting } = await world();
    await db.meeting.update({ where: { id: meeting.id }, data: { placeType: 'PRISON_VISIT' } });
    expect(await queueMeetingTextReminders(db)).toBe(0);
  });
});
