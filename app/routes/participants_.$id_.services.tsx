import { z } from 'zod';
import { getFormProps, useForm } from '@conform-to/react';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormErrors, SelectField, TextareaField } from '~/components/forms';
import { useLanguage, useT } from '~/components/use-translation';
import { TRACKER_ITEMS, TRACKER_OWNERS, TRACKER_STATUSES, type TrackerItem } from '~/domain/participants/service-tracker';
import { serviceTracker, trackedParticipant, updateTrackerItem } from '~/domain/participants/service-tracker.server';
import { requireUser } from '~/lib/auth.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { parseWithZod } from '~/lib/form-submission.server';
import { pageTitle } from '~/lib/page-title';
import { formatDate } from '~/lib/time';
import { optionalText } from '~/lib/validation';

const itemSchema = z.object({
  item: z.enum(TRACKER_ITEMS, { error: errorMessage('services.invalidItem') }),
  status: z.enum(TRACKER_STATUSES, { error: errorMessage('services.invalidStatus') }),
  owner: z.enum(TRACKER_OWNERS, { error: errorMessage('services.invalidOwner') }).optional(),
  note: optionalText(500),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'services:track' });
  const tracker = await serviceTracker(request, user, params.id ?? '');
  return json({ tracker });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'services:track' });
  const participantId = params.id ?? '';
  // The record check first: a stranger's participant is a 404 whatever the form holds.
  const participant = await trackedParticipant(user, participantId);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: itemSchema });
  const posted = formData.get('item');
  const item = (TRACKER_ITEMS as readonly unknown[]).includes(posted) ? (posted as TrackerItem) : null;
  if (submission.status !== 'success') return json({ item, result: submission.reply() }, { status: 400 });
  const { status, note, owner } = submission.value;
  await updateTrackerItem(request, user, participant.id, { item: submission.value.item, status, note: note ?? null, owner });
  return redirectWithFlash(`/participants/${participant.id}/services#service-${submission.value.item}`, {
    kind: 'success',
    key: 'services.saved',
  });
}

export default function ServicesTracker() {
  const { tracker } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const language = useLanguage();
  const { participant } = tracker;
  const done = tracker.rows.filter((row) => row.status === 'DONE' || row.status === 'NOT_NEEDED').length;
  const overdue = tracker.rows.filter((row) => row.overdue).length;
  return (
    <>
      <h1>{t('services.title', { name: participant.firstName })}</h1>
      <p>{t('services.intro', { date: formatDate(participant.releaseDate, language) })}</p>
      <p>
        {overdue > 0
          ? t('services.summaryOverdue', { done, total: tracker.rows.length, overdue })
          : t('services.summary', { done, total: tracker.rows.length })}
      </p>
      {actionData && !actionData.item ? <FormErrors id="services-errors" errors={[errorMessage('services.invalidItem')]} /> : null}
      {tracker.rows.map((row) => (
        <ItemCard key={row.item} row={row} />
      ))}
      <p>
        <Link to={tracker.backPath}>{t('services.back')}</Link>
      </p>
    </>
  );
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['tracker']['rows'][number];

function ItemCard({ row }: { row: Row }) {
  const { tracker } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const language = useLanguage();
  const itemName = t(`services.item.${row.item}`);
  const headingId = `service-${row.item}`;
  const [form, fields] = useForm<z.input<typeof itemSchema>>({
    id: `tracker-${row.item}`,
    lastResult: actionData?.item === row.item ? actionData.result : undefined,
    defaultValue: { item: row.item, status: row.status, owner: row.owner, note: row.note ?? '' },
    shouldValidate: 'onSubmit',
  });
  return (
    <section aria-labelledby={headingId} className="card service-item">
      <h2 id={headingId}>
        {itemName}
        {row.overdue ? <span className="badge status status--overdue"> {t('services.overdueBadge')}</span> : null}
      </h2>
      <dl className="details">
        <dt>{t('services.deadline')}</dt>
        <dd>{formatDate(row.deadline, language)}</dd>
        <dt>{t('services.owner')}</dt>
        <dd>{t(`services.ownerValue.${row.owner}`)}</dd>
        <dt>{t('services.status')}</dt>
        <dd>{t(`services.statusValue.${row.status}`)}</dd>
        {row.confirmedAt ? (
          <>
            <dt>{t('services.confirmed')}</dt>
            <dd>
              {t('services.confirmedBy', { name: row.confirmedByName ?? '–', date: formatDate(new Date(row.confirmedAt), language) })}
            </dd>
          </>
        ) : null}
        {row.note ? (
          <>
            <dt>{t('services.note')}</dt>
            <dd className="prewrap">{row.note}</dd>
          </>
        ) : null}
      </dl>
      {row.mayUpdate ? (
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name={fields.item.name} value={row.item} />
          <SelectField
            meta={fields.status}
            label={t('services.status')}
            options={TRACKER_STATUSES.map((value) => ({ value, label: t(`services.statusValue.${value}`) }))}
          />
          {tracker.mayChooseOwner ? (
            <SelectField
              meta={fields.owner}
              label={t('services.owner')}
              options={TRACKER_OWNERS.map((value) => ({ value, label: t(`services.ownerValue.${value}`) }))}
            />
          ) : null}
          <TextareaField meta={fields.note} label={t('services.note')} hint={t('services.noteHint')} rows={2} />
          <div className="actions">
            <button type="submit" className="primary">
              {t('services.saveItem', { item: itemName })}
            </button>
          </div>
        </Form>
      ) : (
        <p className="hint">{t('services.notYours')}</p>
      )}
    </section>
  );
}

export const meta = pageTitle('title.services');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
