import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { BulkConfirmation, BulkSelectForm, useBulkForm } from '~/components/bulk-selection';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { SelectField, TextField } from '~/components/forms';
import { useLanguage, useT } from '~/components/use-translation';
import { bulkScheduleSupport, selectablePairs, selectedPairs } from '~/domain/pairs/bulk.server';
import { SUPPORT_WITH } from '~/domain/pairs/support';
import { BULK_LIMIT, selectedIdsField } from '~/domain/volunteers/bulk';
import { exportPairs } from '~/domain/reports/selection-export.server';
import { requireUser } from '~/lib/auth.server';
import { csvDownload } from '~/lib/csv-download';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { parseWithZod } from '~/lib/form-submission.server';
import type { MessageKey } from '~/lib/i18n';
import { pageTitle } from '~/lib/page-title';
import { notFound } from '~/lib/permissions.server';
import { formatDate, isIsoDate } from '~/lib/time';
import { optionalText } from '~/lib/validation';

const BULK_ACTIONS = ['support', 'export'] as const;

const bulkSchema = z
  .object({
    intent: z.enum(['review', 'confirm']),
    bulkAction: z.enum(BULK_ACTIONS, { error: errorMessage('form.required') }),
    ids: selectedIdsField,
    withWhom: z.enum(SUPPORT_WITH).optional(),
    dueDate: z.string().optional(),
    note: optionalText(500),
  })
  .superRefine((value, ctx) => {
    if (value.bulkAction !== 'support') return;
    if (!value.withWhom) ctx.addIssue({ code: 'custom', path: ['withWhom'], message: errorMessage('form.required') });
    if (!value.dueDate) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: errorMessage('form.required') });
    else if (!isIsoDate(value.dueDate)) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: errorMessage('form.invalidDate') });
  });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { capability: 'pairs:bulk' });
  return json({ pairs: await selectablePairs() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'pairs:bulk' });
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: bulkSchema });
  if (submission.status !== 'success') return json({ step: 'select' as const, result: submission.reply() }, { status: 400 });
  const value = submission.value;
  if (value.intent === 'review') {
    const pairs = await selectedPairs(value.ids);
    if (pairs.length === 0) notFound();
    return json({
      step: 'confirm' as const,
      bulkAction: value.bulkAction,
      ids: pairs.map((pair) => pair.id),
      names: pairs.map((pair) => pair.name),
      withWhom: value.withWhom ?? '',
      dueDate: value.dueDate ?? '',
      note: value.note ?? '',
    });
  }
  if (value.bulkAction === 'support') {
    const count = await bulkScheduleSupport(
      request,
      user,
      { withWhom: value.withWhom!, dueDate: value.dueDate!, note: value.note },
      value.ids,
    );
    return redirectWithFlash('/pairs/bulk', { kind: 'success', key: 'bulk.supportFlash', params: { count } });
  }
  const csv = await exportPairs(request, user, value.ids, user.language === 'en' ? 'en' : 'nb');
  return csvDownload(csv, 'brobygger-par.csv');
}

interface Confirm {
  bulkAction: (typeof BULK_ACTIONS)[number];
  withWhom: string;
  dueDate: string;
  note: string;
}

export default function PairsBulk() {
  const { pairs } = useLoaderData<typeof loader>();
  const { actionData, form, fields } = useBulkForm<z.input<typeof bulkSchema>, Confirm>('pairs-bulk');
  const t = useT();
  const language = useLanguage();
  if (actionData?.step === 'confirm') {
    const count = actionData.ids.length;
    const support = actionData.bulkAction === 'support';
    return (
      <>
        <h1>{t('bulk.pairsTitle')}</h1>
        <BulkConfirmation
          heading={
            support
              ? t('bulk.confirmSupport', {
                  count,
                  date: formatDate(actionData.dueDate, language),
                  withWhom: t(`meetings.support.with.${actionData.withWhom}` as MessageKey),
                })
              : t('bulk.confirmExportPairs', { count })
          }
          summary={t(support ? 'bulk.summary.support' : 'bulk.summary.exportPairs', { count })}
          names={actionData.names}
          fields={{
            bulkAction: actionData.bulkAction,
            ids: actionData.ids,
            withWhom: actionData.withWhom,
            dueDate: actionData.dueDate,
            note: actionData.note,
          }}
          confirmLabel={t(support ? 'bulk.do.support' : 'bulk.do.export', { count })}
          backHref="/pairs/bulk"
          download={!support}
        />
      </>
    );
  }
  return (
    <>
      <p>
        <Link to="/pairs">{t('bulk.toPairs')}</Link>
      </p>
      <h1>{t('bulk.pairsTitle')}</h1>
      <p>{t('bulk.intro', { max: BULK_LIMIT })}</p>
      <BulkSelectForm
        form={form}
        fields={fields}
        actions={BULK_ACTIONS}
        legend={t('bulk.selectPairs', { count: pairs.length })}
        items={pairs.map((pair) => ({
          id: pair.id,
          label: pair.name,
          detail: pair.startDate ? `${pair.municipality} · ${t('bulk.since', { date: pair.startDate })}` : pair.municipality,
        }))}
      >
        <SelectField
          meta={fields.withWhom}
          label={t('meetings.support.withWhom')}
          hint={t('bulk.supportHint')}
          options={[
            { value: '', label: t('bulk.chooseWithWhom') },
            ...SUPPORT_WITH.map((option) => ({ value: option, label: t(`meetings.support.with.${option}` as MessageKey) })),
          ]}
        />
        <TextField meta={fields.dueDate} type="date" label={t('bulk.dueDate')} />
        <TextField meta={fields.note} label={t('meetings.support.note')} />
      </BulkSelectForm>
    </>
  );
}

export const meta = pageTitle('title.pairsBulk');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
