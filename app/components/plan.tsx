import type { ReactNode } from 'react';
import type { Good } from '~/domain/plans/areas';
import { isStandardArea, PLAN_COLUMNS } from '~/domain/plans/areas';
import type { Translate } from '~/lib/i18n';
import { useT } from './use-translation';

/** A plan area's name: the handbook's name for a standard area, the participant's own otherwise. */
export function areaLabel(t: Translate, area: { areaKey: string; title: string | null }): string {
  return isStandardArea(area.areaKey) ? t(`plans.area.${area.areaKey}`) : area.title ?? t('plans.ownArea');
}

export function goodsText(t: Translate, goods: readonly Good[]): string {
  return goods.map((good) => t(`plans.good.${good}`)).join(', ');
}

interface AreaView {
  areaKey: string;
  title: string | null;
  future: string | null;
  goods: Good[];
  strengths: string | null;
  opportunities: string | null;
  barriers: string | null;
  coping: string | null;
}

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
    <div className="table-wrap" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
