import type { EmergencyNumber } from '~/domain/concerns/severity';
import type { MessageKey } from '~/lib/i18n';
import { ConfirmActions } from './confirm-actions';
import { useT } from './use-translation';

/**
 * The step an urgent concern passes before it is sent: Norway's emergency numbers (sent by
 * the action that asks for the confirmation) as phone links, and the one button that sends it (`confirmUrgent=yes` in the same form).
 */
export function UrgentConfirmation({ numbers }: { numbers: readonly EmergencyNumber[] }) {
  const t = useT();
  return (
    <section className="urgent-confirm" role="alert" aria-labelledby="urgent-confirm-title">
      <h2 id="urgent-confirm-title">{t('concerns.confirmTitle')}</h2>
      <p>{t('concerns.confirmIntro')}</p>
      <ul className="emergency-numbers">
        {numbers.map(({ number, service }) => (
          <li key={number}>
            <a className="button secondary" href={`tel:${number}`}>
              {t('concerns.call', { number, service: t(`concerns.emergency.${service}` as MessageKey) })}
            </a>
          </li>
        ))}
      </ul>
      <ConfirmActions hint={t('concerns.confirmChange')} name="confirmUrgent" value="yes" label={t('concerns.confirmSend')} />
    </section>
  );
}
