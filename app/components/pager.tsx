import { Link } from '@remix-run/react';
import { useT } from './use-translation';

/** "Previous page · Page 2 of 5 · Next page" under a paged list (`?page=`); nothing for one page. */
export function Pager({ page, pages }: { page: number; pages: number }) {
  const t = useT();
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('paging.page', { page, pages })} className="actions">
      {page > 1 ? <Link to={`?page=${page - 1}`}>{t('paging.previous')}</Link> : null}
      <span>{t('paging.page', { page, pages })}</span>
      {page < pages ? <Link to={`?page=${page + 1}`}>{t('paging.next')}</Link> : null}
    </nav>
  );
}
