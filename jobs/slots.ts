import { inspect } from 'node:util';
import { CronExpressionParser } from 'cron-parser';
import type { Db } from '~/lib/db.server';
import { withWriteRetry } from '~/lib/db.server';
import { OSLO } from '~/lib/time';
import { currentTime } from '~/lib/clock';

/** How many times one slot is started before a failure stays (the first run and two retries). */
export const MAX_SLOT_ATTEMPTS = 3;

/** The scheduled time of the slot a cron expression had most recently at `now` (Oslo time). */
export function latestSlot(cron: string, now: Date): Date {
  const expression = CronExpressionParser.parse(cron, { currentDate: new Date(now.getTime() + 1000), tz: OSLO });
  return expression.prev().toDate();
}

/** The start of the minute `now` is in: a failure before it may be retried in this one. */
function minuteOf(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}

/**
 * Claims one job slot (job name + scheduled time) for this instance, or returns null.
 * The unique key in JobRun makes the claim: two instances inserting the same slot cannot
 * both succeed. A run of the same job that still holds a live lease blocks the claim, so
 * runs never overlap. A claim whose owner died (lease expired, still RUNNING) is taken over.
 * A slot that FAILED in an earlier minute is claimed again, up to MAX_SLOT_ATTEMPTS starts
 * in all (`attempts` counts them; the last error stays in `error` until a retry succeeds).
 * Every takeover is a compare-and-set on the row, so only one instance wins it.
 */
export async function claimSlot(
  db: Db,
  input: { jobName: string; scheduledFor: Date; owner: string; leaseMs: number; maxAttempts?: number },
  now = currentTime(),
): Promise<string | null> {
  const leaseUntil = new Date(now.getTime() + input.leaseMs);
  const live = await withWriteRetry(() =>
    db.jobRun.findFirst({ where: { jobName: input.jobName, status: 'RUNNING', leaseUntil: { gt: now } }, select: { id: true } }),
  );
  if (live) return null;
  try {
    const run = await withWriteRetry(() =>
      db.jobRun.create({
        data: { jobName: input.jobName, scheduledFor: input.scheduledFor, owner: input.owner, leaseUntil, startedAt: now },
      }),
    );
    return run.id;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const slot = { jobName: input.jobName, scheduledFor: input.scheduledFor };
  const takeover = await withWriteRetry(() =>
    db.jobRun.updateMany({
      where: {
        ...slot,
        OR: [
          { status: 'RUNNING', leaseUntil: { lte: now } },
          { status: 'FAILED', attempts: { lt: input.maxAttempts ?? MAX_SLOT_ATTEMPTS }, finishedAt: { lt: minuteOf(now) } },
        ],
      },
      data: { owner: input.owner, leaseUntil, startedAt: now, status: 'RUNNING', finishedAt: null, attempts: { increment: 1 } },
    }),
  );
  if (takeover.count !== 1) return null;
  const run = await db.jobRun.findUnique({ where: { jobName_scheduledFor: slot }, select: { id: true } });
  return run?.id ?? null;
}

export async function finishSlot(db: Db, runId: string, error?: unknown): Promise<void> {
  await withWriteRetry(() =>
    db.jobRun.update({
      where: { id: runId },
      data: {
        status: error ? 'FAILED' : 'DONE',
        finishedAt: currentTime(),
        error: error ? (error instanceof Error ? (error.stack ?? error.message) : inspect(error)).slice(0, 2000) : null,
      },
    }),
  );
}

/** Gives a claim back on shutdown so another instance may run the slot. */
export async function releaseSlot(db: Db, runId: string): Promise<void> {
  await withWriteRetry(async () => {
    // A first run is removed; a retry goes back to FAILED, with its attempt not counted.
    await db.jobRun.deleteMany({ where: { id: runId, status: 'RUNNING', attempts: 1 } });
    await db.jobRun.updateMany({
      where: { id: runId, status: 'RUNNING' },
      data: { status: 'FAILED', attempts: { decrement: 1 }, finishedAt: new Date(0) },
    });
  });
}

/** Whether a slot has ever been claimed (for catching up missed slots at start). */
export async function slotWasClaimed(db: Db, jobName: string, scheduledFor: Date): Promise<boolean> {
  const run = await db.jobRun.findUnique({
    where: { jobName_scheduledFor: { jobName, scheduledFor } },
    select: { id: true },
  });
  return run !== null;
}

/** Whether a slot still has something to do: never claimed, or failed with attempts left. */
export async function slotIsDue(db: Db, jobName: string, scheduledFor: Date, now: Date, maxAttempts = MAX_SLOT_ATTEMPTS): Promise<boolean> {
  const run = await withWriteRetry(() =>
    db.jobRun.findUnique({
      where: { jobName_scheduledFor: { jobName, scheduledFor } },
      select: { status: true, attempts: true, finishedAt: true, leaseUntil: true },
    }),
  );
  if (!run) return true;
  if (run.status === 'RUNNING') return run.leaseUntil.getTime() <= now.getTime();
  return run.status === 'FAILED' && run.attempts < maxAttempts && (run.finishedAt?.getTime() ?? 0) < minuteOf(now).getTime();
}
