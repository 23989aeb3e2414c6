import { Form, Link } from '@remix-run/react';
import { formatDateTime } from '~/lib/time';
import { useLanguage, useT } from './use-translation';

export interface TextInboxItem {
  id: string;
  body: string;
  createdAt: string;
  phone: string | null;
  pair: { id: string; participant: string; volunteer: string } | null;
}

/** The dashboard's inbox: participants' texts no rule could read, each with its pair, to be marked handled. */
export function TextInbox({ items }: { items: TextInboxItem[] }) {
  const t = useT();
  const language = useLanguage();
  return (
    <section aria-labelledby="text-inbox-title">
      <h2 id="text-inbox-title">{t('sms.inbox.title')}</h2>
      <p className="hint">{t('sms.inbox.intro')}</p>
      {items.length === 0 ? <p>{t('sms.inbox.empty')}</p> : null}
      <ul className="sms-thread">
        {items.map((item) => (
          <li key={item.id} className="sms sms--in">
            <p className="muted">
              {formatDateTime(new Date(item.createdAt), language)} ·{' '}
              {item.pair ? (
                <Link to={`/pairs/${item.pair.id}#texts-title`}>
                  {t('sms.inbox.pair', { participant: item.pair.participant, volunteer: item.pair.volunteer })}
                </Link>
              ) : (
                t('sms.inbox.noPair', { phone: item.phone ?? '' })
              )}
            </p>
            <p className="sms__body">{item.body}</p>
            <Form method="post" className="inline-form">
              <input type="hidden" name="smsId" value={item.id} />
              <button type="submit" name="intent" value="text-handled" className="secondary">
                {t('sms.inbox.handled')}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
