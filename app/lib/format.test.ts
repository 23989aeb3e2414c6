import { describe, expect, it } from 'vitest';
import { formatDaysFromToday, formatHalfYear, formatNumber, formatParam, formatRelativeDays } from './format';
import { translator } from './i18n';

describe('the shared formatter', () => {
  it('writes half-years as words', () => {
    expect(formatHalfYear('2026-H1', 'nb')).toBe('1. halvår 2026');
    expect(formatHalfYear('2026-H2', 'en')).toBe('second half of 2026');
  });

  it('uses the language’s decimal sign', () => {
    expect(formatNumber(8.4, 'nb')).toBe('8,4');
    expect(formatNumber(3.4, 'en')).toBe('3.4');
    expect(formatNumber(5, 'nb')).toBe('5');
  });

  it('says relative days in the right tense', () => {
    expect(formatRelativeDays('2026-12-01', '2026-12-01', 'nb')).toBe('i dag');
    expect(formatRelativeDays('2026-11-30', '2026-12-01', 'nb')).toBe('i går');
    expect(formatRelativeDays('2026-12-04', '2026-12-01', 'nb')).toBe('om 3 dager');
    expect(formatRelativeDays('2026-11-28', '2026-12-01', 'nb')).toBe('for 3 dager siden');
    expect(formatDaysFromToday(0, 'en')).toBe('today');
    expect(formatDaysFromToday(1, 'en')).toBe('tomorrow');
    expect(formatDaysFromToday(3, 'en')).toBe('in 3 days');
    expect(formatDaysFromToday(-3, 'en')).toBe('3 days ago');
  });

  it('formats stored values in message parameters, and leaves other text and whole numbers alone', () => {
    expect(formatParam('2026-08-01', 'nb')).toBe('1. aug. 2026');
    expect(formatParam('2026-08-01', 'en')).toBe('1 Aug 2026');
    expect(formatParam('2026-H2', 'nb')).toBe('2. halvår 2026');
    expect(formatParam(2026, 'en')).toBe('2026');
    expect(formatParam(8.4, 'nb')).toBe('8,4');
    expect(formatParam('Kari Nordmann', 'nb')).toBe('Kari Nordmann');
    expect(translator('en')('settings.targetsSaved', { halfYear: '2026-H2' })).toBe('The targets for second half of 2026 are saved.');
    expect(translator('nb')('recruitment.expectedByNow', { expected: 8.4 })).toBe('Forventet så langt i halvåret: 8,4');
  });
});
