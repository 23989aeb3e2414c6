import { ageOn } from '~/lib/time';
import { freePlaces } from '~/domain/volunteers/capacity';
import { neighboursOf, normaliseMunicipality } from './municipalities';
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
  /** The volunteer's pairs in progress (OPEN_PAIR_STATUSES); see freePlaces. */
  openPairs: number;
}

export interface MatchContext {
  today: string;
  minVolunteerAge: number;
  /** Participant id → the volunteers they had a pair with that ended: never matched again. */
  endedPairs: ReadonlyMap<string, ReadonlySet<string>>;
}

export type ExclusionReason = 'NOT_READY' | 'NO_CAPACITY' | 'UNDER_MIN_AGE' | 'EARLIER_PAIR' | 'GENDER_WISH';

export type ScorePartKey = 'interests' | 'municipality' | 'language' | 'wishes' | 'ageGap' | 'availability';

export interface ScorePart {
  key: ScorePartKey;
  points: number;
  max: number;
  /** What earned the points, for the explanation (e.g. the shared interests). */
  detail: string[];
}

export type MatchScore = { eligible: true; total: number; parts: ScorePart[] } | { eligible: false; reason: ExclusionReason };

function normalisedList(values: string[]): string[] {
  const list: string[] = [];
  for (const value of values) {
    const normalised = value.trim().toLowerCase();
    if (normalised && !list.includes(normalised)) list.push(normalised);
  }
  return list;
}

const NORWEGIAN = new Set(['norsk', 'norwegian', 'bokmål', 'nynorsk']);
const NO_ENDED_PAIRS: ReadonlySet<string> = new Set();
// In prison, visits happen on weekdays in the daytime; after release, evenings and weekends.
const WANTED_SLOTS = { inPrison: ['WEEKDAY_DAYTIME'], released: ['EVENINGS', 'WEEKENDS'] } as const;

/**
 * A participant's side of the score, worked out once per request. Interests, languages,
 * municipalities and genders also get small numbers (ids within one preparer), and the
 * participant's side holds the points per id, so scoring a pair looks numbers up rather than
 * comparing strings.
 */
export interface PreparedParticipant {
  participant: ParticipantForMatch;
  age: number;
  interests: string[];
  languages: string[];
  /** By interest id: 1 for the participant's own interests. */
  interestHits: number[];
  /** By language id: the language part's points when that language is shared. */
  languagePoints: number[];
  /** By municipality id: the municipality part's points. */
  placePoints: number[];
  /** The wished gender's id, or -1 when there is no wish. */
  wishId: number;
  inPrison: boolean;
  endedWith: ReadonlySet<string>;
}

/** A volunteer's side of the score, worked out once per request. */
export interface PreparedVolunteer<V extends VolunteerForMatch = VolunteerForMatch> {
  volunteer: V;
  age: number;
  interests: string[];
  languages: string[];
  interestIds: number[];
  languageIds: number[];
  municipalityId: number;
  genderId: number;
  /** The availability part's points for a participant in prison and for one released. */
  availabilityPoints: { inPrison: number; released: number };
  /** The hard rules that do not depend on the participant. */
  exclusion: Exclude<ExclusionReason, 'EARLIER_PAIR' | 'GENDER_WISH'> | null;
}

/**
 * Prepares participants and volunteers for scoring within one request (ranking scores one
 * participant against every volunteer, the best assignment every pair). Ids are only
 * comparable between sides prepared by the same preparer.
 */
export function createPreparer(context: MatchContext) {
  const ids = new Map<string, number>();
  const idOf = (value: string): number => {
    let id = ids.get(value);
    if (id === undefined) {
      id = ids.size;
      ids.set(value, id);
    }
    return id;
  };
  return {
    participant(participant: ParticipantForMatch): PreparedParticipant {
      const interests = normalisedList(participant.interests);
      const languages = normalisedList(participant.languages);
      const municipality = normaliseMunicipality(participant.releaseMunicipality);
      const interestHits: number[] = [];
      for (const interest of interests) interestHits[idOf(interest)] = 1;
      const languagePoints: number[] = [];
      for (const language of languages) languagePoints[idOf(language)] = languagePartPoints([language]);
      const placePoints: number[] = [];
      for (const neighbour of neighboursOf(municipality)) placePoints[idOf(neighbour)] = WEIGHTS.neighbouringMunicipality;
      placePoints[idOf(municipality)] = WEIGHTS.sameMunicipality;
      return {
        participant,
        age: ageOn(participant.dateOfBirth, context.today),
        interests,
        languages,
        interestHits,
        languagePoints,
        placePoints,
        wishId: participant.wishedGender ? idOf(participant.wishedGender) : -1,
        inPrison: context.today < participant.expectedReleaseDate,
        endedWith: context.endedPairs.get(participant.id) ?? NO_ENDED_PAIRS,
      };
    },
    volunteer<V extends VolunteerForMatch>(volunteer: V): PreparedVolunteer<V> {
      const age = ageOn(volunteer.dateOfBirth, context.today);
      const interests = normalisedList(volunteer.interests);
      const languages = normalisedList(volunteer.languages);
      return {
        volunteer,
        age,
        interests,
        languages,
        interestIds: interests.map(idOf),
        languageIds: languages.map(idOf),
        municipalityId: idOf(normaliseMunicipality(volunteer.municipality)),
        genderId: volunteer.gender ? idOf(volunteer.gender) : -1,
        availabilityPoints: {
          inPrison: availabilityPoints(volunteer.availability, true),
          released: availabilityPoints(volunteer.availability, false),
        },
        exclusion:
          volunteer.status !== 'READY'
            ? 'NOT_READY'
            : freePlaces(volunteer) === 0
              ? 'NO_CAPACITY'
              : age < context.minVolunteerAge
                ? 'UNDER_MIN_AGE'
                : null,
      };
    },
  };
}

/**
 * The hard rules: a volunteer that breaks one is never suggested. The participant's wish for
 * the volunteer's gender is one of them: a volunteer of another gender, or of none recorded,
 * is left out.
 */
export function exclusionOf(p: PreparedParticipant, v: PreparedVolunteer): ExclusionReason | null {
  if (v.exclusion) return v.exclusion;
  if (p.endedWith.size > 0 && p.endedWith.has(v.volunteer.id)) return 'EARLIER_PAIR';
  return p.wishId !== -1 && p.wishId !== v.genderId ? 'GENDER_WISH' : null;
}

// The points of each part, shared by the total alone (matchTotal) and the explanation.
const interestPoints = (shared: number) => Math.min(shared * WEIGHTS.sharedInterestEach, WEIGHTS.sharedInterestMax);

function languagePartPoints(commonLanguages: string[]): number {
  if (commonLanguages.some((language) => !NORWEGIAN.has(language))) return WEIGHTS.sharedOtherLanguage;
  return commonLanguages.length > 0 ? WEIGHTS.sharedNorwegianOnly : 0;
}

function wishPoints(p: PreparedParticipant, v: PreparedVolunteer): number {
  return p.wishId === -1 || p.wishId === v.genderId ? WEIGHTS.wishMet : 0;
}

function ageGapPoints(gap: number): number {
  return gap >= 5 && gap <= 25 ? WEIGHTS.ageGapIdeal : gap > 25 && gap <= 35 ? WEIGHTS.ageGapAcceptable : 0;
}

function fits(slot: string, inPrison: boolean): boolean {
  return (inPrison ? WANTED_SLOTS.inPrison : WANTED_SLOTS.released).some((wanted) => wanted === slot);
}

function fittingSlots(availability: string[], inPrison: boolean): string[] {
  return availability.filter((slot) => fits(slot, inPrison));
}

function availabilityPoints(availability: string[], inPrison: boolean): number {
  if (availability.some((slot) => fits(slot, inPrison))) return WEIGHTS.availabilityFit;
  return availability.length > 0 ? WEIGHTS.availabilityPartial : 0;
}

/**
 * The score's total alone, or null when a hard rule excludes the pair: what ranking and the
 * best assignment need for every pair, without building the explanation.
 */
export function matchTotal(p: PreparedParticipant, v: PreparedVolunteer): number | null {
  if (exclusionOf(p, v)) return null;
  let sharedInterests = 0;
  for (const id of v.interestIds) sharedInterests += p.interestHits[id] ?? 0;
  // The language part is the most any one shared language earns (another language beats Norwegian).
  let language = 0;
  for (const id of v.languageIds) language = Math.max(language, p.languagePoints[id] ?? 0);
  return (
    interestPoints(sharedInterests) +
    (p.placePoints[v.municipalityId] ?? 0) +
    language +
    wishPoints(p, v) +
    ageGapPoints(v.age - p.age) +
    (p.inPrison ? v.availabilityPoints.inPrison : v.availabilityPoints.released)
  );
}

/**
 * Every part of the score with what earned it, so the coordinator can see why. The parts add
 * up to matchTotal; weights live in weights.ts. Assumes no hard rule excludes the pair.
 */
export function explainMatch(p: PreparedParticipant, v: PreparedVolunteer): ScorePart[] {
  const shared = p.interests.filter((interest) => v.interests.includes(interest));
  const commonLanguages = p.languages.filter((language) => v.languages.includes(language));
  const gap = v.age - p.age;
  const wished = p.participant.wishedGender;
  return [
    { key: 'interests', points: interestPoints(shared.length), max: WEIGHTS.sharedInterestMax, detail: shared },
    {
      key: 'municipality',
      points: p.placePoints[v.municipalityId] ?? 0,
      max: WEIGHTS.sameMunicipality,
      detail: [p.participant.releaseMunicipality, v.volunteer.municipality],
    },
    {
      key: 'language',
      points: languagePartPoints(commonLanguages),
      max: WEIGHTS.sharedOtherLanguage,
      detail: commonLanguages,
    },
    { key: 'wishes', points: wishPoints(p, v), max: WEIGHTS.wishMet, detail: wished ? [wished] : [] },
    { key: 'ageGap', points: ageGapPoints(gap), max: WEIGHTS.ageGapIdeal, detail: [String(gap)] },
    {
      key: 'availability',
      points: p.inPrison ? v.availabilityPoints.inPrison : v.availabilityPoints.released,
      max: WEIGHTS.availabilityFit,
      detail: fittingSlots(v.volunteer.availability, p.inPrison),
    },
  ];
}

/** One pair scored and explained: the hard rules first, then every part. */
export function scoreMatch(participant: ParticipantForMatch, volunteer: VolunteerForMatch, context: MatchContext): MatchScore {
  const prepare = createPreparer(context);
  const p = prepare.participant(participant);
  const v = prepare.volunteer(volunteer);
  const excluded = exclusionOf(p, v);
  if (excluded) return { eligible: false, reason: excluded };
  const parts = explainMatch(p, v);
  return { eligible: true, total: parts.reduce((sum, part) => sum + part.points, 0), parts };
}

export { MAX_SCORE };
