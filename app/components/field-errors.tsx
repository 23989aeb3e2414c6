import { translateError } from '~/lib/form-errors';
import { useT } from './use-translation';

/**
 * Error messages under a field or a form, translated from the message keys the server's zod
 * schema answered with. No form library: a page without conform (the sign-in page) uses these
 * directly, and `forms.tsx` builds its conform fields on them.
 */
interface ErrorListProps {
  id?: string;
  errors?: string[] | null;
}

export function ErrorList({ id, errors }: ErrorListProps) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <div id={id}>
      {errors.map((error) => (
        <p key={error} className="field-error">
          {translateError(t, error)}
        </p>
      ))}
    </div>
  );
}

/** Form-level errors (e.g. a wrong password) announced to screen readers. */
export function FormErrors({ id, errors }: ErrorListProps) {
  if (!errors?.length) return null;
  return (
    <div className="form-errors" role="alert">
      <ErrorList id={id} errors={errors} />
    </div>
  );
}
