import { getFormProps, useForm, type FieldMetadata } from '@conform-to/react';
import { Form, Link, useActionData } from '@remix-run/react';
import { GOODS, isStandardArea, type Good } from '~/domain/plans/areas';
import { blankArea, emptyPlanAreas, isOwnArea, NEW_AREA_KEY, TEXT_COLUMNS } from '~/domain/plans/plan-content';
import type { planSchema } from '~/domain/plans/plan-form';
import type { PlanPageData } from '~/domain/plans/plan-page';
import type { z } from 'zod';
import { ErrorList, FormErrors, TextareaField, TextField } from '../forms';
import { useT } from '../use-translation';
import type { PlanReply } from './reply';

/** The plan's editor: every area's columns, and one blank area to add the participant's own. */
export function PlanEditor({ data }: { data: PlanPageData }) {
  const t = useT();
  const actionData = useActionData<PlanReply>();
  const startAreas = data.plan?.areas ?? emptyPlanAreas();
  const [form, fields] = useForm<z.input<typeof planSchema>>({
    id: 'plan-editor',
    lastResult: actionData?.intent === 'save' ? actionData.result : undefined,
    defaultValue: {
      intent: 'save',
      baseVersion: String(data.plan?.current.number ?? 0),
      areas: [...startAreas, blankArea(NEW_AREA_KEY)].map((area) => ({
        areaKey: area.areaKey,
        title: area.title ?? '',
        goods: area.goods,
        ...Object.fromEntries(TEXT_COLUMNS.map((column) => [column, area[column] ?? ''])),
      })),
    },
    shouldValidate: 'onSubmit',
  });
  return (
    <>
      <h2 id="editor-title">{data.plan ? t('plans.editTitle') : t('plans.noneEditor')}</h2>
      <Form method="post" className="form plan-editor" aria-labelledby="editor-title" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name={fields.baseVersion.name} value={fields.baseVersion.initialValue ?? '0'} />
        {fields.areas.getFieldList().map((areaMeta) => {
          const area = areaMeta.getFieldset();
          const areaKey = area.areaKey.initialValue ?? '';
          const isNew = areaKey === NEW_AREA_KEY;
          const legend = isStandardArea(areaKey)
            ? t(`plans.area.${areaKey}`)
            : isNew
              ? t('plans.newArea')
              : `${t('plans.ownArea')}: ${area.title.initialValue ?? ''}`;
          return (
            <fieldset key={areaMeta.key} className="plan-area-fields">
              <legend>{legend}</legend>
              <input type="hidden" name={area.areaKey.name} value={areaKey} />
              {isOwnArea(areaKey) ? (
                <TextField meta={area.title} label={t('plans.areaTitle')} hint={isNew ? t('plans.newAreaHint') : t('plans.ownAreaHint')} />
              ) : null}
              <TextareaField meta={area.future} label={t('plans.column.future')} hint={t('plans.help.future')} rows={3} />
              <GoodsField meta={area.goods} />
              {TEXT_COLUMNS.filter((column) => column !== 'future').map((column) => (
                <TextareaField
                  key={column}
                  meta={area[column]}
                  label={t(`plans.column.${column}`)}
                  hint={t(`plans.help.${column}`)}
                  rows={3}
                />
              ))}
            </fieldset>
          );
        })}
        <div className="actions">
          <button type="submit" className="primary">
            {t('plans.save')}
          </button>
          <Link to=".">{t('form.cancel')}</Link>
        </div>
      </Form>
    </>
  );
}

function GoodsField({ meta }: { meta: FieldMetadata<Good[] | undefined> }) {
  const t = useT();
  const initial = ([] as unknown[]).concat(meta.initialValue ?? []);
  const hintId = `${meta.id}-hint`;
  return (
    <fieldset className="field plan-goods" aria-describedby={hintId}>
      <legend>{t('plans.column.goods')}</legend>
      <p className="hint" id={hintId}>
        {t('plans.help.goods')}
      </p>
      <div className="plan-goods__options">
        {GOODS.map((good) => (
          <div className="checkbox" key={`${meta.key ?? ''}-${good}`}>
            <input type="checkbox" id={`${meta.id}-${good}`} name={meta.name} value={good} defaultChecked={initial.includes(good)} />
            <label htmlFor={`${meta.id}-${good}`}>{t(`plans.good.${good}`)}</label>
          </div>
        ))}
      </div>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}
