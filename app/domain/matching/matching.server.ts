import type { Db } from '~/lib/db.server';
import { getSetting } from '~/domain/settings/settings.server';
import { daysBetween, todayInOslo } from '~/lib/time';
import { bestAssignment } from './assignment';
import { scoreMatch, type ExclusionReason, type MatchContext, type ParticipantForMatch, type ScorePart, type VolunteerForMatch } from './score';
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

/** Ranks every candidate for one participant; hard rules exclude, the rest sorted by score. */
export function rankVolunteers(participant: ParticipantForMatch, volunteers: CandidateVolunteer[], context: MatchContext) {
  const suggestions: Suggestion[] = [];
  const excluded: Partial<Record<ExclusionReason, number>> = {};
  for (const volunteer of volunteers) {
    const score = scoreMatch(participant, volunteer, context);
    if (score.eligible) suggestions.push({ volunteer, total: score.total, parts: score.parts });
    else excluded[score.reason] = (excluded[score.reason] ?? 0) + 1;
  }
  suggestions.sort((a, b) => b.total - a.total || a.volunteer.lastName.localeCompare(b.volunteer.lastName, 'nb'));
  return { suggestions, excluded };
}

/** Release is so close that about three prison meetings no longer fit before it. */
export function releaseTooSoon(expectedReleaseDate: string, today: string): boolean {
  const days = daysBetween(today, expectedReleaseDate);
  return days >= 0 && days < MIN_DAYS_BEFORE_RELEASE;
}

/** The waiting list, most urgent (release soonest) first, each with its best suggestion. */
export async function waitingList(db: Db, now = new Date()) {
  const [rows, volunteers, context] = await Promise.all([
    db.participant.findMany({
      where: { status: 'ACCEPTED', pairs: { none: { status: 'ACTIVE' } } },
      orderBy: { expectedReleaseDate: 'asc' },
      select: { ...participantSelect, pairs: { where: { status: 'PROPOSED' }, select: { id: true } } },
    }),
    loadCandidateVolunteers(db),
    loadMatchContext(db, now),
  ]);
  return rows.map(({ pairs, ...row }) => {
    const participant = toParticipant(row);
    const { suggestions } = rankVolunteers(participant, volunteers, context);
    return {
      participant,
      proposed: pairs.length > 0,
      releaseSoon: releaseTooSoon(participant.expectedReleaseDate, context.today),
      best: suggestions[0] ?? null,
    };
  });
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

/**
 * The assignment with the largest total score over the whole waiting list. A volunteer with
 * room for several pairs offers one slot per free place.
 */
export async function optimalAssignment(db: Db, now = new Date()) {
  const list = await waitingList(db, now);
  const waiting = list.filter((row) => !row.proposed).map((row) => row.participant);
  const [volunteers, context] = await Promise.all([loadCandidateVolunteers(db), loadMatchContext(db, now)]);
  return computeAssignment(waiting, volunteers, context);
}

export function computeAssignment(participants: WaitingParticipant[], volunteers: CandidateVolunteer[], context: MatchContext) {
  const slots = volunteers.flatMap((volunteer) =>
    Array.from({ length: Math.max(0, volunteer.capacity - volunteer.openPairs) }, () => volunteer),
  );
  const scores = participants.map((participant) =>
    slots.map((volunteer) => {
      const score = scoreMatch(participant, volunteer, context);
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
