import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createPreparer,
  explainMatch,
  matchTotal,
  scoreMatch,
  type MatchContext,
  type ParticipantForMatch,
  type VolunteerForMatch,
} from './score';
import { MAX_SCORE, WEIGHTS } from './weights';

const participant: ParticipantForMatch = {
  id: 'p1',
  dateOfBirth: '2004-03-10',
  expectedReleaseDate: '2027-01-15',
  releaseMunicipality: 'Trondheim',
  interests: ['Fotball', 'musikk', 'gaming'],
  languages: ['norsk', 'arabisk'],
  wishedGender: null,
};

const volunteer: VolunteerForMatch = {
  id: 'v1',
  status: 'READY',
  dateOfBirth: '1988-06-01',
  gender: 'MALE',
  municipality: 'Trondheim',
  interests: ['fotball', 'Musikk', 'matlaging'],
  languages: ['norsk', 'Arabisk'],
  availability: ['WEEKDAY_DAYTIME', 'EVENINGS'],
  capacity: 1,
  openPairs: 0,
};

const context: MatchContext = { today: '2026-11-22', minVolunteerAge: 25, endedPairs: new Map() };

describe('match score', () => {
  it('explains itself: the parts add up to the total', () => {
    const score = scoreMatch(participant, volunteer, context);
    expect(score.eligible).toBe(true);
    if (!score.eligible) return;
    expect(score.parts.reduce((sum, part) => sum + part.points, 0)).toBe(score.total);
    expect(score.parts.reduce((sum, part) => sum + part.max, 0)).toBe(MAX_SCORE);
    const byKey = Object.fromEntries(score.parts.map((part) => [part.key, part]));
    expect(byKey.interests?.detail).toEqual(['fotball', 'musikk']);
    expect(byKey.interests?.points).toBe(2 * WEIGHTS.sharedInterestEach);
    expect(byKey.municipality?.points).toBe(WEIGHTS.sameMunicipality);
    expect(byKey.language?.points).toBe(WEIGHTS.sharedOtherLanguage);
    expect(byKey.wishes?.points).toBe(WEIGHTS.wishMet);
    expect(byKey.ageGap?.detail).toEqual(['16']);
    expect(byKey.availability?.detail).toEqual(['WEEKDAY_DAYTIME']);
  });

  it('gives fewer points for a neighbouring municipality', () => {
    const neighbour = scoreMatch({ ...participant, releaseMunicipality: 'Malvik' }, volunteer, context);
    if (!neighbour.eligible) throw new Error('expected eligible');
    const byKey = Object.fromEntries(neighbour.parts.map((part) => [part.key, part.points]));
    expect(byKey.municipality).toBe(WEIGHTS.neighbouringMunicipality);
  });

  it('applies a wish for the gender as a rule: another gender, or none recorded, is excluded', () => {
    const wishesWoman = { ...participant, wishedGender: 'FEMALE' };
    expect(scoreMatch(wishesWoman, volunteer, context)).toEqual({ eligible: false, reason: 'GENDER_WISH' });
    expect(scoreMatch(wishesWoman, { ...volunteer, gender: null }, context)).toEqual({ eligible: false, reason: 'GENDER_WISH' });
    const met = scoreMatch(wishesWoman, { ...volunteer, gender: 'FEMALE' }, context);
    if (!met.eligible) throw new Error('expected eligible');
    expect(met.parts.find((part) => part.key === 'wishes')).toMatchObject({ points: WEIGHTS.wishMet, detail: ['FEMALE'] });
  });

  it.each([
    ['NOT_READY', { ...volunteer, status: 'SCREENING' }, context],
    ['NO_CAPACITY', { ...volunteer, openPairs: 1 }, context],
    ['UNDER_MIN_AGE', { ...volunteer, dateOfBirth: '2002-01-01' }, context],
    ['EARLIER_PAIR', volunteer, { ...context, endedPairs: new Map([['p1', new Set(['v1'])]]) }],
  ] as const)('excludes a volunteer for %s', (reason, v, c) => {
    expect(scoreMatch(participant, v, c)).toEqual({ eligible: false, reason });
  });

  it('uses the minimum-age setting: a 25-year-old is excluded when the minimum is 30', () => {
    const young = { ...volunteer, dateOfBirth: '2001-01-01' };
    expect(scoreMatch(participant, young, context).eligible).toBe(true);
    expect(scoreMatch(participant, young, { ...context, minVolunteerAge: 30 })).toEqual({ eligible: false, reason: 'UNDER_MIN_AGE' });
  });
});

describe('the total alone (for ranking and the assignment)', () => {
  const words = fc.uniqueArray(fc.constantFrom('fotball', ' Musikk', 'fiske', 'norsk', 'nynorsk', 'arabisk', 'Engelsk'), { maxLength: 4 });
  const place = fc.constantFrom('Trondheim', 'malvik ', 'Oppdal', 'Bergen');
  it('equals the sum of the explained parts, and is null exactly when a hard rule excludes', () => {
    fc.assert(
      fc.property(
        fc.record({
          interests: words,
          languages: words,
          municipality: place,
          wish: fc.constantFrom(null, 'FEMALE'),
          released: fc.boolean(),
        }),
        fc.record({
          interests: words,
          languages: words,
          municipality: place,
          gender: fc.constantFrom(null, 'FEMALE', 'MALE'),
          born: fc.integer({ min: 1940, max: 2006 }),
          availability: fc.uniqueArray(fc.constantFrom('WEEKDAY_DAYTIME', 'EVENINGS', 'WEEKENDS')),
          openPairs: fc.integer({ min: 0, max: 1 }),
          ended: fc.boolean(),
        }),
        (p, v) => {
          const prepare = createPreparer({ ...context, endedPairs: v.ended ? new Map([['p1', new Set(['v1'])]]) : new Map() });
          const prepared = prepare.participant({
            ...participant,
            interests: p.interests,
            languages: p.languages,
            releaseMunicipality: p.municipality,
            wishedGender: p.wish,
            expectedReleaseDate: p.released ? '2026-01-01' : '2027-01-01',
          });
          const candidate = prepare.volunteer({ ...volunteer, ...v, dateOfBirth: `${v.born}-01-01` });
          const total = matchTotal(prepared, candidate);
          const excluded = v.openPairs >= 1 || v.born > 2001 || v.ended || (p.wish !== null && v.gender !== p.wish);
          expect(total === null).toBe(excluded);
          if (total !== null) expect(total).toBe(explainMatch(prepared, candidate).reduce((sum, part) => sum + part.points, 0));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('counts only the same language as shared: Norwegian and Nynorsk are two', () => {
    const score = scoreMatch({ ...participant, languages: ['nynorsk'] }, { ...volunteer, languages: ['norsk'] }, context);
    if (!score.eligible) throw new Error('expected eligible');
    expect(score.parts.find((part) => part.key === 'language')?.points).toBe(0);
  });
});
