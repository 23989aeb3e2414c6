import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendDailyDigests } from '~/domain/notifications/digest.server';
import { bulkMessage } from '~/domain/volunteers/bulk.server';
import { resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { smtpTransport } from '~/lib/email-transport.server';
import { sendDueEmails } from '~/lib/outbox-sender.server';
import { action as pairsBulkAction } from '~/routes/pairs.bulk';
import { action as volunteersBulkAction } from '~/routes/volunteers.bulk';
import { createCourse, createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { call, jsonOf, postRequest, sessionCookieFor } from '../support/requests';
import { withFailingInsert } from '../support/failing-insert';
import { jsonPath } from '../support/json-path';
import { resetDatabase } from '../support/reset';
import { useSmtpServer } from '../support/smtp-server';

const smtp = useSmtpServer();
/** 10:00 on Wednesday 2 December 2026 in Oslo. */
const NOW = new Date('2026-12-02T09:00:00Z');

beforeEach(async () => {
  await resetDatabase();
  setClock(NOW);
});
afterEach(() => resetClock());

function send() {
  return sendDueEmails(db, smtpTransport(smtp.url, 'Brobygger <noreply@brobygger.example>'), {
    owner: 'test',
    publicUrl: 'http://localhost:3000',
    now: () => new Date(Math.max(Date.now(), NOW.getTime())),
  });
}

/** `count` volunteers with accounts; every third wants the daily digest instead of single emails. */
async function volunteers(count: number) {
  const made = [];
  for (let i = 0; i < count; i++) {
    const user = await createUser(db, {
      role: 'VOLUNTEER',
      email: `v${i}@bulk.example`,
      notificationMode: i % 3 === 0 ? 'DIGEST' : 'IMMEDIATE',
      language: i % 2 ? 'en' : 'nb',
    });
    made.push(
      await createVolunteer(db, { userId: user.id, email: user.email, lastName: `Bulk${String(i).padStart(2, '0')}`, status: 'READY' }),
    );
  }
  return made;
}

type Confirm = { step: 'confirm'; ids: string[]; names: string[]; token: string; courseTitle: string };

describe('a bulk message', () => {
  it('reaches 50 volunteers as exactly 50 emails or digest entries, once, with one audit row each', async () => {
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    const cookie = await sessionCookieFor(coordinator.id);
    const selected = await volunteers(50);
    const ids = selected.map((volunteer) => volunteer.id);
    const fields = { bulkAction: 'message', ids, subject: 'Nytt kurs i januar', body: 'Hei!\nKurset starter 12. januar kl. 17.' };

    const review = await call(volunteersBulkAction, postRequest('/volunteers/bulk', { ...fields, intent: 'review' }, cookie));
    expect(review.status).toBe(200);
    const confirm = await jsonOf<Confirm>(review);
    expect(confirm.ids).toHaveLength(50);
    expect(confirm.names).toContain(`Test Bulk07`);
    expect(await db.outboxEmail.count()).toBe(0); // the review writes nothing

    const confirmed = { ...fields, ids: confirm.ids, token: confirm.token, intent: 'confirm' };
    expect((await call(volunteersBulkAction, postRequest('/volunteers/bulk', confirmed, cookie))).status).toBe(302);
    // A double tap on the confirmation queues nothing twice.
    expect((await call(volunteersBulkAction, postRequest('/volunteers/bulk', confirmed, cookie))).status).toBe(302);

    const digestUsers = selected.filter((_, i) => i % 3 === 0).length;
    expect(await db.outboxEmail.count({ where: { template: 'coordinator-message' } })).toBe(50);
    expect(await db.outboxEmail.count({ where: { template: 'coordinator-message', status: 'HELD' } })).toBe(digestUsers);
    expect(
      await db.auditEvent.count({ where: { entityType: 'VOLUNTEER', detail: { ...jsonPath('bulkMessage'), equals: confirm.token } } }),
    ).toBe(50); // one per volunteer: the double tap added none

    await send();
    await sendDailyDigests(db, NOW);
    await send();
    expect(smtp.received).toHaveLength(50);
    expect(new Set(smtp.received.flatMap((email) => email.to))).toEqual(new Set(selected.map((volunteer) => volunteer.email)));
    const digest = smtp.received.find((email) => email.to.includes('v0@bulk.example'))!;
    expect(digest.text).toContain('Kurset starter 12. januar kl. 17.');
    const english = smtp.received.find((email) => email.to.includes('v1@bulk.example'))!;
    expect(english.subject).toBe('A message from the coordinator: Nytt kurs i januar');
  });

  it('leaves nothing when it fails half-way', async () => {
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    const selected = await volunteers(50);
    // A real failure of the database on the 25th volunteer's email.
    await withFailingInsert(db, { table: 'OutboxEmail', column: 'toAddress', value: 'v24@bulk.example' }, () =>
      expect(
        bulkMessage(
          { actorId: coordinator.id, request: null, now: NOW },
          { subject: 'Hei', body: 'Hei alle', token: 'failing' },
          selected.map((volunteer) => volunteer.id),
        ),
      ).rejects.toThrow(),
    );
    expect(await db.outboxEmail.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { entityType: 'VOLUNTEER' } })).toBe(0);
  });

  it('refuses more than 500 with a message, and none', async () => {
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    const cookie = await sessionCookieFor(coordinator.id);
    const ids = Array.from({ length: 501 }, (_, i) => `id${i}`);
    const response = await call(
      volunteersBulkAction,
      postRequest('/volunteers/bulk', { intent: 'review', bulkAction: 'export', ids }, cookie),
    );
    expect(response.status).toBe(400);
    const body = await jsonOf<{ result: { error: Record<string, string[]> } }>(response);
    expect(body.result.error.ids).toEqual(['bulk.tooMany::{"max":500}']);
    const none = await call(volunteersBulkAction, postRequest('/volunteers/bulk', { intent: 'review', bulkAction: 'export' }, cookie));
    expect((await jsonOf<{ result: { error: Record<string, string[]> } }>(none)).result.error.ids).toEqual(['bulk.noneSelected']);
  });
});

describe('bulk enrolment, support contacts and export', () => {
  it('enrols the confirmed volunteers in one go, one audit row each', async () => {
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    const cookie = await sessionCookieFor(coordinator.id);
    const course = await createCourse(db, { title: 'Vårkurset' });
    const selected = await volunteers(3);
    const left = await createVolunteer(db, { status: 'LEFT' });
    const ids = [...selected.map((volunteer) => volunteer.id), left.id];
    const review = await jsonOf<Confirm>(
      await call(
        volunteersBulkAction,
        postRequest('/volunteers/bulk', { intent: 'review', bulkAction: 'enrol', courseId: course.id, ids }, cookie),
      ),
    );
    expect(review.courseTitle).toBe('Vårkurset');
    expect(review.ids).toHaveLength(4);
    const done = await call(
      volunteersBulkAction,
      postRequest('/volunteers/bulk', { intent: 'confirm', bulkAction: 'enrol', courseId: course.id, ids: review.ids }, cookie),
    );
    expect(done.status).toBe(302);
    expect(await db.enrolment.count({ where: { courseId: course.id } })).toBe(3); // the one who left is skipped
    expect(
      await db.auditEvent.count({ where: { entityType: 'VOLUNTEER', detail: { ...jsonPath('enrolledIn'), equals: course.id } } }),
    ).toBe(3);
  });

  it('schedules one support contact per active pair, and exports them with an EXPORT row each', async () => {
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
    const cookie = await sessionCookieFor(coordinator.id);
    const pairs = [];
    for (let i = 0; i < 3; i++) {
      const participant = await createParticipant(db, { referrerId: officer.id, status: 'MATCHED', lastName: `Par${i}` });
      const volunteer = await createVolunteer(db, { status: 'READY' });
      pairs.push(await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, startDate: '2026-11-01' }));
    }
    const fields = { bulkAction: 'support', withWhom: 'VOLUNTEER', dueDate: '2026-12-10', ids: pairs.map((pair) => pair.id) };
    const review = await jsonOf<Confirm>(await call(pairsBulkAction, postRequest('/pairs/bulk', { ...fields, intent: 'review' }, cookie)));
    expect(review.names).toHaveLength(3);
    for (let i = 0; i < 2; i++)
      expect((await call(pairsBulkAction, postRequest('/pairs/bulk', { ...fields, intent: 'confirm' }, cookie))).status).toBe(302);
    expect(await db.supportContact.count({ where: { dueDate: '2026-12-10', heldOn: null } })).toBe(3);
    expect(await db.auditEvent.count({ where: { entityType: 'PAIR', action: 'CREATE' } })).toBe(3);

    const csv = await call(
      pairsBulkAction,
      postRequest('/pairs/bulk', { intent: 'confirm', bulkAction: 'export', ids: fields.ids }, cookie),
    );
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(text).toContain('Deltaker');
    expect(await db.auditEvent.count({ where: { entityType: 'PAIR', action: 'EXPORT' } })).toBe(3);
  });
});
