/** The /referrals list's choices (#22), without zod so the page's component may import them. */

/** How old a referral is (its referral date against today): within a week, a month, three months, or older. */
export const REFERRAL_AGES = ['week', 'month', 'quarter', 'older'] as const;
export type ReferralAge = (typeof REFERRAL_AGES)[number];
export const AGE_DAYS: Record<Exclude<ReferralAge, 'older'>, number> = { week: 7, month: 30, quarter: 90 };

/** Ways to sort the list; the first is the default. "waiting" puts the undecided first, the oldest of them first. */
export const REFERRAL_SORTS = ['newest', 'release', 'waiting'] as const;
export type ReferralSort = (typeof REFERRAL_SORTS)[number];
