import cron, { type ScheduledTask } from 'node-cron';
import type { Db } from '~/lib/db.server';
import { outboxEvents } from '~/lib/email.server';
import type { MailTransport } from '~/lib/email-transport.server';
import { sendDueEmails } from '~/lib/outbox-sender.server';
import { OSLO } from '~/lib/time';
import type { JobDefinition } from './job';
import { JOBS } from './registry';
import { claimSlot, finishSlot, latestSlot, releaseSlot, slotWasClaimed } from './slots';
import { currentTime } from '~/lib/clock';

export interface SchedulerOptions {
  db: Db;
  transport: MailTransport;
  owner: string;
  publicUrl: string;
  jobs?: JobDefinition[];
  /** Run each job's latest slot at start if no instance ever claimed it (the app was down). */
  catchUp?: boolean;
  log?: (message: string) => void;
}

export interface Scheduler {
  /** Runs one slot of a job now, through the same claim as a scheduled run. */
  runSlot(job: JobDefinition, scheduledFor: Date): Promise<'ran' | 'skipped'>;
  /** Stops scheduling, waits for running jobs (releasing claims that do not finish in time). */
  stop(graceMs?: number): Promise<void>;
}

export function startScheduler(options: SchedulerOptions): Scheduler {
  const { db, transport, owner, publicUrl } = options;
  const jobs = options.jobs ?? JOBS;
  const log = options.log ?? (() => {});
  const running = new Map<string, { runId: string; promise: Promise<void> }>();
  let stopping = false;

  async function runSlot(job: JobDefinition, scheduledFor: Date): Promise<'ran' | 'skipped'> {
    if (stopping || running.has(job.name)) return 'skipped';
    const runId = await claimSlot(db, { jobName: job.name, scheduledFor, owner, leaseMs: job.leaseMs });
    if (!runId) return 'skipped';
    const promise = job
      .run({ db, scheduledFor, now: currentTime(), owner, transport, publicUrl })
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

  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(job.cron, () => runSlot(job, latestSlot(job.cron, currentTime())).then(() => undefined), {
      timezone: OSLO,
      name: job.name,
      noOverlap: true,
    }),
  );

  if (options.catchUp ?? true) {
    void (async () => {
      for (const job of jobs) {
        const slot = latestSlot(job.cron, currentTime());
        if (!(await slotWasClaimed(db, job.name, slot))) await runSlot(job, slot);
      }
    })().catch((error: unknown) => log(`catch-up failed: ${String(error)}`));
  }

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

  return {
    runSlot,
    async stop(graceMs = 10_000) {
      stopping = true;
      outboxEvents.off('queued', onQueued);
      await Promise.all(tasks.map((task) => task.destroy()));
      const pending = [...running.values()];
      const finished = Promise.allSettled([...pending.map((p) => p.promise), nudge ?? Promise.resolve()]);
      const timedOut = await Promise.race([
        finished.then(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(true), graceMs).unref()),
      ]);
      if (timedOut) {
        for (const { runId } of running.values()) await releaseSlot(db, runId);
      }
      transport.close();
    },
  };
}
