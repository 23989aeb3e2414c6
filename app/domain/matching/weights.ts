/**
 * The weights of the match score, in one place. docs/matching.md explains each and why.
 * The maximum total is 100.
 */
export const WEIGHTS = {
  /** Points per shared interest, up to the maximum. */
  sharedInterestEach: 10,
  sharedInterestMax: 30,
  sameMunicipality: 20,
  neighbouringMunicipality: 10,
  /** A shared language other than Norwegian (often a mother tongue). */
  sharedOtherLanguage: 15,
  /** Only Norwegian in common. */
  sharedNorwegianOnly: 8,
  /** The participant's wish for the volunteer's gender is met, or there is no wish. */
  wishMet: 15,
  /** Age gap between 5 and 25 years: old enough to mentor, close enough to relate. */
  ageGapIdeal: 10,
  ageGapAcceptable: 5,
  /** The volunteer is free when meetings happen in the participant's phase. */
  availabilityFit: 10,
  availabilityPartial: 4,
} as const;

export const MAX_SCORE = 100;

/** Suggestions below this are not proposed by the best assignment. */
export const MIN_ASSIGNMENT_SCORE = 30;

/** About three weekly prison meetings before release: fewer days than this gets a warning. */
export const MIN_DAYS_BEFORE_RELEASE = 21;

/** Suggestions explained on a participant's page at first, and added by each "show more". */
export const SUGGESTIONS_PER_PAGE = 20;
