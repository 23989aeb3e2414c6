import cron, { type ScheduledTask } from 'node-cron';
import type { Db } from '~/lib/db.server';
import { outboxEvents } from '~/lib/email.server';
import type { MailTransport } from '~/lib/email-transport.server';
import { sendDueEmails } from '~/lib/outbox-sender.server';
import { OSLO } from '~/lib/time';
import type { JobDefinition, SmsContext } from './job';
import { JOBS } from './registry';
import { claimSlot, finishSlot, latestSlot, releaseSlot, slotIsDue } from './slots';
import { currentTime } from '~/lib/clock';
import { smsOutboxEvents } from '~/domain/sms/outbox.server';
import { sendDueTexts } from '~/domain/sms/sender.server';

export interface SchedulerOptions {
  db: Db;
  transport: MailTransport;
  owner: string;
  publicUrl: string;
  /** The SMS gateway (null or absent: SMS is off and texts stay queued). */
  sms?: SmsContext | null;
  jobs?: JobDefinition[];
  /** Tick once at start, so a slot missed while the app was down runs now (default true). */
  catchUp?: boolean;
  /** Tick every minute (default true); tests turn it off and call `tick()`. */
  ticking?: boolean;
  log?: (message: string) => void;
}

export interface Scheduler {
  /** Runs one slot of a job now, through the same claim as a scheduled run. */
  runSlot(job: JobDefinition, scheduledFor: Date): Promise<'ran' | 'skipped'>;
  /**
   * One tick: for each job, its latest slot at the app's clock (`currentTime()`), run if no
   * instance claimed it yet or if it failed in an earlier minute with attempts left. Resolves
   * when the slots this tick started have finished.
   */
  tick(): Promise<Record<string, 'ran' | 'skipped'>>;
  /** The tick at start (catch-up) has finished. */
  ready: Promise<void>;
  /** Stops scheduling, waits for running jobs (releasing claims that do not finish in time). */
  stop(graceMs?: number): Promise<void>;
}

export function startScheduler(options: SchedulerOptions): Scheduler {
  const { db, transport, owner, publicUrl } = options;
  const sms = options.sms ?? null;
  const jobs = options.jobs ?? JOBS;
  const log = options.log ?? (() => {});
  const running = new Map<string, { runId: string; promise: Promise<void> }>();
  let stopping = false;

  async function runSlot(job: JobDefinition, scheduledFor: Date): Promise<'ran' | 'skipped'> {
    if (stopping || running.has(job.name)) return 'skipped';
    const runId = await claimSlot(db, { jobName: job.name, scheduledFor, owner, leaseMs: job.leaseMs, maxAttempts: job.maxAttempts });
    if (!runId) return 'skipped';
    const promise = job
      .run({ db, scheduledFor, now: currentTime(), owner, transport, publicUrl, sms })
      .then(
        () => finishSlot(db, runId),
        (error: unknown) => {
          log(`job ${job.name} failed: ${error instanceof Error ? error.message : String(error)}`);
          return finishSlot(db, runId, error);
        },
      )
      .finally(() => running.delete(job.name));
    running.set(job.name, { runId, promise });
    await promise;
    return 'ran';
  }

  // The app's clock decides which slot is due, not node-cron's: in demo and test mode the clock
  // may be moved (CLOCK_AT), and a slot that failed is retried at the next minute. node-cron
  // only wakes the scheduler once a minute.
  // A tick's jobs run one after another, and a tick waits for the one before it: on SQLite a
  // job's big reads would otherwise run on the process's one connection inside another job's
  // write transaction, holding the write lock (and the web processes) for their whole length.
  let previousTick: Promise<unknown> = Promise.resolve();
  function tick(): Promise<Record<string, 'ran' | 'skipped'>> {
    const now = currentTime();
    const thisTick = previousTick.then(async () => {
      const outcomes: Record<string, 'ran' | 'skipped'> = {};
      for (const job of jobs) outcomes[job.name] = await tickJob(job, now);
      return outcomes;
    });
    previousTick = thisTick.catch(() => undefined);
    return thisTick;
  }

  async function tickJob(job: JobDefinition, now: Date): Promise<'ran' | 'skipped'> {
    if (stopping || running.has(job.name)) return 'skipped';
    try {
      const slot = latestSlot(job.cron, now);
      if (!(await slotIsDue(db, job.name, slot, now, job.maxAttempts))) return 'skipped';
      return await runSlot(job, slot);
    } catch (error) {
      log(`job ${job.name} could not start: ${error instanceof Error ? error.message : String(error)}`);
      return 'skipped';
    }
  }

  const tasks: ScheduledTask[] =
    options.ticking === false ? [] : [cron.schedule('* * * * *', () => void tick(), { timezone: OSLO, name: `scheduler-tick:${owner}` })];

  const ready = (options.catchUp ?? true) ? tick().then(() => undefined) : Promise.resolve();

  // Emails queued by this process go out at once rather than at the next minute. Rows are
  // leased one by one, so this never races the scheduled sender into a double send.
  let nudge: Promise<unknown> | null = null;
  const onQueued = () => {
    if (stopping || nudge) return;
    nudge = sendDueEmails(db, transport, { owner, publicUrl })
      .catch((error: unknown) => log(`outbox send failed: ${String(error)}`))
      .finally(() => {
        nudge = null;
      });
  };
  outboxEvents.on('queued', onQueued);

  // -- sms (#20): texts queued by this process go out at once too (rows are leased the same way).
  let smsNudge: Promise<unknown> | null = null;
  const onSmsQueued = () => {
    if (stopping || smsNudge || !sms) return;
    smsNudge = sendDueTexts(db, sms.gateway, { owner, sender: sms.sender })
      .catch((error: unknown) => log(`sms send failed: ${String(error)}`))
      .finally(() => {
        smsNudge = null;
      });
  };
  smsOutboxEvents.on('queued', onSmsQueued);

  return {
    runSlot,
    tick,
    ready,
    async stop(graceMs = 10_000) {
      stopping = true;
      outboxEvents.off('queued', onQueued);
      smsOutboxEvents.off('queued', onSmsQueued);
      await Promise.all(
        tasks.map(async (task) => {
          await task.destroy();
        }),
      );
      const pending = [...running.values()];
      const finished = Promise.allSettled([...pending.map((p) => p.promise), nudge ?? Promise.resolve(), smsNudge ?? Promise.resolve()]);
      const timedOut = await Promise.race([
        finished.then(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(true), graceMs).unref()),
      ]);
      if (timedOut) {
        for (const { runId } of running.values()) await releaseSlot(db, runId);
      }
      transport.close();
      await sms?.gateway.close();
    },
  };
}
