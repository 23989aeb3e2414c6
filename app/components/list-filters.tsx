import { Form, Link, useLocation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { RELEASE_WINDOWS, type ReleaseWindow } from '~/domain/participants/release-window';
import { useT } from './use-translation';

/** A filter in force, as the person reads it: what it filters ("Prison") and its value. */
interface ActiveFilter {
  name: string;
  label: string;
  value: string;
}

/**
 * One field of a list's filter form (`?name=value`): a choice, or a search by part of a name. A
 * choice with `any` (its first option, no filter) is a filter and is listed while in force; a
 * choice without it (the status of /pairs, the sorting) always holds one of its options.
 */
export interface FilterField {
  name: string;
  label: string;
  value: string | undefined;
  search?: boolean;
  any?: string;
  options?: readonly { value: string; label: string }[];
}

/** Options whose values are what the person reads (prisons, municipalities). */
export function plainOptions(values: readonly string[]) {
  return values.map((value) => ({ value, label: value }));
}

/** The release window filter (`release`), the same on every list. */
export function useReleaseField(value: ReleaseWindow | undefined): FilterField {
  const t = useT();
  return {
    name: 'release',
    label: t('pairList.release'),
    value,
    any: t('pairList.anyRelease'),
    options: RELEASE_WINDOWS.map((window) => ({ value: window, label: t(`pairList.release.${window}`) })),
  };
}

function activeOf(fields: FilterField[]): ActiveFilter[] {
  return fields.flatMap((field) =>
    field.value && (field.search || field.any !== undefined)
      ? [
          {
            name: field.name,
            label: field.label,
            value: field.options?.find((option) => option.value === field.value)?.label ?? field.value,
          },
        ]
      : [],
  );
}

function Field({ id, field }: { id: string; field: FilterField }) {
  return (
    <div className="field">
      <label htmlFor={id}>{field.label}</label>
      {field.search ? (
        <input id={id} name={field.name} type="search" maxLength={100} autoComplete="off" defaultValue={field.value ?? ''} />
      ) : (
        <select id={id} name={field.name} defaultValue={field.value ?? ''}>
          {field.any !== undefined ? <option value="">{field.any}</option> : null}
          {(field.options ?? []).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

/**
 * A list's filter form, the one every list uses: a GET form (works without JavaScript), each
 * field labelled (ids `<idPrefix>-<name>`), with the filters in force listed under it, each with
 * a link that clears it alone (the page goes back to 1), and a link that clears them all.
 * Keyed by the fields' values, so they show the list's view after a navigation (they are uncontrolled).
 */
export function ListFilters({
  titleId,
  idPrefix,
  reset,
  filtered,
  fields = [],
  children,
}: {
  titleId: string;
  idPrefix?: string;
  reset: string;
  filtered: boolean;
  fields?: (FilterField | null)[];
  children?: ReactNode;
}) {
  const t = useT();
  const { search } = useLocation();
  const shown = fields.filter((field) => field !== null);
  const active = activeOf(shown);
  const without = (name: string) => {
    const params = new URLSearchParams(search);
    params.delete(name);
    params.delete('page');
    const query = params.toString();
    // A list without any parameter would bring the saved view back: an empty value keeps the choice.
    return query === '' ? `?${name}=` : `?${query}`;
  };
  return (
    <Form method="get" className="filters" aria-labelledby={titleId} key={JSON.stringify(shown.map((field) => [field.name, field.value]))}>
      <h2 id={titleId} className="visually-hidden">
        {t('lists.filters')}
      </h2>
      {children}
      {shown.map((field) => (
        <Field key={field.name} id={`${idPrefix ?? titleId}-${field.name}`} field={field} />
      ))}
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
