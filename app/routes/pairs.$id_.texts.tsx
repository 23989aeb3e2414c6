import crypto from 'node:crypto';
import { getFormProps, getTextareaProps, useForm } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useState } from 'react';
import { ChoiceGroup } from '~/components/choice-group';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorList, FormErrors } from '~/components/forms';
import { SmsSize } from '~/components/pair-texts';
import { useLanguage, useT } from '~/components/use-translation';
import { composeTextSchema } from '~/domain/sms/compose-form';
import type { z } from 'zod';
import { planSms } from '~/domain/sms/encoding';
import { checkVolunteerText, findPairForVolunteerText, sendVolunteerText } from '~/domain/sms/thread.server';
import { MAX_VOLUNTEER_TEXT, VOLUNTEER_TEMPLATE_KEYS, VOLUNTEER_TEMPLATES } from '~/domain/sms/texts';
import { requireUser } from '~/lib/auth.server';
import { currentTime } from '~/lib/clock';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import type { MessageKey } from '~/lib/i18n';
import { resolveLanguage } from '~/lib/language.server';
import { pageTitle } from '~/lib/page-title';
import { formatDateTime } from '~/lib/time';

/** The pair's volunteer writes a text to the participant: choose or write, review, then send. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'texts:send' });
  const { pair, texting } = await findPairForVolunteerText(user, params.id ?? '');
  return json({ pairId: pair.id, name: pair.participant.firstName, texting });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'texts:send' });
  const { pair, texting } = await findPairForVolunteerText(user, params.id ?? '');
  const submission = parseWithZod(await request.formData(), { schema: composeTextSchema });
  if (submission.status !== 'success') return json({ result: submission.reply(), review: null }, { status: 400 });
  const { intent, text, sendToken } = submission.value;
  const refused = (reason: string) =>
    json({ result: submission.reply({ formErrors: [errorMessage(`sms.cannot.${reason}` as MessageKey)] }), review: null }, { status: 400 });
  if (!texting.allowed) return refused(texting.reason);
  if (intent === 'review') {
    const check = await checkVolunteerText(pair.participantId);
    if (!check.allowed) return refused(check.reason);
    const plan = planSms(text);
    const later = check.sendAt.getTime() > currentTime().getTime() + 60_000 ? check.sendAt.toISOString() : null;
    return json({ result: submission.reply(), review: { text, segments: plan.segments, sendToken: crypto.randomUUID(), later } });
  }
  const queued = await sendVolunteerText(request, user, { pairId: pair.id, body: text, sendToken: sendToken! });
  if (!queued.queued) return refused(queued.reason);
  const later = queued.sendAt.getTime() > currentTime().getTime() + 60_000;
  return redirectWithFlash(`/pairs/${pair.id}#texts-title`, {
    kind: 'success',
    key: later ? 'sms.compose.sentLater' : 'sms.compose.sent',
    params: later ? { when: formatDateTime(queued.sendAt, await resolveLanguage(request, user)) } : undefined,
  });
}

export default function PairTextCompose() {
  const { pairId, name, texting } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const language = useLanguage();
  const [form, fields] = useForm<z.input<typeof composeTextSchema>>({
    id: 'compose-text',
    lastResult: actionData?.result,
    defaultValue: { templateLanguage: 'nb' },
    shouldValidate: 'onSubmit',
  });
  const [draft, setDraft] = useState(String(fields.body.initialValue ?? ''));
  const review = actionData?.review ?? null;
  const size = (text: string) => {
    const plan = planSms(text);
    return t('sms.size', { chars: Array.from(text).length, segments: plan.segments });
  };
  const templateOptions = VOLUNTEER_TEMPLATE_KEYS.map((key) => ({
    value: key,
    label: `${VOLUNTEER_TEMPLATES[key][language]} (${t('sms.compose.templateSize', { nb: size(VOLUNTEER_TEMPLATES[key].nb), en: size(VOLUNTEER_TEMPLATES[key].en) })})`,
  }));
  const bodyProps = getTextareaProps(fields.body, { ariaDescribedBy: 'body-hint body-size' });
  return (
    <>
      <h1>{t('sms.compose.title', { name })}</h1>
      <p>
        <Link to={`/pairs/${pairId}`}>{t('sms.compose.back')}</Link>
      </p>
      {!texting.allowed ? <p className="notice">{t(`sms.cannot.${texting.reason}` as MessageKey)}</p> : null}
      {review ? (
        <section aria-labelledby="review-title" className="sms-review">
          <h2 id="review-title">{t('sms.compose.confirmTitle')}</h2>
          <p>{t('sms.compose.confirmIntro')}</p>
          <p className="sms__body">{review.text}</p>
          <p>
            <SmsSize text={review.text} />
          </p>
          {review.later ? (
            <p className="notice">{t('sms.compose.laterNote', { when: formatDateTime(new Date(review.later), language) })}</p>
          ) : null}
          <Form method="post" className="actions">
            <input type="hidden" name="intent" value="send" />
            <input type="hidden" name="body" value={review.text} />
            <input type="hidden" name="sendToken" value={review.sendToken} />
            <button type="submit" className="primary">
              {t('sms.compose.confirm')}
            </button>
          </Form>
        </section>
      ) : null}
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <p>{t('sms.compose.intro')}</p>
        <ChoiceGroup meta={fields.template} legend={t('sms.compose.template')} options={templateOptions} />
        <ChoiceGroup
          meta={fields.templateLanguage}
          legend={t('sms.compose.templateLanguage')}
          options={[
            { value: 'nb', label: t('language.nb') },
            { value: 'en', label: t('language.en') },
          ]}
        />
        <div className="field">
          <label htmlFor={fields.body.id}>{t('sms.compose.body')}</label>
          <p className="hint" id="body-hint">
            {t('sms.compose.bodyHint')}
          </p>
          <textarea
            {...bodyProps}
            key={bodyProps.key}
            rows={4}
            maxLength={MAX_VOLUNTEER_TEXT}
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
          <SmsSize text={draft} id="body-size" />
          <ErrorList id={fields.body.errorId} errors={fields.body.errors} />
        </div>
        <div className="actions">
          <button type="submit" name="intent" value="review" className={review ? 'secondary' : 'primary'}>
            {review ? t('sms.compose.change') : t('sms.compose.preview')}
          </button>
        </div>
      </Form>
    </>
  );
}

export const meta = pageTitle('title.pairTexts');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
