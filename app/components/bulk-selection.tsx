import { getFormProps, useForm, type FieldMetadata, type FormMetadata, type SubmissionResult } from '@conform-to/react';
import { Form, Link, useActionData } from '@remix-run/react';
import type { ReactNode } from 'react';
import type { MessageKey } from '~/lib/i18n';
import { ErrorList, FormErrors, SelectField } from './forms';
import { useT } from './use-translation';

export interface SelectableItem {
  id: string;
  label: string;
  detail?: string;
}

/**
 * The selection step of a bulk action: one checkbox per record, none chosen beforehand (a
 * previous submit's choice comes back after an error). The legend says how many there are.
 */
export function BulkSelectionList({
  legend,
  items,
  selected = [],
  errors,
  errorId,
}: {
  legend: string;
  items: SelectableItem[];
  selected?: readonly string[];
  errors?: string[];
  errorId: string;
}) {
  const t = useT();
  return (
    <fieldset className="bulk-selection" aria-describedby={errors?.length ? errorId : undefined}>
      <legend>{legend}</legend>
      <ErrorList id={errorId} errors={errors} />
      {items.length === 0 ? <p className="muted">{t('bulk.nothingToSelect')}</p> : null}
      <ul className="bulk-selection__list">
        {items.map((item) => (
          <li key={item.id} className="checkbox">
            <input type="checkbox" id={`select-${item.id}`} name="ids" value={item.id} defaultChecked={selected.includes(item.id)} />
            <label htmlFor={`select-${item.id}`}>
              {item.label}
              {item.detail ? <span className="muted"> · {item.detail}</span> : null}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/**
 * What a bulk page's action answers: the selection again with its errors, or the confirmation
 * of the chosen records with the action's own values (`Confirm`).
 */
export type BulkReply<Confirm> =
  { step: 'select'; result: SubmissionResult<string[]> } | ({ step: 'confirm'; ids: string[]; names: string[] } & Confirm);

/**
 * A bulk page's form state: the action's reply (the action also answers with a CSV download,
 * which no page renders: only its JSON replies come here) and the selection form, showing the
 * previous submit's values and errors.
 */
export function useBulkForm<Schema extends Record<string, unknown>, Confirm>(id: string) {
  const actionData = useActionData<BulkReply<Confirm>>();
  const [form, fields] = useForm<Schema>({
    id,
    lastResult: actionData?.step === 'select' ? actionData.result : undefined,
    shouldValidate: 'onSubmit',
  });
  return { actionData, form, fields };
}

/**
 * The whole selection step of a bulk page: the records to tick, the action to take (each
 * action's label is `bulk.action.<action>`), the action's own fields as children, and the
 * button that leads to the confirmation.
 */
export function BulkSelectForm<Schema extends Record<string, unknown>>({
  form,
  fields: { ids, bulkAction },
  actions,
  legend,
  items,
  children,
}: {
  form: FormMetadata<Schema, string[]>;
  fields: { ids: FieldMetadata<unknown>; bulkAction: FieldMetadata<unknown> };
  actions: readonly string[];
  legend: string;
  items: SelectableItem[];
  children?: ReactNode;
}) {
  const t = useT();
  const selected = (ids.initialValue as string[] | string | undefined) ?? [];
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="review" />
      <BulkSelectionList
        legend={legend}
        items={items}
        selected={Array.isArray(selected) ? selected : [selected]}
        errors={ids.errors}
        errorId={ids.errorId}
      />
      <SelectField
        meta={bulkAction}
        label={t('bulk.action')}
        options={[
          { value: '', label: t('bulk.chooseAction') },
          ...actions.map((option) => ({ value: option, label: t(`bulk.action.${option}` as MessageKey) })),
        ]}
      />
      {children}
      <div className="actions">
        <button type="submit" className="primary">
          {t('bulk.review')}
        </button>
      </div>
    </Form>
  );
}

/**
 * The confirmation step: what will happen, to how many, and who they are; the ids travel on
 * as hidden fields, so what is confirmed is exactly what was shown. An export is a download,
 * so its form is sent as a plain document request.
 */
export function BulkConfirmation({
  heading,
  summary,
  names,
  fields,
  confirmLabel,
  backHref,
  download = false,
  children,
}: {
  heading: string;
  summary: string;
  names: string[];
  fields: Record<string, string | string[]>;
  confirmLabel: string;
  backHref: string;
  download?: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <section className="card bulk-confirmation" aria-labelledby="bulk-confirm-title">
      <h2 id="bulk-confirm-title">{heading}</h2>
      <p>{summary}</p>
      {children}
      <ul className="bulk-confirmation__names">
        {names.map((name, index) => (
          <li key={index}>{name}</li>
        ))}
      </ul>
      <Form method="post" reloadDocument={download}>
        <input type="hidden" name="intent" value="confirm" />
        {Object.entries(fields).flatMap(([name, value]) =>
          (Array.isArray(value) ? value : [value]).map((item, index) => (
            <input key={`${name}-${index}`} type="hidden" name={name} value={item} />
          )),
        )}
        <div className="actions">
          <button type="submit" className="primary">
            {confirmLabel}
          </button>
          <Link to={backHref} className="button secondary">
            {t('bulk.back')}
          </Link>
        </div>
      </Form>
    </section>
  );
}
