import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useLanguage, useT } from '~/components/use-translation';
import { parseAuditFilter } from '~/domain/privacy/audit-log';
import { auditLogPage } from '~/domain/privacy/audit-log.server';
import { requireUser } from '~/lib/auth.server';
import type { MessageKey } from '~/lib/i18n';
import { formatDateTime } from '~/lib/time';
import { pageTitle } from '~/lib/page-title';
import { formatParam } from '~/lib/format';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { capability: 'audit:view' });
  const filter = parseAuditFilter(new URL(request.url).searchParams);
  const page = await auditLogPage(filter);
  return json({ ...page, filter }, { headers: { 'Cache-Control': 'private, no-store' } });
}

function pageHref(filter: { actor?: string; participant?: string }, page: number): string {
  const params = new URLSearchParams();
  if (filter.actor) params.set('actor', filter.actor);
  if (filter.participant) params.set('participant', filter.participant);
  params.set('page', String(page));
  return `/audit?${params}`;
}

export default function AuditLog() {
  const { events, total, page, pages, actors, participants, filter } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <h1>{t('privacy.audit.title')}</h1>
      <p>{t('privacy.audit.intro')}</p>
      <Form method="get" className="form audit-filter">
        <div className="field">
          <label htmlFor="audit-actor">{t('privacy.audit.person')}</label>
          <select id="audit-actor" name="actor" defaultValue={filter.actor ?? ''}>
            <option value="">{t('privacy.audit.all')}</option>
            {actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.name} ({t(`role.${actor.role}` as MessageKey)})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-participant">{t('privacy.audit.participant')}</label>
          <select id="audit-participant" name="participant" defaultValue={filter.participant ?? ''}>
            <option value="">{t('privacy.audit.all')}</option>
            {participants.map((participant) => (
              <option key={participant.id} value={participant.id}>
                {participant.lastName}, {participant.firstName} ({participant.dateOfBirth.slice(0, 4)})
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t('privacy.audit.filter')}
          </button>
        </div>
      </Form>
      <p role="status">{t('privacy.audit.count', { count: total, page, pages })}</p>
      <div className="table-wrap">
        <table className="audit-table">
          <caption className="visually-hidden">{t('privacy.audit.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('privacy.audit.when')}</th>
              <th scope="col">{t('privacy.audit.person')}</th>
              <th scope="col">{t('privacy.audit.action')}</th>
              <th scope="col">{t('privacy.audit.record')}</th>
              <th scope="col">{t('privacy.audit.participant')}</th>
              <th scope="col">{t('privacy.audit.from')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td>{formatDateTime(new Date(event.createdAt), language)}</td>
                <td>{event.actor ? event.actor.name : t('privacy.audit.system')}</td>
                <td>{t(`privacy.audit.action.${event.action}` as MessageKey)}</td>
                <td>
                  {t(`privacy.audit.entity.${event.entityType}` as MessageKey)}
                  {event.entityId ? <span className="audit-id"> {formatParam(event.entityId, language)}</span> : null}
                </td>
                <td>
                  {event.participant ? (
                    <Link to={pageHref({ participant: event.participant.id }, 1)}>
                      {event.participant.firstName} {event.participant.lastName}
                    </Link>
                  ) : null}
                </td>
                <td>
                  {event.ip ?? ''}
                  {event.userAgent ? <span className="audit-agent"> {event.userAgent.slice(0, 60)}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label={t('privacy.audit.pages')} className="pager">
          {page > 1 ? <Link to={pageHref(filter, page - 1)}>{t('privacy.audit.previous')}</Link> : null}
          {page < pages ? <Link to={pageHref(filter, page + 1)}>{t('privacy.audit.next')}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

export const meta = pageTitle('title.audit');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
