import { getFormProps, useForm } from '@conform-to/react';
import { Form, useActionData } from '@remix-run/react';
import { REVIEW_STATUSES } from '~/domain/plans/areas';
import type { reviewSchema } from '~/domain/plans/plan-form';
import type { PlanPageData } from '~/domain/plans/plan-page';
import type { z } from 'zod';
import { FormErrors, SelectField, TextareaField, TextField } from '../forms';
import { areaLabel } from '../plan';
import { useT } from '../use-translation';
import type { PlanReply } from './reply';

/** A new review: each area's status (the latest as default) and a note. */
export function ReviewForm({ data }: { data: PlanPageData }) {
  const t = useT();
  const actionData = useActionData<PlanReply>();
  const areas = data.plan?.areas ?? [];
  const [form, fields] = useForm<z.input<typeof reviewSchema>>({
    id: 'plan-review',
    lastResult: actionData?.intent === 'review' ? actionData.result : undefined,
    defaultValue: {
      intent: 'review',
      reviewedOn: data.today,
      items: areas.map((area) => ({ areaKey: area.areaKey, status: data.latest[area.areaKey]?.status ?? 'NOT_STARTED', note: '' })),
    },
    shouldValidate: 'onSubmit',
  });
  const items = fields.items.getFieldList();
  return (
    <>
      <h3 id="review-title">{t('plans.newReview')}</h3>
      <Form method="post" className="form" aria-labelledby="review-title" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="review" />
        <TextField meta={fields.reviewedOn} label={t('plans.reviewedOn')} type="date" max={data.today} />
        {items.map((item, index) => {
          const itemFields = item.getFieldset();
          const area = areas[index];
          if (!area) return null;
          return (
            <fieldset key={item.key} className="plan-review-item">
              <legend>{areaLabel(t, area)}</legend>
              <input type="hidden" name={itemFields.areaKey.name} value={area.areaKey} />
              <SelectField
                meta={itemFields.status}
                label={t('plans.areaStatus')}
                options={REVIEW_STATUSES.map((status) => ({ value: status, label: t(`plans.status.${status}`) }))}
              />
              <TextField meta={itemFields.note} label={t('plans.areaNote')} />
            </fieldset>
          );
        })}
        <TextareaField meta={fields.note} label={t('plans.reviewNote')} rows={3} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('plans.saveReview')}
          </button>
        </div>
      </Form>
    </>
  );
}
