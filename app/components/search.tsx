import { Form, Link, useFetcher, useNavigate } from '@remix-run/react';
import { useId, useState, type KeyboardEvent } from 'react';
import type { SearchHits, SearchKind } from '~/domain/monitoring/search.server';
import type { Translate } from '~/lib/i18n';
import { loadLanguage } from '~/lib/messages/dictionary';
import { useLanguage, useT } from './use-translation';

/** What the search route's loader answers (its JSON), as the header and the page read it. */
export interface SearchData {
  query: string;
  kinds: SearchKind[];
  hits: SearchHits;
  more: SearchKind[];
  limit: number;
}

export interface SearchHit {
  key: string;
  kind: SearchKind;
  href: string;
  title: string;
  detail: string;
}

/** Every hit as one line: where it leads, its name, and what tells it apart (place, status). */
export function searchHits(data: Pick<SearchData, 'kinds' | 'hits'>, t: Translate): SearchHit[] {
  const lines: SearchHit[] = [];
  for (const kind of data.kinds) {
    switch (kind) {
      case 'participants':
        for (const hit of data.hits.participants) {
          lines.push({
            key: `participant-${hit.id}`,
            kind,
            href: `/participants/${hit.id}`,
            title: hit.name,
            detail: [hit.prison, hit.municipality, t(`participantStatus.${hit.status}`)].join(' · '),
          });
        }
        break;
      case 'referrals':
        for (const hit of data.hits.referrals) {
          lines.push({
            key: `referral-${hit.id}`,
            kind,
            href: `/referrals/${hit.id}`,
            title: hit.name,
            detail: [hit.prison, t('search.referredOn', { date: hit.referralDate }), t(`participantStatus.${hit.status}`)].join(' · '),
          });
        }
        break;
      case 'pairs':
        for (const hit of data.hits.pairs) {
          lines.push({
            key: `pair-${hit.id}`,
            kind,
            href: `/pairs/${hit.id}`,
            title: t('search.pairOf', { participant: hit.participantName, volunteer: hit.volunteerName }),
            detail: [hit.municipality, t(`pairStatus.${hit.status}`)].join(' · '),
          });
        }
        break;
      case 'volunteers':
        for (const hit of data.hits.volunteers) {
          lines.push({
            key: `volunteer-${hit.id}`,
            kind,
            href: `/volunteers/${hit.id}`,
            title: hit.name,
            detail: [hit.municipality, t(`volunteers.status.${hit.status}`)].join(' · '),
          });
        }
        break;
    }
  }
  return lines;
}

/** How many characters the header waits for before it suggests anything. */
const MIN_QUERY = 2;

/**
 * The header's search: a GET form to /search (works without JavaScript), and with it an
 * ARIA 1.2 combobox whose listbox suggests the first hits of each kind as the user types.
 * Arrow keys move through the suggestions, Enter opens the chosen one (or, with none chosen,
 * the whole result page), Escape closes the list and then clears the field.
 */
export function HeaderSearch() {
  const t = useT();
  const language = useLanguage();
  const navigate = useNavigate();
  const fetcher = useFetcher<SearchData>();
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const data = query.trim().length >= MIN_QUERY && fetcher.data?.query === query ? fetcher.data : undefined;
  const hits = data ? searchHits(data, t) : [];
  const options = data ? [...hits, { key: 'all', kind: null, href: `/search?q=${encodeURIComponent(query)}`, title: '', detail: '' }] : [];
  const expanded = open && options.length > 0;
  const optionId = (index: number) => `${id}-option-${index}`;

  function change(value: string) {
    setQuery(value);
    setActive(-1);
    setOpen(true);
    if (value.trim().length < MIN_QUERY) return;
    // The suggestions are rendered with messages the page may not have brought: the whole
    // language first (app/lib/messages/dictionary.ts).
    void loadLanguage(language).then(() => fetcher.load(`/search?${new URLSearchParams({ q: value, preview: '1' }).toString()}`));
  }

  function choose(index: number) {
    const option = options[index];
    if (!option) return;
    setOpen(false);
    setActive(-1);
    navigate(option.href);
  }

  function keyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        if (options.length > 0) setActive((current) => (current + 1) % options.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        if (options.length > 0) setActive((current) => (current <= 0 ? options.length - 1 : current - 1));
        break;
      case 'Enter':
        if (expanded && active >= 0) {
          event.preventDefault();
          choose(active);
        }
        break;
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (query !== '') {
          event.preventDefault();
          setQuery('');
        }
        break;
    }
  }

  return (
    <Form
      method="get"
      action="/search"
      role="search"
      className="header-search"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) {
          setOpen(false);
          setActive(-1);
        }
      }}
      onSubmit={() => setOpen(false)}
    >
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={`${id}-input`}
        name="q"
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={`${id}-listbox`}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        maxLength={100}
        placeholder={t('search.submit')}
        value={query}
        onChange={(event) => change(event.currentTarget.value)}
        onKeyDown={keyDown}
        onFocus={() => setOpen(true)}
      />
      <button type="submit">{t('search.submit')}</button>
      <ul id={`${id}-listbox`} role="listbox" aria-label={t('search.suggestions')} className="header-search__list" hidden={!expanded}>
        {options.map((option, index) => (
          // The keyboard works on the combobox (aria-activedescendant), which keeps the focus.
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events
          <li
            key={option.key}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'header-search__option header-search__option--active' : 'header-search__option'}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(index)}
          >
            {option.kind ? (
              <>
                <span className="header-search__kind">{t(`search.one.${option.kind}`)}</span> <strong>{option.title}</strong>
                <br />
                <span className="header-search__detail">{option.detail}</span>
              </>
            ) : (
              t('search.seeAll', { query })
            )}
          </li>
        ))}
      </ul>
      <p className="visually-hidden" aria-live="polite">
        {data ? (hits.length > 0 ? t('search.resultCount', { count: hits.length }) : t('search.noSuggestions')) : ''}
      </p>
    </Form>
  );
}

/** The result page's groups: one heading and list per kind the user may search. */
export function SearchResults({ data }: { data: SearchData }) {
  const t = useT();
  const hits = searchHits(data, t);
  if (hits.length === 0) return <p>{t('search.none', { query: data.query })}</p>;
  return (
    <>
      {data.kinds.map((kind) => {
        const ofKind = hits.filter((hit) => hit.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`search-${kind}`} className="search-group">
            <h2 id={`search-${kind}`}>{t(`search.kind.${kind}`)}</h2>
            <ul className="search-hits">
              {ofKind.map((hit) => (
                <li key={hit.key}>
                  <Link to={hit.href}>{hit.title}</Link>
                  <br />
                  <span className="muted">{hit.detail}</span>
                </li>
              ))}
            </ul>
            {data.more.includes(kind) ? <p className="muted">{t('search.more', { count: data.limit })}</p> : null}
          </section>
        );
      })}
    </>
  );
}
