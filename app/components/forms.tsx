import type { FieldMetadata } from '@conform-to/react';
import { getInputProps, getSelectProps, getTextareaProps } from '@conform-to/react';
import type { ReactNode } from 'react';
import { ErrorList } from './field-errors';

export { ErrorList, FormErrors } from './field-errors';

interface FieldProps {
  meta: FieldMetadata<unknown>;
  label: ReactNode;
  hint?: ReactNode;
}

type InputType = 'text' | 'email' | 'password' | 'date' | 'time' | 'number' | 'tel' | 'search' | 'datetime-local';

export function TextField({
  meta,
  label,
  hint,
  type = 'text',
  autoComplete,
  ...rest
}: FieldProps & {
  type?: InputType;
  autoComplete?: string;
  min?: string | number;
  max?: string | number;
  step?: string | number;
  list?: string;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const props = getInputProps(meta, { type, ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input {...props} autoComplete={autoComplete} {...rest} key={props.key} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function TextareaField({ meta, label, hint, rows = 4 }: FieldProps & { rows?: number }) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const props = getTextareaProps(meta, { ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <textarea {...props} key={props.key} rows={rows} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function SelectField({ meta, label, hint, options }: FieldProps & { options: { value: string; label: string }[] }) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const props = getSelectProps(meta, { ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <select {...props} key={props.key}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function CheckboxField({ meta, label, hint }: FieldProps) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const props = getInputProps(meta, { type: 'checkbox', ariaDescribedBy: hintId });
  return (
    <div className="field">
      <div className="checkbox">
        <input {...props} key={props.key} />
        <label htmlFor={meta.id}>{label}</label>
      </div>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}
