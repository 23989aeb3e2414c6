import { ageOn } from '~/lib/time';
import { areNeighbours, normaliseMunicipality } from './municipalities';
import { MAX_SCORE, WEIGHTS } from './weights';

export interface ParticipantForMatch {
  id: string;
  dateOfBirth: string;
  expectedReleaseDate: string;
  releaseMunicipality: string;
  interests: string[];
  languages: string[];
  wishedGender: string | null;
}

export interface VolunteerForMatch {
  id: string;
  status: string;
  dateOfBirth: string;
  gender: string | null;
  municipality: string;
  interests: string[];
  languages: string[];
  availability: string[];
  capacity: number;
  /** ACTIVE and PROPOSED pairs the volunteer already has. */
  openPairs: number;
}

export interface MatchContext {
  today: string;
  minVolunteerAge: number;
  /** "participantId|volunteerId" of pairs that ended: the two are never matched again. */
  endedPairs: ReadonlySet<string>;
}

export type ExclusionReason = 'NOT_READY' | 'NO_CAPACITY' | 'UNDER_MIN_AGE' | 'EARLIER_PAIR';

export type ScorePartKey = 'interests' | 'municipality' | 'language' | 'wishes' | 'ageGap' | 'availability';

export interface ScorePart {
  key: ScorePartKey;
  points: number;
  max: number;
  /** What earned the points, for the explanation (e.g. the shared interests). */
  detail: string[];
}

export type MatchScore =
  | { eligible: true; total: number; parts: ScorePart[] }
  | { eligible: false; reason: ExclusionReason };

function normalisedSet(values: string[]): Set<string> {
  return new Set(values.map((value) => value.trim().toLowerCase()).filter(Boolean));
}

interface Prepared {
  today: string;
  age: number;
  interests: Set<string>;
  languages: Set<string>;
  municipality: string;
}

// Ranking scores one participant against thousands of volunteers (and the best assignment
// scores every pair), so each side's sets and age are worked out once per object and day.
const preparedCache = new WeakMap<object, Prepared>();

function prepare(
  side: { dateOfBirth: string; interests: string[]; languages: string[]; municipality?: string; releaseMunicipality?: string },
  today: string,
): Prepared {
  const cached = preparedCache.get(side);
  if (cached && cached.today === today) return cached;
  const prepared = {
    today,
    age: ageOn(side.dateOfBirth, today),
    interests: normalisedSet(side.interests),
    languages: normalisedSet(side.languages),
    municipality: normaliseMunicipality(side.municipality ?? side.releaseMunicipality ?? ''),
  };
  preparedCache.set(side, prepared);
  return prepared;
}

function intersection(a: Set<string>, b: Set<string>): string[] {
  const common: string[] = [];
  for (const value of a) if (b.has(value)) common.push(value);
  return common;
}

const NORWEGIAN = new Set(['norsk', 'norwegian', 'bokmål', 'nynorsk']);

/** The hard rules: a volunteer that breaks one is never suggested. */
export function exclusion(participant: ParticipantForMatch, volunteer: VolunteerForMatch, context: MatchContext): ExclusionReason | null {
  if (volunteer.status !== 'READY') return 'NOT_READY';
  if (volunteer.openPairs >= volunteer.capacity) return 'NO_CAPACITY';
  if (prepare(volunteer, context.today).age < context.minVolunteerAge) return 'UNDER_MIN_AGE';
  if (context.endedPairs.has(`${participant.id}|${volunteer.id}`)) return 'EARLIER_PAIR';
  return null;
}

/**
 * How well a volunteer fits a participant, with every part shown so the coordinator can see
 * why. The parts add up to the total; weights live in weights.ts.
 */
export function scoreMatch(participant: ParticipantForMatch, volunteer: VolunteerForMatch, context: MatchContext): MatchScore {
  const excluded = exclusion(participant, volunteer, context);
  if (excluded) return { eligible: false, reason: excluded };

  const p = prepare(participant, context.today);
  const v = prepare(volunteer, context.today);
  const shared = intersection(p.interests, v.interests);
  const interests: ScorePart = {
    key: 'interests',
    points: Math.min(shared.length * WEIGHTS.sharedInterestEach, WEIGHTS.sharedInterestMax),
    max: WEIGHTS.sharedInterestMax,
    detail: shared,
  };

  const place = p.municipality === v.municipality
    ? WEIGHTS.sameMunicipality
    : areNeighbours(p.municipality, v.municipality)
      ? WEIGHTS.neighbouringMunicipality
      : 0;
  const municipality: ScorePart = {
    key: 'municipality',
    points: place,
    max: WEIGHTS.sameMunicipality,
    detail: [participant.releaseMunicipality, volunteer.municipality],
  };

  const commonLanguages = intersection(p.languages, v.languages);
  const otherLanguage = commonLanguages.some((language) => !NORWEGIAN.has(language));
  const language: ScorePart = {
    key: 'language',
    points: otherLanguage ? WEIGHTS.sharedOtherLanguage : commonLanguages.length > 0 ? WEIGHTS.sharedNorwegianOnly : 0,
    max: WEIGHTS.sharedOtherLanguage,
    detail: commonLanguages,
  };

  const wishMet = !participant.wishedGender || participant.wishedGender === volunteer.gender;
  const wishes: ScorePart = {
    key: 'wishes',
    points: wishMet ? WEIGHTS.wishMet : 0,
    max: WEIGHTS.wishMet,
    detail: participant.wishedGender ? [participant.wishedGender] : [],
  };

  const gap = v.age - p.age;
  const ageGap: ScorePart = {
    key: 'ageGap',
    points: gap >= 5 && gap <= 25 ? WEIGHTS.ageGapIdeal : gap > 25 && gap <= 35 ? WEIGHTS.ageGapAcceptable : 0,
    max: WEIGHTS.ageGapIdeal,
    detail: [String(gap)],
  };

  // In prison, visits happen on weekdays in the daytime; after release, evenings and weekends.
  const inPrison = context.today < participant.expectedReleaseDate;
  const wanted = inPrison ? ['WEEKDAY_DAYTIME'] : ['EVENINGS', 'WEEKENDS'];
  const matchingSlots = volunteer.availability.filter((slot) => wanted.includes(slot));
  const availability: ScorePart = {
    key: 'availability',
    points: matchingSlots.length > 0 ? WEIGHTS.availabilityFit : volunteer.availability.length > 0 ? WEIGHTS.availabilityPartial : 0,
    max: WEIGHTS.availabilityFit,
    detail: matchingSlots,
  };

  const parts = [interests, municipality, language, wishes, ageGap, availability];
  return { eligible: true, total: parts.reduce((sum, part) => sum + part.points, 0), parts };
}

export { MAX_SCORE };
