import type { FieldMetadata } from '@conform-to/react';
import type { ReactNode } from 'react';
import { ErrorList } from './forms';

/** A fieldset of radio buttons or checkboxes with a legend, for conform fields. */
export function ChoiceGroup({
  meta,
  legend,
  hint,
  options,
  multiple = false,
  inline = false,
}: {
  meta: FieldMetadata<unknown>;
  legend: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: string }[];
  multiple?: boolean;
  inline?: boolean;
}) {
  const initial = ([] as unknown[]).concat(meta.initialValue ?? []).map(String);
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const describedBy = [hintId, meta.errors?.length ? meta.errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="field" aria-describedby={describedBy} aria-invalid={meta.errors?.length ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className={inline ? 'choices choices--inline' : 'choices'}>
        {options.map((option) => {
          const id = `${meta.id}-${option.value}`;
          return (
            <div className="checkbox" key={option.value}>
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
