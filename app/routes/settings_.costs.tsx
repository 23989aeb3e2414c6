import { getFormProps, useForm } from '@conform-to/react';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormErrors, SelectField, TextareaField, TextField } from '~/components/forms';
import { useLanguage, useT } from '~/components/use-translation';
import { COST_CATEGORIES, costHalfYears, parseNokAmount } from '~/domain/settings/costs';
import { deleteProgrammeCost, listProgrammeCosts, recordProgrammeCost } from '~/domain/settings/costs.server';
import { requireUser } from '~/lib/auth.server';
import { currentTime } from '~/lib/clock';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { parseWithZod } from '~/lib/form-submission.server';
import { formatHalfYear, formatNok } from '~/lib/format';
import type { MessageKey } from '~/lib/i18n';
import { pageTitle } from '~/lib/page-title';

const addSchema = z.object({
  intent: z.literal('add'),
  halfYear: z
    .string({ error: errorMessage('costs.invalidHalfYear') })
    .regex(/^\d{4}-H[12]$/, { error: errorMessage('costs.invalidHalfYear') }),
  amount: z
    .string({ error: errorMessage('costs.invalidAmount') })
    .max(40, { error: errorMessage('costs.invalidAmount') })
    .transform((text, ctx) => {
      const ore = parseNokAmount(text);
      if (ore === null) {
        ctx.addIssue({ code: 'custom', message: errorMessage('costs.invalidAmount') });
        return z.NEVER;
      }
      return ore;
    }),
  category: z.enum(COST_CATEGORIES, { error: errorMessage('costs.invalidCategory') }),
  note: z.string().trim().max(500).optional(),
});

const deleteSchema = z.object({ intent: z.literal('delete'), id: z.string().min(1).max(100) });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { capability: 'settings:manage' });
  return json({ halfYears: costHalfYears(currentTime()), costs: await listProgrammeCosts() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'settings:manage' });
  const formData = await request.formData();
  if (formData.get('intent') === 'delete') {
    const submission = parseWithZod(formData, { schema: deleteSchema });
    if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 });
    const deleted = await deleteProgrammeCost(request, user.id, submission.value.id);
    return redirectWithFlash(
      '/settings/costs',
      deleted ? { kind: 'success', key: 'costs.deleted' } : { kind: 'error', key: 'costs.notFound' },
    );
  }
  const submission = parseWithZod(formData, { schema: addSchema });
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 });
  const { halfYear, amount, category, note } = submission.value;
  if (!costHalfYears(currentTime()).includes(halfYear)) {
    return json({ result: submission.reply({ fieldErrors: { halfYear: [errorMessage('costs.invalidHalfYear')] } }) }, { status: 400 });
  }
  await recordProgrammeCost(request, user.id, { halfYear, amountOre: amount, category, note: note || null });
  return redirectWithFlash('/settings/costs', { kind: 'success', key: 'costs.added' });
}

export default function Costs() {
  const { halfYears, costs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const language = useLanguage();
  const [form, fields] = useForm<z.input<typeof addSchema>>({
    id: 'add-cost',
    lastResult: actionData?.result,
    defaultValue: { halfYear: halfYears[0], category: 'STAFF' },
    shouldValidate: 'onSubmit',
  });
  const total = costs.reduce((sum, cost) => sum + cost.amountOre, 0);
  return (
    <>
      <h1>{t('costs.title')}</h1>
      <p>
        <Link to="/settings">{t('costs.toSettings')}</Link>
      </p>
      <p>{t('costs.intro')}</p>
      <section aria-labelledby="add-cost-title">
        <h2 id="add-cost-title">{t('costs.addTitle')}</h2>
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="add" />
          <SelectField
            meta={fields.halfYear}
            label={t('costs.halfYear')}
            options={halfYears.map((key) => ({ value: key, label: formatHalfYear(key, language) }))}
          />
          <TextField meta={fields.amount} label={t('costs.amount')} hint={t('costs.amountHint')} />
          <SelectField
            meta={fields.category}
            label={t('costs.category')}
            options={COST_CATEGORIES.map((key) => ({ value: key, label: t(`costs.category.${key}`) }))}
          />
          <TextareaField meta={fields.note} label={t('costs.note')} rows={2} />
          <div className="actions">
            <button type="submit" className="primary">
              {t('costs.add')}
            </button>
          </div>
        </Form>
      </section>
      <section aria-labelledby="cost-list-title">
        <h2 id="cost-list-title">{t('costs.listTitle')}</h2>
        {costs.length === 0 ? (
          <p className="muted">{t('costs.none')}</p>
        ) : (
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{t('costs.halfYear')}</th>
                <th scope="col">{t('costs.category')}</th>
                <th scope="col">{t('costs.amount')}</th>
                <th scope="col">{t('costs.note')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('costs.delete')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {costs.map((cost) => {
                const amount = formatNok(cost.amountOre, language);
                const halfYear = formatHalfYear(cost.halfYear, language);
                return (
                  <tr key={cost.id} data-cost={cost.id}>
                    <td>{halfYear}</td>
                    <td>{t(`costs.category.${cost.category}` as MessageKey)}</td>
                    <td>{amount}</td>
                    <td>{cost.note ?? ''}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="delete" />
                        <input type="hidden" name="id" value={cost.id} />
                        <button type="submit" className="secondary" aria-label={t('costs.deleteLabel', { amount, halfYear })}>
                          {t('costs.delete')}
                        </button>
                      </Form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('costs.total')}
                </th>
                <td>{formatNok(total, language)}</td>
                <td colSpan={2} />
              </tr>
            </tfoot>
          </table>
        )}
      </section>
    </>
  );
}

export const meta = pageTitle('title.costs');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
