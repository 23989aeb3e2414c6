import { Form, Link } from '@remix-run/react';
import type { Health } from '~/domain/pairs/pair-month';
import type { MessageKey } from '~/lib/i18n';
import { formatDate, formatDateTime, formatDaysFromToday } from '~/lib/format';
import { HealthBadge } from './health-badge';
import { TRACKER_ITEMS, type TrackerItem, type TrackerOwner } from '~/domain/participants/service-tracker';
import { useLanguage, useT } from './use-translation';

export { HealthBadge };

export interface PairRow {
  id: string;
  participantFirstName: string;
  volunteerName: string;
  target: number;
  held: number;
  plannedAhead: number;
  daysSinceHeld: number | null;
  openConcerns: number;
  health: Health;
  justReleased: boolean;
  flaggedForRematch: boolean;
}

/** Every active pair's month at a glance, red/amber/green. */
export function PairsAtGlance({ pairs }: { pairs: PairRow[] }) {
  const t = useT();
  const language = useLanguage();
  if (pairs.length === 0) return <p>{t('meetings.pairs.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="pairs-table">
        <thead>
          <tr>
            <th scope="col">{t('meetings.pairs.participant')}</th>
            <th scope="col">{t('meetings.pairs.volunteer')}</th>
            <th scope="col">{t('meetings.pairs.month')}</th>
            <th scope="col">{t('meetings.pairs.planned')}</th>
            <th scope="col">{t('meetings.pairs.lastMeeting')}</th>
            <th scope="col">{t('meetings.pairs.concerns')}</th>
            <th scope="col">{t('meetings.pairs.status')}</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((pair) => (
            <tr key={pair.id} data-pair={pair.id}>
              <td>
                <Link to={`/pairs/${pair.id}`}>{pair.participantFirstName}</Link>
                {pair.justReleased ? ' ' : null}
                {pair.justReleased ? <span className="badge">{t('meetings.pairs.justReleased')}</span> : null}
                {pair.flaggedForRematch ? ' ' : null}
                {pair.flaggedForRematch ? <span className="badge badge--amber">{t('meetings.pairs.rematch')}</span> : null}
              </td>
              <td>{pair.volunteerName}</td>
              <td>{t('meetings.pairs.heldOfTarget', { held: pair.held, target: pair.target })}</td>
              <td>{pair.plannedAhead}</td>
              <td>{pair.daysSinceHeld === null ? t('meetings.pairs.never') : formatDaysFromToday(-pair.daysSinceHeld, language)}</td>
              <td>{pair.openConcerns}</td>
              <td>
                <HealthBadge health={pair.health} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Acknowledging a concern takes it off the dashboard; the pair page's action does it. */
export function AcknowledgeConcern({ pairId, concernId, redirectTo }: { pairId: string; concernId: string; redirectTo?: string }) {
  const t = useT();
  return (
    <Form method="post" action={`/pairs/${pairId}`}>
      <input type="hidden" name="concernId" value={concernId} />
      {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
      <button type="submit" name="intent" value="acknowledge-concern" className="secondary">
        {t('meetings.pair.acknowledge')}
      </button>
    </Form>
  );
}

type ActionGroup = 'quiet' | 'behind' | 'unlogged' | 'releases' | 'concerns' | 'supportDue' | 'clearances' | 'overdueServices';

interface NeedsActionData {
  /** Each list holds the first few; the totals count them all. */
  totals: Record<Exclude<ActionGroup, 'clearances' | 'overdueServices'>, number> & { clearances?: number; overdueServices?: number };
  quiet: Pick<PairRow, 'id' | 'participantFirstName' | 'daysSinceHeld'>[];
  behind: (Pick<PairRow, 'id' | 'participantFirstName' | 'held' | 'target'> & { expected: number })[];
  unlogged: { id: string; startsAt: string; pairId: string; participantFirstName: string }[];
  releases: {
    participantId: string;
    firstName: string;
    releaseDate: string;
    pairId: string | null;
    checklistDone: number;
    checklistTotal?: number;
  }[];
  concerns: { id: string; text: string; urgent?: boolean; createdAt: string; pairId: string; participantFirstName: string }[];
  supportDue: { pairId: string; participantFirstName: string; dueDate: string | null; fitCheck: boolean }[];
  /** -- release (#21): visitor clearances expiring soon (absent in a snapshot kept before they were added). */
  clearances?: { id: string; volunteerId: string; volunteerName: string; prison: string; expiresOn: string }[];
  /** -- services (#21): services-tracker items past their deadline (absent in an older snapshot). */
  overdueServices?: { participantId: string; firstName: string; item: TrackerItem; owner: TrackerOwner; deadline: string }[];
}

function Group(props: { titleKey: MessageKey; id: string; children: React.ReactNode; count: number; listed: number }) {
  const { titleKey, id, children, count, listed } = props;
  const t = useT();
  if (count === 0) return null;
  return (
    <section aria-labelledby={id} className="action-group">
      <h3 id={id}>
        {t(titleKey)} <span className="badge">{count}</span>
      </h3>
      <ul>{children}</ul>
      {count > listed ? <p>{t('meetings.dash.more', { count: count - listed })}</p> : null}
    </section>
  );
}

/** The dashboard's "needs action today". Concerns are acknowledged with the intent `acknowledge-concern`. */
export function NeedsActionToday({ data }: { data: NeedsActionData }) {
  const t = useT();
  const language = useLanguage();
  const total = Object.values(data.totals).reduce((sum, count) => sum + (count ?? 0), 0);
  const clearances = data.clearances ?? [];
  const overdueServices = data.overdueServices ?? [];
  return (
    <section aria-labelledby="needs-action-title">
      <h2 id="needs-action-title">{t('meetings.dash.needsAction')}</h2>
      {total === 0 ? <p>{t('meetings.dash.nothing')}</p> : null}
      <Group titleKey="meetings.dash.concerns" id="action-concerns" count={data.totals.concerns} listed={data.concerns.length}>
        {data.concerns.map((concern) => (
          <li key={concern.id} className="concern">
            <Link to={`/pairs/${concern.pairId}`}>
              {t('meetings.dash.concernFrom', {
                name: concern.participantFirstName,
                when: formatDateTime(new Date(concern.createdAt), language),
              })}
            </Link>
            {concern.urgent ? <span className="badge badge--red">{t('concerns.urgentBadge')}</span> : null}
            <p className="concern__text">{concern.text}</p>
            <AcknowledgeConcern pairId={concern.pairId} concernId={concern.id} redirectTo="/dashboard" />
          </li>
        ))}
      </Group>
      <Group titleKey="meetings.dash.quiet" id="action-quiet" count={data.totals.quiet} listed={data.quiet.length}>
        {data.quiet.map((pair) => (
          <li key={pair.id}>
            <Link to={`/pairs/${pair.id}`}>{pair.participantFirstName}</Link> –{' '}
            {pair.daysSinceHeld === null ? t('meetings.pairs.never') : formatDaysFromToday(-pair.daysSinceHeld, language)}
          </li>
        ))}
      </Group>
      <Group titleKey="meetings.dash.unlogged" id="action-unlogged" count={data.totals.unlogged} listed={data.unlogged.length}>
        {data.unlogged.map((meeting) => (
          <li key={meeting.id}>
            <Link to={`/meetings/${meeting.id}`}>
              {meeting.participantFirstName} – {formatDateTime(new Date(meeting.startsAt), language)}
            </Link>
          </li>
        ))}
      </Group>
      <Group titleKey="meetings.dash.behind" id="action-behind" count={data.totals.behind} listed={data.behind.length}>
        {data.behind.map((pair) => (
          <li key={pair.id}>
            <Link to={`/pairs/${pair.id}`}>{pair.participantFirstName}</Link> –{' '}
            {t('figures.dash.behindLine', { held: pair.held, expected: pair.expected, target: pair.target })}
          </li>
        ))}
      </Group>
      <Group titleKey="meetings.dash.releases" id="action-releases" count={data.totals.releases} listed={data.releases.length}>
        {data.releases.map((release) => (
          <li key={release.participantId}>
            {release.pairId ? <Link to={`/pairs/${release.pairId}`}>{release.firstName}</Link> : release.firstName}
            {': '}
            {t('meetings.dash.releaseLine', {
              date: formatDate(release.releaseDate, language),
              done: release.checklistDone,
              total: release.checklistTotal ?? TRACKER_ITEMS.length,
            })}
          </li>
        ))}
      </Group>
      <Group titleKey="services.dash.title" id="action-services" count={data.totals.overdueServices ?? 0} listed={overdueServices.length}>
        {overdueServices.map((service) => (
          <li key={`${service.participantId}-${service.item}`}>
            <Link to={`/participants/${service.participantId}/services`}>{service.firstName}</Link>
            {': '}
            {t('services.dash.line', {
              item: t(`services.item.${service.item}`),
              deadline: formatDate(service.deadline, language),
              owner: t(`services.ownerValue.${service.owner}`),
            })}
          </li>
        ))}
      </Group>
      <Group titleKey="volunteers.clearanceExpiring" id="action-clearances" count={data.totals.clearances ?? 0} listed={clearances.length}>
        {clearances.map((clearance) => (
          <li key={clearance.id}>
            <Link to={`/volunteers/${clearance.volunteerId}`}>{clearance.volunteerName}</Link>
            {': '}
            {t('volunteers.clearanceExpiringLine', { prison: clearance.prison, date: formatDate(clearance.expiresOn, language) })}
          </li>
        ))}
      </Group>
      <Group titleKey="meetings.dash.support" id="action-support" count={data.totals.supportDue} listed={data.supportDue.length}>
        {data.supportDue.map((item) => (
          <li key={item.pairId}>
            <Link to={`/pairs/${item.pairId}`}>
              {item.dueDate
                ? t('meetings.dash.supportLine', { name: item.participantFirstName, date: formatDate(item.dueDate, language) })
                : t('meetings.dash.fitLine', { name: item.participantFirstName })}
            </Link>
            {item.dueDate && item.fitCheck ? ` · ${t('meetings.fit.due')}` : null}
          </li>
        ))}
      </Group>
    </section>
  );
}
