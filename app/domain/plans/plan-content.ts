import { GOODS, PLAN_COLUMNS, STANDARD_AREAS, isStandardArea, type Good, type PlanColumn } from './areas';

/** One row of "Min plan" as the app reads and writes it. */
export interface PlanAreaContent {
  areaKey: string;
  title: string | null;
  future: string | null;
  goods: Good[];
  strengths: string | null;
  opportunities: string | null;
  barriers: string | null;
  coping: string | null;
}

export type TextColumn = Exclude<PlanColumn, 'goods'>;
export const TEXT_COLUMNS = PLAN_COLUMNS.filter((column): column is TextColumn => column !== 'goods');

/** The key the editor gives the blank "add an own area" row. */
export const NEW_AREA_KEY = 'custom:new';

/** The standard areas, empty: where a new plan starts. */
export function emptyPlanAreas(): PlanAreaContent[] {
  return STANDARD_AREAS.map((areaKey) => blankArea(areaKey));
}

export function blankArea(areaKey: string): PlanAreaContent {
  return { areaKey, title: null, future: null, goods: [], strengths: null, opportunities: null, barriers: null, coping: null };
}

export function isOwnArea(areaKey: string): boolean {
  return areaKey.startsWith('custom:');
}

/** Goods as stored (a JSON array), keeping only known goods in their canonical order. */
export function parseGoods(value: unknown): Good[] {
  if (!Array.isArray(value)) return [];
  return GOODS.filter((good) => value.includes(good));
}

export function hasContent(area: Omit<PlanAreaContent, 'areaKey'>): boolean {
  return Boolean(area.title?.trim()) || area.goods.length > 0 || TEXT_COLUMNS.some((column) => Boolean(area[column]?.trim()));
}

/**
 * What a save stores: the standard areas always (in their order), own areas that have
 * content, and the new own area under a fresh key. Text is trimmed; blank becomes null.
 */
export function normaliseAreas(areas: PlanAreaContent[], newKey: () => string): PlanAreaContent[] {
  const seen = new Set<string>();
  const result: PlanAreaContent[] = [];
  for (const area of areas) {
    const clean: PlanAreaContent = {
      areaKey: area.areaKey === NEW_AREA_KEY ? newKey() : area.areaKey,
      title: isOwnArea(area.areaKey) ? blankToNull(area.title) : null,
      future: blankToNull(area.future),
      goods: parseGoods(area.goods),
      strengths: blankToNull(area.strengths),
      opportunities: blankToNull(area.opportunities),
      barriers: blankToNull(area.barriers),
      coping: blankToNull(area.coping),
    };
    if (!isStandardArea(clean.areaKey) && !isOwnArea(clean.areaKey)) continue;
    if (isOwnArea(clean.areaKey) && !hasContent(clean)) continue;
    if (seen.has(clean.areaKey)) continue;
    seen.add(clean.areaKey);
    result.push(clean);
  }
  return result;
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export interface ColumnComparison {
  column: PlanColumn;
  before: string | Good[] | null;
  after: string | Good[] | null;
  changed: boolean;
}

export interface AreaComparison {
  areaKey: string;
  title: string | null;
  change: 'ADDED' | 'REMOVED' | 'CHANGED' | 'SAME';
  columns: ColumnComparison[];
}

/** Side by side, area by area and column by column: an older version against a newer one. */
export function compareAreas(older: PlanAreaContent[], newer: PlanAreaContent[]): AreaComparison[] {
  const olderByKey = new Map(older.map((area) => [area.areaKey, area]));
  const newerKeys = new Set(newer.map((area) => area.areaKey));
  const rows: AreaComparison[] = [];
  const compareOne = (before: PlanAreaContent | undefined, after: PlanAreaContent | undefined): AreaComparison => {
    const columns = PLAN_COLUMNS.map((column) => {
      const a = before ? before[column] : null;
      const b = after ? after[column] : null;
      return { column, before: a, after: b, changed: !sameValue(a, b) };
    });
    const titleChanged = (before?.title ?? null) !== (after?.title ?? null);
    const change = !before ? 'ADDED' : !after ? 'REMOVED' : titleChanged || columns.some((c) => c.changed) ? 'CHANGED' : 'SAME';
    return { areaKey: (after ?? before)!.areaKey, title: (after ?? before)!.title, change, columns };
  };
  for (const area of newer) rows.push(compareOne(olderByKey.get(area.areaKey), area));
  for (const area of older) if (!newerKeys.has(area.areaKey)) rows.push(compareOne(area, undefined));
  return rows;
}

function sameValue(a: string | Good[] | null, b: string | Good[] | null): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const left = Array.isArray(a) ? a : [];
    const right = Array.isArray(b) ? b : [];
    return left.length === right.length && left.every((good) => right.includes(good));
  }
  return (a ?? null) === (b ?? null);
}
