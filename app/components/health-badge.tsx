import type { Health } from '~/domain/pairs/pair-month';
import { useT } from './use-translation';

const BADGE: Record<Health, string> = { GREEN: 'badge badge--green', AMBER: 'badge badge--amber', RED: 'badge badge--red' };

/** A pair's health as a coloured badge; its own module so /me loads it without the coordinator's tables. */
export function HealthBadge({ health }: { health: Health }) {
  const t = useT();
  return <span className={BADGE[health]}>{t(`meetings.health.${health}`)}</span>;
}
