import { Link } from '@remix-run/react';
import {
  HEALTHS,
  PAIR_LIST_STATUSES,
  SORTS_OF,
  type PairListStatus,
  type PairSort,
  type ReleaseWindow,
} from '~/domain/monitoring/pair-list';
import type { Health } from '~/domain/pairs/pair-month';
import { formatDate } from '~/lib/format';
import { ListFilters, plainOptions, useReleaseField } from './list-filters';
import { useLanguage, useT } from './use-translation';

export interface PairListFilterValues {
  status: PairListStatus;
  health?: Health;
  municipality?: string;
  volunteer?: string;
  release?: ReleaseWindow;
  sort: PairSort;
}

/** The filters and sorting of /pairs. */
export function PairFilters({
  filters,
  municipalities,
  filtered,
}: {
  filters: PairListFilterValues;
  municipalities: string[];
  filtered: boolean;
}) {
  const t = useT();
  const release = useReleaseField(filters.release);
  return (
    <ListFilters
      titleId="pair-filters-title"
      idPrefix="pairs"
      reset="/pairs?reset=1"
      filtered={filtered || filters.status !== 'ACTIVE'}
      fields={[
        {
          name: 'status',
          label: t('pairList.status'),
          value: filters.status,
          options: PAIR_LIST_STATUSES.map((status) => ({ value: status, label: t(`pairList.status.${status}`) })),
        },
        // Red/amber/green is a verdict on an active pair's month only.
        filters.status === 'ACTIVE'
          ? {
              name: 'health',
              label: t('pairList.health'),
              value: filters.health,
              any: t('pairList.anyHealth'),
              options: HEALTHS.map((health) => ({ value: health, label: t(`meetings.health.${health}`) })),
            }
          : null,
        {
          name: 'municipality',
          label: t('pairList.municipality'),
          value: filters.municipality,
          any: t('pairList.allMunicipalities'),
          options: plainOptions(municipalities),
        },
        { name: 'volunteer', label: t('pairList.volunteer'), value: filters.volunteer, search: true },
        release,
        {
          name: 'sort',
          label: t('lists.sort'),
          value: filters.sort,
          options: SORTS_OF[filters.status].map((sort) => ({ value: sort, label: t(`pairList.sort.${sort}`) })),
        },
      ]}
    />
  );
}

export interface EndedPairRow {
  id: string;
  participantFirstName: string;
  volunteerName: string;
  startDate: string | null;
  endDate: string | null;
  months: number | null;
  endType: 'PLANNED' | 'UNPLANNED' | null;
  endReason: 'PLAN_COMPLETED' | 'PARTICIPANT_WITHDREW' | 'VOLUNTEER_LEFT' | 'REMATCHED' | 'OTHER' | null;
  surveyScore: number | null;
  closureTalkHeld: boolean;
}

/** The history of ended pairs: how long they lasted and how they ended. */
export function EndedPairsTable({ pairs }: { pairs: EndedPairRow[] }) {
  const t = useT();
  const language = useLanguage();
  return (
    <div className="table-wrap">
      <table className="pairs-table">
        <caption className="visually-hidden">{t('pairList.ended.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meetings.pairs.participant')}</th>
            <th scope="col">{t('meetings.pairs.volunteer')}</th>
            <th scope="col">{t('pairList.ended.period')}</th>
            <th scope="col">{t('pairList.ended.duration')}</th>
            <th scope="col">{t('pairList.ended.outcome')}</th>
            <th scope="col">{t('pairList.ended.survey')}</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((pair) => (
            <tr key={pair.id} data-pair={pair.id}>
              <td>
                <Link to={`/pairs/${pair.id}`}>{pair.participantFirstName}</Link>
              </td>
              <td>{pair.volunteerName}</td>
              <td>
                {pair.startDate && pair.endDate
                  ? t('pairList.ended.periodRange', { from: formatDate(pair.startDate, language), to: formatDate(pair.endDate, language) })
                  : t('pairList.ended.unknown')}
              </td>
              <td>{pair.months === null ? t('pairList.ended.unknown') : t('pairList.ended.months', { count: pair.months })}</td>
              <td>
                {pair.endType ? t(`meetings.close.endType.${pair.endType}`) : t('pairList.ended.unknown')}
                {pair.endReason ? `: ${t(`meetings.close.reason.${pair.endReason}`)}` : null}
                <br />
                <span className="muted">{pair.closureTalkHeld ? t('pairList.ended.closureTalk') : t('pairList.ended.noClosureTalk')}</span>
              </td>
              <td>
                {pair.surveyScore === null ? t('pairList.ended.noSurvey') : t('pairList.ended.surveyScore', { score: pair.surveyScore })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface ProposedPairRow {
  id: string;
  participantId: string;
  participantFirstName: string;
  volunteerName: string;
  proposedAt: string;
  matchScore: number | null;
  releaseDate: string;
}

/** Proposals waiting for the volunteer's answer; the coordinator follows them up in matching. */
export function ProposedPairsTable({ pairs, canManage }: { pairs: ProposedPairRow[]; canManage: boolean }) {
  const t = useT();
  const language = useLanguage();
  return (
    <div className="table-wrap">
      <table className="pairs-table">
        <caption className="visually-hidden">{t('pairList.proposed.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meetings.pairs.participant')}</th>
            <th scope="col">{t('meetings.pairs.volunteer')}</th>
            <th scope="col">{t('pairList.proposed.proposedAt')}</th>
            <th scope="col">{t('pairList.proposed.score')}</th>
            <th scope="col">{t('pairList.proposed.release')}</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((pair) => (
            <tr key={pair.id} data-pair={pair.id}>
              <td>
                {canManage ? <Link to={`/matching/${pair.participantId}`}>{pair.participantFirstName}</Link> : pair.participantFirstName}
              </td>
              <td>{pair.volunteerName}</td>
              <td>{formatDate(new Date(pair.proposedAt), language)}</td>
              <td>{pair.matchScore ?? '–'}</td>
              <td>{formatDate(pair.releaseDate, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
