import type { FieldMetadata } from '@conform-to/react';
import type { ReactNode } from 'react';
import { ErrorList } from './forms';

const LAYOUTS = {
  /** One option a line, the label beside its box. */
  list: { fieldset: 'field', options: 'choices', option: 'checkbox' },
  /** One row of 44×44 px round targets with the label on them (a 1–5 rating on a 360 px phone). */
  rating: { fieldset: 'field rating', options: 'rating__options', option: 'rating__option' },
} as const;

/** The options of a 1–5 rating, for the rating layout. */
export const RATING_OPTIONS = ['1', '2', '3', '4', '5'].map((value) => ({ value, label: value }));

/**
 * A fieldset of radio buttons or checkboxes with a legend, for conform fields. Real inputs in
 * both layouts, so arrow keys move between radio buttons as in any radio group.
 */
export function ChoiceGroup({
  meta,
  legend,
  hint,
  options,
  multiple = false,
  layout = 'list',
}: {
  meta: FieldMetadata<unknown>;
  legend: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: string }[];
  multiple?: boolean;
  layout?: keyof typeof LAYOUTS;
}) {
  const classes = LAYOUTS[layout];
  const initial = ([] as unknown[]).concat(meta.initialValue ?? []).map(String);
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const describedBy = [hintId, meta.errors?.length ? meta.errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={classes.fieldset} aria-describedby={describedBy} aria-invalid={meta.errors?.length ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className={classes.options}>
        {options.map((option) => {
          const id = `${meta.id}-${option.value}`;
          return (
            <div className={classes.option} key={option.value}>
              <input
                type={multiple ? 'checkbox' : 'radio'}
                id={id}
                name={meta.name}
                value={option.value}
                defaultChecked={initial.includes(option.value)}
                key={`${meta.key ?? ''}-${option.value}`}
              />
              <label htmlFor={id}>{option.label}</label>
            </div>
          );
        })}
      </div>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}
