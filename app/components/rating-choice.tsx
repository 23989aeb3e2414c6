import type { FieldMetadata } from '@conform-to/react';
import type { ReactNode } from 'react';
import { ErrorList } from './forms';

/**
 * A 1–n rating as real radio buttons, each a 44×44 px target with its number on it, in one
 * row that fits a 360 px phone. Arrow keys move between them like any radio group.
 */
export function RatingChoice({ meta, legend, hint, max = 5 }: { meta: FieldMetadata<unknown>; legend: ReactNode; hint?: ReactNode; max?: number }) {
  const initial = typeof meta.initialValue === 'string' ? meta.initialValue : undefined;
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const describedBy = [hintId, meta.errors?.length ? meta.errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="field rating" aria-describedby={describedBy} aria-invalid={meta.errors?.length ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className="rating__options">
        {Array.from({ length: max }, (_, index) => String(index + 1)).map((value) => (
          <label className="rating__option" key={`${meta.key ?? ''}-${value}`}>
            <input type="radio" name={meta.name} value={value} defaultChecked={initial === value} />
            <span>{value}</span>
          </label>
        ))}
      </div>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}
