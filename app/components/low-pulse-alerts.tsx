import { Link } from '@remix-run/react';
import { useLanguage, useT } from '~/components/use-translation';
import { formatDate } from '~/lib/time';

interface LowPulse {
  id: string;
  answeredOn: string;
  pairId: string;
  pair: { participant: { firstName: string } };
}

/** The dashboard's alert for participants who answered the pulse low in the last two weeks. */
export function LowPulseAlerts({ alerts }: { alerts: LowPulse[] }) {
  const t = useT();
  const language = useLanguage();
  if (alerts.length === 0) return null;
  return (
    <section aria-labelledby="low-pulse-title" className="card notice">
      <h2 id="low-pulse-title">{t('participantLinks.dashboard.title')}</h2>
      <p>{t('participantLinks.dashboard.intro')}</p>
      <ul>
        {alerts.map((alert) => (
          <li key={alert.id}>
            <Link to={`/pairs/${alert.pairId}`}>
              {t('participantLinks.dashboard.item', {
                name: alert.pair.participant.firstName,
                date: formatDate(alert.answeredOn, language),
              })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
