import { Link } from '@remix-run/react';
import { planSms } from '~/domain/sms/encoding';
import type { MessageKey } from '~/lib/i18n';
import { formatDateTime } from '~/lib/time';
import { useLanguage, useT } from './use-translation';

/** "54 tegn · 1 SMS": the one way a text's size is shown (planSms decides it). */
export function SmsSize({ text, id }: { text: string; id?: string }) {
  const t = useT();
  const plan = planSms(text);
  return (
    <span id={id} className="muted" aria-live="polite">
      {plan.segments === 0 ? t('sms.sizeEmpty') : t('sms.size', { chars: Array.from(text).length, segments: plan.segments })}
    </span>
  );
}

export interface PairTextsData {
  participantFirstName: string;
  volunteerFirstName: string;
  texting: { allowed: true } | { allowed: false; reason: string } | null;
  messages: { id: string; direction: string; kind: string; body: string; status: string; createdAt: string; fromVolunteer: boolean }[];
}

/** The pair page's texts with the participant (no numbers), and for the volunteer the way to write one. */
export function PairTexts({ pairId, texts, viewerIsVolunteer }: { pairId: string; texts: PairTextsData; viewerIsVolunteer: boolean }) {
  const t = useT();
  const language = useLanguage();
  const from = (message: PairTextsData['messages'][number]) => {
    if (message.direction === 'IN') return t('sms.thread.fromParticipant');
    if (message.fromVolunteer)
      return viewerIsVolunteer ? t('sms.thread.fromYou') : t('sms.thread.fromVolunteer', { name: texts.volunteerFirstName });
    return t('sms.thread.fromProgramme');
  };
  return (
    <section aria-labelledby="texts-title">
      <h2 id="texts-title">{t('sms.thread.title')}</h2>
      <p className="hint">{t('sms.thread.intro')}</p>
      {texts.messages.length === 0 ? <p>{t('sms.thread.empty')}</p> : null}
      <ol className="sms-thread">
        {texts.messages.map((message) => (
          <li key={message.id} className={message.direction === 'IN' ? 'sms sms--in' : 'sms sms--out'}>
            <p className="muted">
              {from(message)} · {t(`sms.kind.${message.kind}` as MessageKey)} · {formatDateTime(new Date(message.createdAt), language)} ·{' '}
              {t(`sms.status.${message.status}` as MessageKey)}
            </p>
            <p className="sms__body">{message.body}</p>
          </li>
        ))}
      </ol>
      {texts.texting ? (
        texts.texting.allowed ? (
          <p>
            <Link to={`/pairs/${pairId}/texts`} className="button primary">
              {t('sms.thread.write', { name: texts.participantFirstName })}
            </Link>
          </p>
        ) : (
          <p className="notice">{t(`sms.cannot.${texts.texting.reason}` as MessageKey)}</p>
        )
      ) : null}
    </section>
  );
}
