import type { ReactNode } from 'react';
import type { Good, ReviewStatus } from '~/domain/plans/areas';
import type { PlanAreaContent } from '~/domain/plans/plan-content';
import { isStandardArea, PLAN_COLUMNS } from '~/domain/plans/areas';
import type { Translate } from '~/lib/i18n';
import { formatDate } from '~/lib/time';
import { useLanguage, useT } from './use-translation';

/** A plan area's name: the handbook's name for a standard area, the participant's own otherwise. */
export function areaLabel(t: Translate, area: { areaKey: string; title: string | null }): string {
  return isStandardArea(area.areaKey) ? t(`plans.area.${area.areaKey}`) : (area.title ?? t('plans.ownArea'));
}

export function goodsText(t: Translate, goods: readonly Good[]): string {
  return goods.map((good) => t(`plans.good.${good}`)).join(', ');
}

type AreaView = PlanAreaContent;

/** One row of "Min plan" as a list of its six columns; reads well on a phone and on paper. */
export function PlanAreaColumns({ area }: { area: AreaView }) {
  const t = useT();
  return (
    <dl className="plan-columns">
      {PLAN_COLUMNS.map((column) => {
        const value = column === 'goods' ? goodsText(t, area.goods) : area[column];
        return (
          <div key={column}>
            <dt>{t(`plans.column.${column}`)}</dt>
            <dd className="plan-text">{value || t('plans.emptyColumn')}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** A table that may scroll sideways on a phone: a named region keyboard users can focus and scroll. */
export function ScrollTable({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region takes focus so keyboards can scroll it (axe: scrollable-region-focusable)
    <div className="table-wrap" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}

/** The label of an area key as it appears in reviews and meeting logs, also for areas no longer in the plan. */
export function areaKeyLabel(t: Translate, areas: readonly { areaKey: string; title: string | null }[], areaKey: string): string {
  return areaLabel(t, areas.find((area) => area.areaKey === areaKey) ?? { areaKey, title: isStandardArea(areaKey) ? null : areaKey });
}

/** Head and body of the "latest status per area" table, shared by the plan page and the handover. */
export function AreaStatusRows({
  areas,
  latest,
}: {
  areas: readonly { areaKey: string; title: string | null }[];
  latest: Record<string, { status: ReviewStatus; note: string | null; reviewedOn: string }>;
}) {
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <thead>
        <tr>
          <th scope="col">{t('plans.areaNames')}</th>
          <th scope="col">{t('plans.areaStatus')}</th>
          <th scope="col">{t('plans.areaNote')}</th>
        </tr>
      </thead>
      <tbody>
        {areas.map((area) => {
          const status = latest[area.areaKey];
          return (
            <tr key={area.areaKey}>
              <th scope="row">{areaLabel(t, area)}</th>
              <td>
                {status ? `${t(`plans.status.${status.status}`)} (${formatDate(status.reviewedOn, language)})` : t('handover.noStatus')}
              </td>
              <td className="plan-text">{status?.note ?? ''}</td>
            </tr>
          );
        })}
      </tbody>
    </>
  );
}
