import { monthOf, type MonthKey } from '~/lib/time';
import { GOODS, REVIEW_STATUSES, type Good, type ReviewStatus } from './areas';
import { parseGoods } from './plan-content';

export interface ReviewForStatus {
  reviewedOn: string;
  createdAt: Date;
  items: { areaKey: string; status: string; note: string | null }[];
}

export interface AreaStatus {
  status: ReviewStatus;
  note: string | null;
  reviewedOn: string;
}

export function isReviewStatus(value: string): value is ReviewStatus {
  return (REVIEW_STATUSES as readonly string[]).includes(value);
}

/** Each area's status from the newest review that mentions it (by review date, then entry time). */
export function latestStatusByArea(reviews: ReviewForStatus[]): Record<string, AreaStatus> {
  const ordered = [...reviews].sort((a, b) => a.reviewedOn.localeCompare(b.reviewedOn) || a.createdAt.getTime() - b.createdAt.getTime());
  const latest: Record<string, AreaStatus> = {};
  for (const review of ordered) {
    for (const item of review.items) {
      if (!isReviewStatus(item.status)) continue;
      latest[item.areaKey] = { status: item.status, note: item.note, reviewedOn: review.reviewedOn };
    }
  }
  return latest;
}

export interface LoggedMeeting {
  startsAt: Date;
  areas: unknown;
  goods: unknown;
}

export interface MonthWorkedOn {
  month: MonthKey;
  meetings: number;
  areas: { key: string; count: number }[];
  goods: { key: Good; count: number }[];
}

/**
 * Which plan areas and goods the held meetings touched, per Oslo calendar month, newest
 * month first. Areas keep the plan's order; goods the handbook's order.
 */
export function workedOnByMonth(meetings: LoggedMeeting[], areaOrder: string[]): MonthWorkedOn[] {
  const months = new Map<MonthKey, { meetings: number; areas: Map<string, number>; goods: Map<Good, number> }>();
  for (const meeting of meetings) {
    const month = monthOf(meeting.startsAt);
    const entry = months.get(month) ?? { meetings: 0, areas: new Map(), goods: new Map() };
    entry.meetings += 1;
    const areas = Array.isArray(meeting.areas) ? meeting.areas.filter((a): a is string => typeof a === 'string') : [];
    for (const area of new Set(areas)) entry.areas.set(area, (entry.areas.get(area) ?? 0) + 1);
    for (const good of parseGoods(meeting.goods)) entry.goods.set(good, (entry.goods.get(good) ?? 0) + 1);
    months.set(month, entry);
  }
  const rank = (key: string) => {
    const index = areaOrder.indexOf(key);
    return index === -1 ? areaOrder.length : index;
  };
  return [...months.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([month, entry]) => ({
      month,
      meetings: entry.meetings,
      areas: [...entry.areas.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([key, count]) => ({ key, count })),
      goods: GOODS.filter((good) => entry.goods.has(good)).map((key) => ({ key, count: entry.goods.get(key)! })),
    }));
}
