import { currentTime } from './clock';

/** A row is retried with growing delays for this long, then marked FAILED for the dashboard. */
export const GIVE_UP_AFTER_MS = 5 * 24 * 60 * 60 * 1000;
const MAX_DELAY_MS = 6 * 60 * 60 * 1000;

/** 1, 2, 4, 8 … minutes after each failed attempt, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}

/** What a due row is: pending and due, or sending under a lease that expired (its sender died). */
export function dueWhere(now: Date) {
  return {
    OR: [
      { status: 'PENDING', nextAttemptAt: { lte: now } },
      // A sender that died mid-send left its lease behind; once it expires the row is free.
      { status: 'SENDING', leaseUntil: { lt: now } },
    ],
  };
}

/** The fields the loop writes on an outbox row (email and SMS share them). */
export interface DeliveryFields {
  status: string;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  attempts?: number;
  nextAttemptAt?: Date;
  lastError?: string | null;
  sentAt?: Date;
}

export interface OutboxTable<Row extends { id: string; attempts: number }, Sent extends object> {
  /** The due rows, oldest first (the caller's `where` includes `dueWhere(now)`). */
  findDue(now: Date, take: number): Promise<Row[]>;
  /** A conditional update of one row: `onlyIf` 'due' (the claim) or 'leased' (by this owner); returns how many changed. */
  update(id: string, onlyIf: 'due' | 'leased', data: DeliveryFields | (DeliveryFields & Sent), now: Date): Promise<number>;
  /** Sends the row; returns the extra fields of the SENT row, or 'CANCELLED' with the reason not to send it. */
  deliver(row: Row): Promise<Sent | { cancelled: string }>;
  /** When the row was first due: after GIVE_UP_AFTER_MS from then a failure is final. */
  dueSince(row: Row): Date;
}

export interface DeliveryOptions {
  owner: string;
  now?: () => Date;
  batchSize?: number;
  leaseMs?: number;
}

/**
 * The one delivery loop of the outboxes (email and SMS). Each due row is claimed with a
 * conditional update (a lease), so two senders never send the same row while the lease lives;
 * a failure is retried after 1, 2, 4 … minutes (at most 6 hours apart) for 5 days, then the
 * row is FAILED.
 */
export async function deliverDue<Row extends { id: string; attempts: number }, Sent extends object>(
  table: OutboxTable<Row, Sent>,
  options: DeliveryOptions,
): Promise<{ sent: number; retried: number; failed: number; cancelled: number }> {
  const clock = options.now ?? (() => currentTime());
  const leaseMs = options.leaseMs ?? 60_000;
  const result = { sent: 0, retried: 0, failed: 0, cancelled: 0 };
  const candidates = await table.findDue(clock(), options.batchSize ?? 25);
  for (const candidate of candidates) {
    const now = clock();
    const claimed = await table.update(
      candidate.id,
      'due',
      { status: 'SENDING', leaseOwner: options.owner, leaseUntil: new Date(now.getTime() + leaseMs) },
      now,
    );
    if (claimed !== 1) continue;
    try {
      const outcome = await table.deliver(candidate);
      if ('cancelled' in outcome && typeof outcome.cancelled === 'string') {
        await table.update(
          candidate.id,
          'leased',
          { status: 'CANCELLED', leaseOwner: null, leaseUntil: null, lastError: outcome.cancelled },
          clock(),
        );
        result.cancelled += 1;
        continue;
      }
      await table.update(
        candidate.id,
        'leased',
        { ...(outcome as Sent), status: 'SENT', sentAt: clock(), leaseOwner: null, leaseUntil: null, lastError: null },
        clock(),
      );
      result.sent += 1;
    } catch (error) {
      const attempts = candidate.attempts + 1;
      const failedAt = clock();
      const giveUp = failedAt.getTime() - table.dueSince(candidate).getTime() >= GIVE_UP_AFTER_MS;
      await table.update(
        candidate.id,
        'leased',
        {
          status: giveUp ? 'FAILED' : 'PENDING',
          attempts,
          nextAttemptAt: new Date(failedAt.getTime() + retryDelayMs(attempts)),
          leaseOwner: null,
          leaseUntil: null,
          lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
        },
        failedAt,
      );
      if (giveUp) result.failed += 1;
      else result.retried += 1;
    }
  }
  return result;
}
