import { END_REASONS } from '~/domain/pairs/status';
import type { Translate } from '~/lib/i18n';

/**
 * A status change's reason as a person reads it: closing a pair records the end reason's code
 * ("PLAN_COMPLETED"), every other change the words someone typed.
 */
export function statusReasonText(t: Translate, reason: string): string {
  return (END_REASONS as readonly string[]).includes(reason)
    ? t(`meetings.close.reason.${reason as (typeof END_REASONS)[number]}`)
    : reason;
}
