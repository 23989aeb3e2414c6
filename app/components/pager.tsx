import { Link, useLocation } from '@remix-run/react';
import { useT } from './use-translation';

/**
 * "Previous page · Page 2 of 5 · Next page" under a paged list (`?page=`); nothing for one page.
 * The links keep the list's other query parameters (its filters and search).
 */
export function Pager({ page, pages }: { page: number; pages: number }) {
  const t = useT();
  const { search } = useLocation();
  if (pages <= 1) return null;
  const to = (target: number) => {
    const params = new URLSearchParams(search);
    params.set('page', String(target));
    return `?${params.toString()}`;
  };
  return (
    <nav aria-label={t('paging.page', { page, pages })} className="actions">
      {page > 1 ? <Link to={to(page - 1)}>{t('paging.previous')}</Link> : null}
      <span>{t('paging.page', { page, pages })}</span>
      {page < pages ? <Link to={to(page + 1)}>{t('paging.next')}</Link> : null}
    </nav>
  );
}
