import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useLanguage, useT } from '~/components/use-translation';
import { formatPhone } from '~/domain/participants/phone';
import { devboxNumbers, devboxTexts } from '~/domain/sms/devbox.server';
import { receiveParticipantText } from '~/domain/meetings/text-replies.server';
import { requireUser } from '~/lib/auth.server';
import { env } from '~/lib/env.server';
import { redirectWithFlash } from '~/lib/flash.server';
import type { MessageKey } from '~/lib/i18n';
import { pageTitle } from '~/lib/page-title';
import { notFound } from '~/lib/permissions.server';
import { formatDateTime } from '~/lib/time';

const replySchema = z.object({ phone: z.string().regex(/^\+\d{8,15}$/), text: z.string().trim().min(1).max(500) });

/** Demo mode only, beside /mailbox: the texts the app has queued and received, and replying as the participant. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { capability: 'mailbox:view' });
  if (!env().DEMO_MODE) notFound();
  const [texts, numbers] = await Promise.all([devboxTexts(), devboxNumbers()]);
  return json({ texts, numbers });
}

/** The reply goes through the same handler as a deliver_sm from the SMSC. */
export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request, { capability: 'mailbox:view' });
  if (!env().DEMO_MODE) notFound();
  const parsed = replySchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response('Bad Request', { status: 400 });
  await receiveParticipantText(parsed.data.phone, parsed.data.text);
  return redirectWithFlash('/texts', { kind: 'success', key: 'sms.devbox.replied' });
}

export default function Texts() {
  const { texts, numbers } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <h1>{t('sms.devbox.title')}</h1>
      <p>{t('sms.devbox.intro')}</p>
      {numbers.map((phone) => (
        <Form method="post" className="form" key={phone}>
          <input type="hidden" name="phone" value={phone} />
          <div className="field">
            <label htmlFor={`reply-${phone}`}>{t('sms.devbox.replyText', { phone: formatPhone(phone) })}</label>
            <input id={`reply-${phone}`} name="text" required maxLength={500} />
          </div>
          <div className="actions">
            <button type="submit" className="secondary">
              {t('sms.devbox.send')}
            </button>
          </div>
        </Form>
      ))}
      {texts.length === 0 ? <p>{t('sms.devbox.empty')}</p> : null}
      <ul className="sms-thread">
        {texts.map((text) => (
          <li key={text.id} className={text.direction === 'IN' ? 'sms sms--in' : 'sms sms--out'}>
            <p className="muted">
              {text.direction === 'IN'
                ? t('sms.devbox.from', { phone: formatPhone(text.phone) })
                : t('sms.devbox.to', { phone: formatPhone(text.phone) })}
              {text.participant ? ` (${text.participant.firstName})` : ''} · {t(`sms.kind.${text.kind}` as MessageKey)} ·{' '}
              {formatDateTime(new Date(text.createdAt), language)} · {t(`sms.status.${text.status}` as MessageKey)} ·{' '}
              {t('sms.devbox.size', { encoding: text.encoding === 'UCS2' ? 'UCS-2' : 'GSM-7', segments: text.segments })}
            </p>
            <p className="sms__body">{text.body}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

export const meta = pageTitle('title.texts');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
