import type { SubmissionResult } from '@conform-to/dom';
import type { ReactNode } from 'react';
import { ErrorList } from './field-errors';

/**
 * Fields for a form that the server alone validates and that ships no form library to the
 * browser (the sign-in page, the first page a phone loads). The action answers with the same
 * `submission.reply()` as every other form; these read its errors and echoed values, and give
 * the field the same label, `aria-invalid` and `aria-describedby` as the conform fields in
 * `forms.tsx`.
 */
export interface PlainReply {
  formErrors: string[] | undefined;
  errorsOf: (name: string) => string[] | undefined;
  valueOf: (name: string) => string | undefined;
}

export function plainReply(result: SubmissionResult<string[]> | undefined): PlainReply {
  const errors = result?.error ?? {};
  const values = (result?.initialValue ?? {}) as Record<string, unknown>;
  return {
    formErrors: errors[''] ?? undefined,
    errorsOf: (name) => errors[name] ?? undefined,
    valueOf: (name) => (typeof values[name] === 'string' ? values[name] : undefined),
  };
}

export function formErrorId(formId: string): string {
  return `${formId}-form-error`;
}

type InputType = 'text' | 'email' | 'password';

export function PlainTextField({
  formId,
  name,
  label,
  reply,
  type = 'text',
  autoComplete,
}: {
  formId: string;
  name: string;
  label: ReactNode;
  reply: PlainReply;
  type?: InputType;
  autoComplete?: string;
}) {
  const id = `${formId}-field-${name}`;
  const errorId = `${id}-error`;
  const errors = reply.errorsOf(name);
  const invalid = Boolean(errors?.length);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={reply.valueOf(name)}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
      />
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}
