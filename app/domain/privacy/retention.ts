import { DateTime } from 'luxon';
import { OSLO } from '~/lib/time';

/** What replaces a name when a record is anonymised. */
export const ANONYMISED_NAME = 'Anonymisert';

/**
 * When the retention clock started for a participant, or null while they are still in the
 * programme: the end of their last pair (none proposed or active), or, for someone never
 * paired, the decision that declined their latest referral.
 */
export function participantRetentionStart(input: {
  pairs: { status: string; endedAt: Date | null }[];
  referrals: { decision: string | null; decidedAt: Date | null; createdAt: Date }[];
}): Date | null {
  if (input.pairs.some((pair) => pair.status !== 'ENDED')) return null;
  if (input.pairs.length > 0) {
    const ends = input.pairs.map((pair) => pair.endedAt);
    if (ends.some((end) => end === null)) return null;
    const lastEnd = new Date(Math.max(...ends.map((end) => end!.getTime())));
    // A new referral after the pair ended reopens the case until it is declined.
    const later = input.referrals.filter((referral) => referral.createdAt > lastEnd);
    if (later.length === 0) return lastEnd;
    return declinedAt(later);
  }
  return declinedAt(input.referrals);
}

function declinedAt(referrals: { decision: string | null; decidedAt: Date | null; createdAt: Date }[]): Date | null {
  const latest = [...referrals].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  return latest?.decision === 'DECLINED' && latest.decidedAt ? latest.decidedAt : null;
}

/** Retention months are counted in Oslo calendar months from the start. */
export function retentionDue(start: Date, months: number, now: Date): boolean {
  return DateTime.fromJSDate(start, { zone: OSLO }).plus({ months }).toJSDate() <= now;
}

/** The date of birth kept after anonymisation: the year only (1 January), enough for age groups in reports. */
export function coarseDateOfBirth(dateOfBirth: string): string {
  return `${dateOfBirth.slice(0, 4)}-01-01`;
}
