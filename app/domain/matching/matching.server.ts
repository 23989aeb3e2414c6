import type { Db } from '~/lib/db.server';
import { getSetting } from '~/domain/settings/settings.server';
import { daysBetween, todayInOslo } from '~/lib/time';
import { bestAssignment } from './assignment';
import { scoreMatch, type ExclusionReason, type MatchContext, type MatchScore, type ParticipantForMatch, type ScorePart, type VolunteerForMatch } from './score';
import { MIN_ASSIGNMENT_SCORE, MIN_DAYS_BEFORE_RELEASE } from './weights';

/** Participants who may be matched: accepted and waiting, or matched and up for re-matching. */
export const MATCHABLE_PARTICIPANT_STATUSES = ['ACCEPTED', 'MATCHED'] as const;

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export type WaitingParticipant = ParticipantForMatch & { firstName: string; lastName: string; prison: string };
export type CandidateVolunteer = VolunteerForMatch & { firstName: string; lastName: string };

const participantSelect = {
  id: true,
  firstName: true,
  lastName: true,
  dateOfBirth: true,
  prison: true,
  expectedReleaseDate: true,
  releaseMunicipality: true,
  interests: true,
  languages: true,
  wishedGender: true,
} as const;

function toParticipant(row: {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  prison: string;
  expectedReleaseDate: string;
  releaseMunicipality: string;
  interests: unknown;
  languages: unknown;
  wishedGender: string | null;
}): WaitingParticipant {
  return { ...row, interests: stringList(row.interests), languages: stringList(row.languages) };
}

/** Ready volunteers with their open pairs counted (capacity is derived, never stored twice). */
export async function loadCandidateVolunteers(db: Db): Promise<CandidateVolunteer[]> {
  const rows = await db.volunteerProfile.findMany({
    where: { status: 'READY' },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      status: true,
      dateOfBirth: true,
      gender: true,
      municipality: true,
      interests: true,
      languages: true,
      availability: true,
      capacity: true,
      _count: { select: { pairs: { where: { status: { in: ['ACTIVE', 'PROPOSED'] } } } } },
    },
  });
  return rows.map(({ _count, ...row }) => ({
    ...row,
    interests: stringList(row.interests),
    languages: stringList(row.languages),
    availability: stringList(row.availability),
    openPairs: _count.pairs,
  }));
}

export async function loadMatchContext(db: Db, now: Date): Promise<MatchContext> {
  const [minVolunteerAge, ended] = await Promise.all([
    getSetting(db, 'minVolunteerAge'),
    db.pair.findMany({ where: { status: 'ENDED' }, select: { participantId: true, volunteerId: true } }),
  ]);
  return {
    today: todayInOslo(now),
    minVolunteerAge,
    endedPairs: new Set(ended.map((pair) => `${pair.participantId}|${pair.volunteerId}`)),
  };
}

export interface Suggestion {
  volunteer: CandidateVolunteer;
  total: number;
  parts: ScorePart[];
}

type Scorer = (participant: WaitingParticipant | ParticipantForMatch, volunteer: CandidateVolunteer) => MatchScore;

/** scoreMatch, remembered per participant and volunteer, for views that score a pair twice. */
function memoisedScorer(context: MatchContext): Scorer {
  const scores = new Map<string, MatchScore>();
  return (participant, volunteer) => {
    const key = `${participant.id}|${volunteer.id}`;
    let score = scores.get(key);
    if (!score) {
      score = scoreMatch(participant, volunteer, context);
      scores.set(key, score);
    }
    return score;
  };
}

/** Ranks every candidate for one participant; hard rules exclude, the rest sorted by score. */
export function rankVolunteers(
  participant: ParticipantForMatch,
  volunteers: CandidateVolunteer[],
  context: MatchContext,
  score: Scorer = (p, v) => scoreMatch(p, v, context),
) {
  const suggestions: Suggestion[] = [];
  const excluded: Partial<Record<ExclusionReason, number>> = {};
  for (const volunteer of volunteers) {
    const result = score(participant, volunteer);
    if (result.eligible) suggestions.push({ volunteer, total: result.total, parts: result.parts });
    else excluded[result.reason] = (excluded[result.reason] ?? 0) + 1;
  }
  suggestions.sort((a, b) => b.total - a.total || a.volunteer.lastName.localeCompare(b.volunteer.lastName, 'nb'));
  return { suggestions, excluded };
}

/** Release is so close that about three prison meetings no longer fit before it. */
export function releaseTooSoon(expectedReleaseDate: string, today: string): boolean {
  const days = daysBetween(today, expectedReleaseDate);
  return days >= 0 && days < MIN_DAYS_BEFORE_RELEASE;
}

async function loadWaiting(db: Db) {
  const rows = await db.participant.findMany({
    where: { status: 'ACCEPTED', pairs: { none: { status: 'ACTIVE' } } },
    orderBy: { expectedReleaseDate: 'asc' },
    select: { ...participantSelect, pairs: { where: { status: 'PROPOSED' }, select: { id: true } } },
  });
  return rows.map(({ pairs, ...row }) => ({ participant: toParticipant(row), proposed: pairs.length > 0 }));
}

function rankWaiting(rows: Awaited<ReturnType<typeof loadWaiting>>, volunteers: CandidateVolunteer[], context: MatchContext, score: Scorer) {
  // A volunteer without a free place is never eligible, so only the others are scored.
  const free = volunteers.filter((volunteer) => volunteer.openPairs < volunteer.capacity);
  return rows.map(({ participant, proposed }) => ({
    participant,
    proposed,
    releaseSoon: releaseTooSoon(participant.expectedReleaseDate, context.today),
    best: rankVolunteers(participant, free, context, score).suggestions[0] ?? null,
  }));
}

/** The waiting list, most urgent (release soonest) first, each with its best suggestion. */
export async function waitingList(db: Db, now = new Date()) {
  const [rows, volunteers, context] = await Promise.all([loadWaiting(db), loadCandidateVolunteers(db), loadMatchContext(db, now)]);
  return rankWaiting(rows, volunteers, context, memoisedScorer(context));
}

/**
 * The waiting list and the assignment with the largest total score over it (participants
 * with a proposal excluded), loaded once and each pair scored once.
 */
export async function matchingOverview(db: Db, now = new Date()) {
  const [rows, volunteers, context] = await Promise.all([loadWaiting(db), loadCandidateVolunteers(db), loadMatchContext(db, now)]);
  const score = memoisedScorer(context);
  const waiting = rankWaiting(rows, volunteers, context, score);
  const open = rows.filter((row) => !row.proposed).map((row) => row.participant);
  return { waiting, assignment: computeAssignment(open, volunteers, context, score) };
}

/** Suggestions for one participant, or null when they are not (or no longer) matchable. */
export async function suggestionsFor(db: Db, participantId: string, now = new Date()) {
  const row = await db.participant.findFirst({
    where: { id: participantId, status: { in: [...MATCHABLE_PARTICIPANT_STATUSES] } },
    select: {
      ...participantSelect,
      status: true,
      pairs: {
        where: { status: { in: ['PROPOSED', 'ACTIVE'] } },
        select: { id: true, status: true, volunteer: { select: { id: true, firstName: true, lastName: true } } },
      },
    },
  });
  if (!row) return null;
  const { pairs, status, ...rest } = row;
  const participant = toParticipant(rest);
  const [volunteers, context] = await Promise.all([loadCandidateVolunteers(db), loadMatchContext(db, now)]);
  const busyWith = new Set(pairs.map((pair) => pair.volunteer.id));
  const { suggestions, excluded } = rankVolunteers(
    participant,
    volunteers.filter((volunteer) => !busyWith.has(volunteer.id)),
    context,
  );
  return {
    participant,
    status,
    activePair: pairs.find((pair) => pair.status === 'ACTIVE') ?? null,
    proposedPairs: pairs.filter((pair) => pair.status === 'PROPOSED'),
    releaseSoon: releaseTooSoon(participant.expectedReleaseDate, context.today),
    suggestions,
    excluded,
  };
}

/** The best assignment; a volunteer with room for several pairs offers one slot per free place. */
export function computeAssignment(
  participants: WaitingParticipant[],
  volunteers: CandidateVolunteer[],
  context: MatchContext,
  scoreOf: Scorer = (p, v) => scoreMatch(p, v, context),
) {
  const slots = volunteers.flatMap((volunteer) =>
    Array.from({ length: Math.max(0, volunteer.capacity - volunteer.openPairs) }, () => volunteer),
  );
  const scores = participants.map((participant) =>
    slots.map((volunteer) => {
      const score = scoreOf(participant, volunteer);
      return score.eligible ? score : null;
    }),
  );
  const { slotOf, total } = bestAssignment({
    weights: scores.map((row) => row.map((score) => score?.total ?? null)),
    slotCount: slots.length,
    minScore: MIN_ASSIGNMENT_SCORE,
  });
  const rows = participants.map((participant, i) => {
    const slot = slotOf[i];
    const score = slot >= 0 ? scores[i][slot] : null;
    return {
      participant,
      volunteer: slot >= 0 ? slots[slot] : null,
      total: score?.total ?? null,
      parts: score?.parts ?? [],
    };
  });
  return { rows, total };
}
