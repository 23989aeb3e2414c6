import { beforeEach, describe, expect, it } from 'vitest';
import { sendDailyDigests } from '~/domain/notifications/digest.server';
import { createPrismaClient, db } from '~/lib/db.server';
import { enqueueEmail } from '~/lib/email.server';
import { smtpTransport } from '~/lib/email-transport.server';
import { GIVE_UP_AFTER_MS, sendDueEmails } from '~/lib/outbox-sender.server';
import { action as usersAction } from '~/routes/users';
import { startScheduler } from '../../jobs/scheduler';
import type { JobDefinition } from '../../jobs/job';
import { createUser } from '../../prisma/fixtures/factories';
import { useSmtpServer } from '../support/smtp-server';
import { call, postRequest, sessionCookieFor } from '../support/requests';

const PUBLIC_URL = 'http://localhost:3000';
const smtp = useSmtpServer();
beforeEach(async () => {
  await db.outboxEmail.deleteMany();
});

function send(at: Date = new Date(), owner = 'test-runner') {
  return sendDueEmails(db, smtpTransport(smtp.url, 'Brobygger <noreply@brobygger.example>'), {
    owner,
    publicUrl: PUBLIC_URL,
    now: () => at,
  });
}

async function queueReferralEmail(key: string, to = 'koordinator@example.no') {
  await db.$transaction((tx) =>
    enqueueEmail(tx, {
      to,
      template: 'referral-new',
      data: { referralId: 'ref1' },
      language: 'nb',
      idempotencyKey: key,
    }),
  );
}

describe('the email outbox', () => {
  it('delivers an invitation with the right recipient, subject and language', async () => {
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    const response = await call(
      usersAction,
      postRequest(
        '/users',
        { intent: 'invite', email: 'New.Person@Example.no', role: 'PROBATION_OFFICER', language: 'en' },
        await sessionCookieFor(coordinator.id),
      ),
    );
    expect(response.status).toBe(302);
    expect(await send()).toMatchObject({ sent: 1 });
    const [email] = await smtp.waitFor((e) => e.to.includes('new.person@example.no'));
    expect(email?.subject).toBe('Your invitation to Brobygger');
    expect(email?.text).toContain('as probation officer');
    expect(email?.text).toMatch(/http:\/\/localhost:3000\/invite\/[\w-]{40,}/);
    const row = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: 'new.person@example.no' } });
    expect(row.status).toBe('SENT');
    expect(email?.messageId).toBe(row.messageId);
  });

  it('keeps no email when the change that queued it rolls back', async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, {
          to: 'someone@example.no',
          template: 'referral-new',
          data: { referralId: 'x' },
          language: 'nb',
          idempotencyKey: 'rollback-test',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.outboxEmail.count()).toBe(0);
    // An invitation to an existing account fails as a whole: no invitation, no email.
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    const response = await call(
      usersAction,
      postRequest(
        '/users',
        { intent: 'invite', email: coordinator.email, role: 'VOLUNTEER', language: 'nb' },
        await sessionCookieFor(coordinator.id),
      ),
    );
    expect(response.status).toBe(400);
    expect(await db.outboxEmail.count()).toBe(0);
    expect(await db.invitation.count({ where: { email: coordinator.email } })).toBe(0);
  });

  it('queues one email for one idempotency key', async () => {
    await queueReferralEmail('same-key');
    await queueReferralEmail('same-key');
    expect(await db.outboxEmail.count()).toBe(1);
  });

  it('loses nothing while SMTP refuses connections, and sends each email once after recovery', async () => {
    await queueReferralEmail('outage-1');
    await queueReferralEmail('outage-2');
    const port = smtp.port;
    await smtp.stop();
    const t0 = new Date();
    expect(await send(t0)).toMatchObject({ sent: 0, retried: 2 });
    const rows = await db.outboxEmail.findMany();
    expect(rows.every((row) => row.status === 'PENDING' && row.attempts === 1 && row.nextAttemptAt > t0)).toBe(true);
    expect(rows[0]?.lastError).toBeTruthy();
    // Not due yet: nothing is tried again before the delay.
    expect(await send(new Date(t0.getTime() + 1_000))).toMatchObject({ sent: 0, retried: 0 });
    await smtp.start(port);
    expect(await send(new Date(t0.getTime() + 61_000))).toMatchObject({ sent: 2 });
    expect(await send(new Date(t0.getTime() + 10 * 60_000))).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(2);
  });

  it('retries after a 421 answer with growing delays, then delivers exactly once', async () => {
    await queueReferralEmail('busy-1');
    smtp.mode = 'reject-421';
    const t0 = new Date();
    await send(t0);
    const first = await db.outboxEmail.findFirstOrThrow();
    await send(new Date(first.nextAttemptAt.getTime() + 1));
    const second = await db.outboxEmail.findFirstOrThrow();
    expect(second.attempts).toBe(2);
    const firstDelay = first.nextAttemptAt.getTime() - t0.getTime();
    const secondDelay = second.nextAttemptAt.getTime() - (first.nextAttemptAt.getTime() + 1);
    expect(secondDelay).toBeGreaterThan(firstDelay);
    expect(second.lastError).toMatch(/421/);
    smtp.mode = 'accept';
    await send(new Date(second.nextAttemptAt.getTime() + 1));
    await send(new Date(second.nextAttemptAt.getTime() + 3_600_000));
    expect(smtp.received).toHaveLength(1);
    expect((await db.outboxEmail.findFirstOrThrow()).status).toBe('SENT');
  });

  it('marks an email FAILED after five days of failures', async () => {
    await queueReferralEmail('gives-up');
    const port = smtp.port;
    await smtp.stop();
    try {
      const row = await db.outboxEmail.findFirstOrThrow();
      await send(new Date(row.createdAt.getTime() + GIVE_UP_AFTER_MS + 1));
      expect((await db.outboxEmail.findFirstOrThrow()).status).toBe('FAILED');
    } finally {
      await smtp.start(port);
    }
  });

  it('sends an email left behind by a runner killed mid-send once its lease expires, with the same Message-ID', async () => {
    await queueReferralEmail('killed-runner');
    const now = new Date();
    const row = await db.outboxEmail.findFirstOrThrow();
    // The dead runner claimed the row and never came back.
    await db.outboxEmail.update({
      where: { id: row.id },
      data: { status: 'SENDING', leaseOwner: 'dead-runner', leaseUntil: new Date(now.getTime() + 60_000) },
    });
    expect(await send(now, 'survivor')).toMatchObject({ sent: 0 });
    expect(await send(new Date(now.getTime() + 61_000), 'survivor')).toMatchObject({ sent: 1 });
    const [email] = await smtp.waitFor(() => true);
    expect(email?.messageId).toBe(row.messageId);
  });

  it('holds routine emails for digest users and sends them in one daily email; urgent ones go at once', async () => {
    const officer = await createUser(db, { role: 'PROBATION_OFFICER', notificationMode: 'DIGEST' });
    await db.$transaction(async (tx) => {
      for (const [index, decision] of (['ACCEPTED', 'WAITLISTED'] as const).entries()) {
        await enqueueEmail(tx, {
          to: officer.email,
          userId: officer.id,
          template: 'referral-decided',
          data: { referralId: `r${index}`, decision },
          language: 'nb',
          idempotencyKey: `decided-${index}`,
        });
      }
      await enqueueEmail(tx, {
        to: officer.email,
        userId: officer.id,
        template: 'referral-matched',
        data: { referralId: 'r9' },
        language: 'nb',
        idempotencyKey: 'urgent-one',
        urgent: true,
      });
    });
    await send();
    expect(smtp.received.map((e) => e.subject)).toEqual(['En frivillig er funnet']);
    expect(await sendDailyDigests(db)).toBe(1);
    await send();
    expect(smtp.received).toHaveLength(2);
    const digest = smtp.received[1];
    expect(digest?.subject).toBe('Brobygger: 2 nye meldinger i dag');
    expect(digest?.text).toContain('Henvisningen din er akseptert');
    expect(digest?.text).toContain('Henvisningen din er satt på venteliste');
    // A rerun of the digest job sends nothing more.
    expect(await sendDailyDigests(db)).toBe(0);
    await send();
    expect(smtp.received).toHaveLength(2);
  });
});

describe('the job runtime', () => {
  it('runs a slot once when two runners share one database', async () => {
    const second = createPrismaClient(process.env.DATABASE_URL!);
    let runs = 0;
    const job: JobDefinition = {
      name: 'counting-job',
      cron: '0 4 * * *',
      leaseMs: 60_000,
      run: async () => {
        runs += 1;
        await new Promise((resolve) => setTimeout(resolve, 100));
      },
    };
    const transport = smtpTransport(smtp.url, 'x@example.no');
    const a = startScheduler({ db, transport, owner: 'runner-a', publicUrl: PUBLIC_URL, jobs: [job], catchUp: false });
    const b = startScheduler({ db: second, transport, owner: 'runner-b', publicUrl: PUBLIC_URL, jobs: [job], catchUp: false });
    const slot = new Date('2026-11-20T03:00:00Z');
    const outcomes = await Promise.all([a.runSlot(job, slot), b.runSlot(job, slot), a.runSlot(job, slot)]);
    expect(runs).toBe(1);
    expect(outcomes.filter((o) => o === 'ran')).toHaveLength(1);
    expect(await db.jobRun.count({ where: { jobName: 'counting-job' } })).toBe(1);
    expect((await db.jobRun.findFirstOrThrow({ where: { jobName: 'counting-job' } })).status).toBe('DONE');
    // A later slot runs again.
    await b.runSlot(job, new Date('2026-11-21T03:00:00Z'));
    expect(runs).toBe(2);
    await a.stop();
    await b.stop();
    await second.$disconnect();
  });

  it('catches up a slot missed while the app was down', async () => {
    let runs = 0;
    const job: JobDefinition = { name: 'catch-up-job', cron: '0 6 * * *', leaseMs: 60_000, run: async () => void (runs += 1) };
    const scheduler = startScheduler({
      db,
      transport: smtpTransport(smtp.url, 'x@example.no'),
      owner: 'catcher',
      publicUrl: PUBLIC_URL,
      jobs: [job],
    });
    await expect.poll(() => runs, { timeout: 5_000 }).toBe(1);
    await scheduler.stop();
    // Started again: the same slot is not run twice. `ready` is the start's catch-up tick done.
    const again = startScheduler({
      db,
      transport: smtpTransport(smtp.url, 'x@example.no'),
      owner: 'catcher-2',
      publicUrl: PUBLIC_URL,
      jobs: [job],
    });
    await again.ready;
    await again.stop();
    expect(runs).toBe(1);
    expect(await db.jobRun.findFirstOrThrow({ where: { jobName: 'catch-up-job' } })).toMatchObject({
      status: 'DONE',
      owner: 'catcher',
      attempts: 1,
    });
  });
});
