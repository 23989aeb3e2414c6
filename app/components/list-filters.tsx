import { Form, Link, useLocation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { RELEASE_WINDOWS } from '~/domain/participants/release-window';
import { useT } from './use-translation';

/** A filter in force, as the person reads it: what it filters ("Prison") and its value. */
export interface ActiveFilter {
  name: string;
  label: string;
  value: string;
}

/**
 * A list's filter form: a GET form (works without JavaScript), each field labelled, with the
 * filters in force listed under it, each with a link that clears it alone (the page goes back to 1).
 */
export function ListFilters({
  titleId,
  reset,
  filtered,
  active = [],
  children,
}: {
  titleId: string;
  reset: string;
  filtered: boolean;
  active?: ActiveFilter[];
  children: ReactNode;
}) {
  const t = useT();
  const { search } = useLocation();
  const without = (name: string) => {
    const params = new URLSearchParams(search);
    params.delete(name);
    params.delete('page');
    const query = params.toString();
    // A list without any parameter would bring the saved view back: an empty status keeps the choice.
    return query === '' ? `?${name}=` : `?${query}`;
  };
  return (
    <Form method="get" className="filters" aria-labelledby={titleId}>
      <h2 id={titleId} className="visually-hidden">
        {t('lists.filters')}
      </h2>
      {children}
      <div className="actions">
        <button type="submit" className="primary">
          {t('lists.apply')}
        </button>
        {filtered ? (
          <Link to={reset} className="button secondary">
            {t('lists.reset')}
          </Link>
        ) : null}
      </div>
      {active.length > 0 ? (
        <div className="active-filters">
          <h3 id={`${titleId}-active`} className="visually-hidden">
            {t('lists.active')}
          </h3>
          <ul aria-labelledby={`${titleId}-active`} className="actions">
            {active.map((filter) => (
              <li key={filter.name}>
                <Link to={without(filter.name)} className="badge">
                  {t('lists.removeFilter', { filter: filter.label, value: filter.value })}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Form>
  );
}

/** A labelled choice of a list's filter; the first option ("any") is no filter. */
export function SelectFilter({
  id,
  name,
  label,
  value,
  any,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  any?: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''}>
        {any !== undefined ? <option value="">{any}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled search field of a list (part of a name). */
export function SearchFilter({ id, name, label, value }: { id: string; name: string; label: string; value: string | undefined }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type="search" maxLength={100} autoComplete="off" defaultValue={value ?? ''} />
    </div>
  );
}

/** The release window filter (`release`), the same on every list. */
export function ReleaseFilter({ id, value }: { id: string; value: string | undefined }) {
  const t = useT();
  return (
    <SelectFilter
      id={id}
      name="release"
      label={t('pairList.release')}
      value={value}
      any={t('pairList.anyRelease')}
      options={RELEASE_WINDOWS.map((window) => ({ value: window, label: t(`pairList.release.${window}`) }))}
    />
  );
}
