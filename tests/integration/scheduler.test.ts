import { afterEach, describe, expect, it } from 'vitest';
import { resetClock, setClock } from '~/lib/clock';
import { createPrismaClient, db } from '~/lib/db.server';
import { smtpTransport } from '~/lib/email-transport.server';
import type { JobDefinition } from '../../jobs/job';
import { startScheduler } from '../../jobs/scheduler';
import { MAX_SLOT_ATTEMPTS } from '../../jobs/slots';
import { useSmtpServer } from '../support/smtp-server';

const smtp = useSmtpServer();
afterEach(() => resetClock());

function scheduler(jobs: JobDefinition[], owner = 'ticker', client = db) {
  return startScheduler({
    db: client,
    transport: smtpTransport(smtp.url, 'x@example.no'),
    owner,
    publicUrl: 'http://localhost:3000',
    jobs,
    catchUp: false,
    ticking: false,
  });
}

const MINUTE = 60_000;

describe('the scheduler ticks on the app clock', () => {
  it('runs the latest slot of each job at the moved clock, once', async () => {
    const slots: string[] = [];
    const job: JobDefinition = {
      name: 'quarterly',
      cron: '0 8 1 1,4,7,10 *',
      leaseMs: MINUTE,
      run: async ({ scheduledFor }) => void slots.push(scheduledFor.toISOString()),
    };
    const s = scheduler([job]);
    setClock('2027-04-01T06:00:20Z'); // 08:00:20 in Oslo, summer time
    expect(await s.tick()).toEqual({ quarterly: 'ran' });
    expect(await s.tick()).toEqual({ quarterly: 'skipped' });
    setClock('2027-06-30T12:00:00Z'); // still the April slot
    expect(await s.tick()).toEqual({ quarterly: 'skipped' });
    setClock('2027-07-01T06:00:00Z');
    expect(await s.tick()).toEqual({ quarterly: 'ran' });
    expect(slots).toEqual(['2027-04-01T06:00:00.000Z', '2027-07-01T06:00:00.000Z']);
    await s.stop();
  });

  it('runs a slot once when two instances tick at the same moment', async () => {
    const second = createPrismaClient(process.env.DATABASE_URL!);
    let runs = 0;
    const job: JobDefinition = { name: 'shared', cron: '*/15 * * * *', leaseMs: MINUTE, run: async () => void (runs += 1) };
    const a = scheduler([job], 'a');
    const b = scheduler([job], 'b', second);
    setClock('2027-03-28T00:45:05Z');
    const outcomes = await Promise.all([a.tick(), b.tick(), a.tick()]);
    expect(outcomes.filter((o) => o.shared === 'ran')).toHaveLength(1);
    expect(runs).toBe(1);
    await a.stop();
    await b.stop();
    await second.$disconnect();
  });
});

describe('a slot that failed', () => {
  it('is retried at the next minute, with its attempts and error recorded, and is not lost', async () => {
    let calls = 0;
    const job: JobDefinition = {
      name: 'flaky',
      cron: '*/15 * * * *',
      leaseMs: MINUTE,
      run: async () => {
        calls += 1;
        if (calls === 1) throw new Error('database is locked');
      },
    };
    const s = scheduler([job]);
    setClock('2027-03-28T00:45:10Z');
    expect(await s.tick()).toEqual({ flaky: 'ran' });
    const failed = await db.jobRun.findFirstOrThrow({ where: { jobName: 'flaky' } });
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1, scheduledFor: new Date('2027-03-28T00:45:00Z') });
    expect(failed.error).toContain('database is locked');
    // Not again within the same minute …
    setClock('2027-03-28T00:45:50Z');
    expect(await s.tick()).toEqual({ flaky: 'skipped' });
    // … but at the next one, the same slot.
    setClock('2027-03-28T00:46:10Z');
    expect(await s.tick()).toEqual({ flaky: 'ran' });
    const retried = await db.jobRun.findFirstOrThrow({ where: { jobName: 'flaky' } });
    expect(retried).toMatchObject({ status: 'DONE', attempts: 2, error: null, scheduledFor: new Date('2027-03-28T00:45:00Z') });
    expect(await db.jobRun.count({ where: { jobName: 'flaky' } })).toBe(1);
    setClock('2027-03-28T00:47:10Z');
    expect(await s.tick()).toEqual({ flaky: 'skipped' });
    expect(calls).toBe(2);
    await s.stop();
  });

  it('is retried a bounded number of times, then stays FAILED', async () => {
    let calls = 0;
    const job: JobDefinition = {
      name: 'broken',
      cron: '0 3 * * *',
      leaseMs: MINUTE,
      run: async () => {
        calls += 1;
        throw new Error(`attempt ${calls}`);
      },
    };
    const s = scheduler([job]);
    for (let minute = 0; minute < MAX_SLOT_ATTEMPTS + 2; minute += 1) {
      setClock(new Date(Date.parse('2027-03-28T01:00:30Z') + minute * MINUTE));
      await s.tick();
    }
    expect(calls).toBe(MAX_SLOT_ATTEMPTS);
    expect(await db.jobRun.findFirstOrThrow({ where: { jobName: 'broken' } })).toMatchObject({
      status: 'FAILED',
      attempts: MAX_SLOT_ATTEMPTS,
      error: expect.stringContaining(`attempt ${MAX_SLOT_ATTEMPTS}`) as string,
    });
    await s.stop();
  });

  it('is not retried when another instance still runs it', async () => {
    let release!: () => void;
    const job: JobDefinition = {
      name: 'slow',
      cron: '*/15 * * * *',
      leaseMs: 10 * MINUTE,
      run: () => new Promise<void>((resolve) => (release = resolve)),
    };
    const a = scheduler([job], 'a');
    const b = scheduler([job], 'b');
    setClock('2027-03-28T00:45:10Z');
    const first = a.tick();
    await expect.poll(() => db.jobRun.count({ where: { jobName: 'slow', status: 'RUNNING' } })).toBe(1);
    setClock('2027-03-28T00:46:10Z');
    expect(await b.tick()).toEqual({ slow: 'skipped' });
    release();
    expect(await first).toEqual({ slow: 'ran' });
    await a.stop();
    await b.stop();
  });
});
