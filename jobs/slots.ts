import { CronExpressionParser } from 'cron-parser';
import type { Db } from '~/lib/db.server';
import { OSLO } from '~/lib/time';
import { currentTime } from '~/lib/clock';

/** The scheduled time of the slot a cron expression had most recently at `now` (Oslo time). */
export function latestSlot(cron: string, now: Date): Date {
  const expression = CronExpressionParser.parse(cron, { currentDate: new Date(now.getTime() + 1000), tz: OSLO });
  return expression.prev().toDate();
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}

/**
 * Claims one job slot (job name + scheduled time) for this instance, or returns null.
 * The unique key in JobRun makes the claim: two instances inserting the same slot cannot
 * both succeed. A run of the same job that still holds a live lease blocks the claim, so
 * runs never overlap. A claim whose owner died (lease expired, still RUNNING) is taken over.
 */
export async function claimSlot(
  db: Db,
  input: { jobName: string; scheduledFor: Date; owner: string; leaseMs: number },
  now = currentTime(),
): Promise<string | null> {
  const leaseUntil = new Date(now.getTime() + input.leaseMs);
  const live = await db.jobRun.findFirst({
    where: { jobName: input.jobName, status: 'RUNNING', leaseUntil: { gt: now } },
    select: { id: true },
  });
  if (live) return null;
  try {
    const run = await db.jobRun.create({
      data: { jobName: input.jobName, scheduledFor: input.scheduledFor, owner: input.owner, leaseUntil, startedAt: now },
    });
    return run.id;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const takeover = await db.jobRun.updateMany({
    where: { jobName: input.jobName, scheduledFor: input.scheduledFor, status: 'RUNNING', leaseUntil: { lte: now } },
    data: { owner: input.owner, leaseUntil, startedAt: now },
  });
  if (takeover.count !== 1) return null;
  const run = await db.jobRun.findUnique({
    where: { jobName_scheduledFor: { jobName: input.jobName, scheduledFor: input.scheduledFor } },
    select: { id: true },
  });
  return run?.id ?? null;
}

export async function finishSlot(db: Db, runId: string, error?: unknown): Promise<void> {
  await db.jobRun.update({
    where: { id: runId },
    data: {
      status: error ? 'FAILED' : 'DONE',
      finishedAt: currentTime(),
      error: error ? String(error instanceof Error ? error.stack ?? error.message : error).slice(0, 2000) : null,
    },
  });
}

/** Gives a claim back on shutdown so another instance may run the slot. */
export async function releaseSlot(db: Db, runId: string): Promise<void> {
  await db.jobRun.deleteMany({ where: { id: runId, status: 'RUNNING' } });
}

/** Whether a slot has ever been claimed (for catching up missed slots at start). */
export async function slotWasClaimed(db: Db, jobName: string, scheduledFor: Date): Promise<boolean> {
  const run = await db.jobRun.findUnique({
    where: { jobName_scheduledFor: { jobName, scheduledFor } },
    select: { id: true },
  });
  return run !== null;
}
