import { describe, expect, it } from 'vitest';
import { osloInstant } from '~/lib/time';
import { summariseMeetings } from './handover';
import { blankArea, compareAreas, emptyPlanAreas, NEW_AREA_KEY, normaliseAreas, parseGoods } from './plan-content';
import { latestStatusByArea, workedOnByMonth } from './progress';

describe('plan content', () => {
  it('keeps standard areas, drops empty own areas and gives the new own area a fresh key', () => {
    const areas = [
      ...emptyPlanAreas(),
      { ...blankArea('custom:old'), title: '  ' },
      { ...blankArea(NEW_AREA_KEY), title: 'Fritid', future: ' Spille i band ', goods: ['JOY', 'BOGUS'] as never },
    ];
    const result = normaliseAreas(areas, () => 'custom:abc');
    expect(result.map((a) => a.areaKey)).toEqual(['NETWORK', 'ACTIVITY_DIET', 'WORK_EDUCATION', 'FINANCES', 'HOUSING', 'custom:abc']);
    expect(result[5]).toMatchObject({ title: 'Fritid', future: 'Spille i band', goods: ['JOY'] });
  });

  it('never stores a title on a standard area and ignores unknown keys', () => {
    const result = normaliseAreas([{ ...blankArea('NETWORK'), title: 'x' }, blankArea('EVIL')], () => 'custom:x');
    expect(result).toEqual([blankArea('NETWORK')]);
  });

  it('parses goods in the handbook order and ignores junk', () => {
    expect(parseGoods(['MEANING', 'HEALTH', 3, 'NOPE'])).toEqual(['HEALTH', 'MEANING']);
    expect(parseGoods('HEALTH')).toEqual([]);
  });

  it('compares versions column by column, including added and removed areas', () => {
    const older = [
      { ...blankArea('NETWORK'), future: 'Ha venner', goods: ['BELONGING' as const] },
      { ...blankArea('custom:a'), title: 'Musikk', future: 'Spille' },
    ];
    const newer = [
      { ...blankArea('NETWORK'), future: 'Ha gode venner', goods: ['BELONGING' as const] },
      { ...blankArea('HOUSING'), future: 'Egen leilighet' },
    ];
    const rows = compareAreas(older, newer);
    expect(rows.map((r) => [r.areaKey, r.change])).toEqual([
      ['NETWORK', 'CHANGED'],
      ['HOUSING', 'ADDED'],
      ['custom:a', 'REMOVED'],
    ]);
    const network = rows[0]?.columns ?? [];
    expect(network.find((c) => c.column === 'future')).toMatchObject({ before: 'Ha venner', after: 'Ha gode venner', changed: true });
    expect(network.find((c) => c.column === 'goods')?.changed).toBe(false);
    expect(compareAreas(newer, newer).every((r) => r.change === 'SAME')).toBe(true);
  });
});

describe('progress', () => {
  it('takes each area’s status from the newest review that mentions it', () => {
    const latest = latestStatusByArea([
      { reviewedOn: '2026-03-01', createdAt: new Date(2), items: [{ areaKey: 'NETWORK', status: 'ACHIEVED', note: 'Bra' }] },
      {
        reviewedOn: '2026-01-10',
        createdAt: new Date(1),
        items: [
          { areaKey: 'NETWORK', status: 'IN_PROGRESS', note: null },
          { areaKey: 'HOUSING', status: 'PAUSED', note: null },
        ],
      },
    ]);
    expect(latest.NETWORK).toEqual({ status: 'ACHIEVED', note: 'Bra', reviewedOn: '2026-03-01' });
    expect(latest.HOUSING?.status).toBe('PAUSED');
  });

  it('counts areas and goods per Oslo month: 23:30 UTC on 31 January is February in Oslo', () => {
    const months = workedOnByMonth(
      [
        { startsAt: new Date('2026-01-31T23:30:00Z'), areas: ['HOUSING', 'NETWORK'], goods: ['JOY'] },
        { startsAt: osloInstant('2026-02-10', '17:00'), areas: ['NETWORK'], goods: ['JOY', 'HEALTH'] },
        { startsAt: osloInstant('2026-01-15', '17:00'), areas: [], goods: [] },
      ],
      ['NETWORK', 'HOUSING'],
    );
    expect(months).toEqual([
      {
        month: '2026-02',
        meetings: 2,
        areas: [
          { key: 'NETWORK', count: 2 },
          { key: 'HOUSING', count: 1 },
        ],
        goods: [
          { key: 'HEALTH', count: 1 },
          { key: 'JOY', count: 2 },
        ],
      },
      { month: '2026-01', meetings: 1, areas: [], goods: [] },
    ]);
  });
});

describe('handover', () => {
  it('summarises held meetings by their log, with Oslo dates and hours', () => {
    const summary = summariseMeetings([
      { startsAt: osloInstant('2026-03-02', '00:30'), status: 'HELD', durationMinutes: 60, log: { outcome: 'HELD', durationMinutes: 90 } },
      { startsAt: osloInstant('2026-04-20', '17:00'), status: 'HELD', durationMinutes: 60, log: null },
      {
        startsAt: osloInstant('2026-03-10', '17:00'),
        status: 'NO_SHOW',
        durationMinutes: 60,
        log: { outcome: 'NO_SHOW', durationMinutes: null },
      },
      { startsAt: osloInstant('2026-05-10', '17:00'), status: 'PLANNED', durationMinutes: 60, log: null },
    ]);
    expect(summary).toEqual({ firstHeld: '2026-03-02', lastHeld: '2026-04-20', held: 2, cancelled: 1, hours: 2.5 });
  });
});
