import { cachedView } from '~/lib/view-snapshot.server';
import { audit } from '~/lib/audit.server';
import { db, type Db } from '~/lib/db.server';
import { type Actor, isRunningPair, notFound, RUNNING_PAIR_STATUSES } from '~/lib/permissions.server';
import { getSetting } from '~/domain/settings/settings.server';
import { daysBetween, osloDate, todayInOslo } from '~/lib/time';
import { bestAssignment } from './assignment';
import {
  createPreparer,
  exclusionOf,
  explainMatch,
  matchTotal,
  type ExclusionReason,
  type MatchContext,
  type ParticipantForMatch,
  type PreparedParticipant,
  type PreparedVolunteer,
  type ScorePart,
  type VolunteerForMatch,
} from './score';
import { MIN_ASSIGNMENT_SCORE, MIN_DAYS_BEFORE_RELEASE, SUGGESTIONS_PER_PAGE } from './weights';
import { currentTime } from '~/lib/clock';
import { freePlaces } from '~/domain/volunteers/capacity';
import { volunteerPlaces, volunteersWithFreePlaces } from '~/domain/volunteers/free-places.server';
import { releaseDateInForce } from '~/domain/participants/release-date';
import { clearanceTooLate, type Clearance } from '~/domain/volunteers/clearance';

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
  actualReleaseDate: true,
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
  actualReleaseDate: string | null;
  releaseMunicipality: string;
  interests: unknown;
  languages: unknown;
  wishedGender: string | null;
}): WaitingParticipant {
  const { actualReleaseDate: _actual, ...rest } = row;
  // -- release (#21): matching reads the release date in force (the history's newest), not the column.
  return {
    ...rest,
    expectedReleaseDate: releaseDateInForce(row),
    interests: stringList(row.interests),
    languages: stringList(row.languages),
  };
}

/**
 * -- release (#21): of the given volunteers, those matching should warn about: no clearance for
 * the participant's prison valid today, and the release (in force) closer than the clearance
 * lead time (the setting `clearanceLeadWeeks`).
 */
export async function volunteersWithoutTimelyClearance(
  participant: { prison: string; releaseDate: string },
  volunteerIds: readonly string[],
  client: Db = db,
  now = currentTime(),
): Promise<Set<string>> {
  if (volunteerIds.length === 0) return new Set();
  const today = todayInOslo(now);
  const [leadWeeks, rows] = await Promise.all([
    getSetting(client, 'clearanceLeadWeeks'),
    client.visitorClearance.findMany({
      where: { volunteerId: { in: [...volunteerIds] } },
      select: { volunteerId: true, prison: true, appliedOn: true, clearedOn: true, expiresOn: true },
    }),
  ]);
  const byVolunteer = new Map<string, Clearance[]>();
  for (const { volunteerId, ...clearance } of rows) byVolunteer.set(volunteerId, [...(byVolunteer.get(volunteerId) ?? []), clearance]);
  return new Set(
    volunteerIds.filter((id) =>
      clearanceTooLate({
        clearances: byVolunteer.get(id) ?? [],
        prison: participant.prison,
        releaseDate: participant.releaseDate,
        today,
        leadWeeks,
      }),
    ),
  );
}

/** The hard-rule context for scoring, given the pairs that ended (never matched again). */
function matchContext(now: Date, minVolunteerAge: number, ended: { participantId: string; volunteerId: string }[]): MatchContext {
  const endedPairs = new Map<string, Set<string>>();
  for (const pair of ended) {
    const volunteers = endedPairs.get(pair.participantId) ?? new Set<string>();
    endedPairs.set(pair.participantId, volunteers.add(pair.volunteerId));
  }
  return { today: todayInOslo(now), minVolunteerAge, endedPairs };
}

export async function loadMatchContext(db: Db, now: Date): Promise<MatchContext> {
  const [minVolunteerAge, ended] = await Promise.all([
    getSetting(db, 'minVolunteerAge'),
    db.pair.findMany({ where: { status: 'ENDED' }, select: { participantId: true, volunteerId: true } }),
  ]);
  return matchContext(now, minVolunteerAge, ended);
}

export interface Suggestion {
  volunteer: CandidateVolunteer;
  total: number;
  parts: ScorePart[];
}

interface Ranked {
  volunteer: PreparedVolunteer<CandidateVolunteer>;
  total: number;
}

const compareNames = new Intl.Collator('nb').compare;

/** Higher score first; equal scores by the volunteer's last name. */
function byScore(a: Ranked, b: Ranked): number {
  return b.total - a.total || compareNames(a.volunteer.volunteer.lastName, b.volunteer.volunteer.lastName);
}

/**
 * Ranks candidates for one participant: hard rules exclude (counted by reason), the rest are
 * sorted by score. Only the first `shown` suggestions are explained part by part; `count` is
 * how many there are in all.
 */
export function rankVolunteers(
  participant: ParticipantForMatch,
  volunteers: CandidateVolunteer[],
  context: MatchContext,
  shown = Infinity,
) {
  const prepare = createPreparer(context);
  const p = prepare.participant(participant);
  const ranked: Ranked[] = [];
  const excluded: Partial<Record<ExclusionReason, number>> = {};
  for (const candidate of volunteers) {
    const volunteer = prepare.volunteer(candidate);
    const total = matchTotal(p, volunteer);
    if (total !== null) {
      ranked.push({ volunteer, total });
    } else {
      const reason = exclusionOf(p, volunteer)!;
      excluded[reason] = (excluded[reason] ?? 0) + 1;
    }
  }
  ranked.sort(byScore);
  const suggestions: Suggestion[] = ranked.slice(0, shown).map(({ volunteer, total }) => ({
    volunteer: volunteer.volunteer,
    total,
    parts: explainMatch(p, volunteer),
  }));
  return { suggestions, count: ranked.length, excluded };
}

/** Release is so close that about three prison meetings no longer fit before it. */
export function releaseTooSoon(expectedReleaseDate: string, today: string): boolean {
  const days = daysBetween(today, expectedReleaseDate);
  return days >= 0 && days < MIN_DAYS_BEFORE_RELEASE;
}

/** Waiting participants, with their proposed pairs and, for the hard rules, their ended ones. */
async function loadWaiting(db: Db) {
  const rows = await db.participant.findMany({
    where: { status: 'ACCEPTED', pairs: { none: { status: { in: [...RUNNING_PAIR_STATUSES] } } } },
    orderBy: { expectedReleaseDate: 'asc' },
    select: {
      ...participantSelect,
      statusChangedAt: true,
      pairs: { where: { status: { in: ['PROPOSED', 'ENDED'] } }, select: { status: true, volunteerId: true } },
    },
  });
  // -- release (#21): most urgent first by the release date in force (the query's order by the
  // expected column breaks ties as before; the sort is stable).
  return rows
    .map(({ pairs, statusChangedAt, ...row }) => ({
      participant: toParticipant(row),
      waitingSince: statusChangedAt,
      proposed: pairs.some((pair) => pair.status === 'PROPOSED'),
      ended: pairs.filter((pair) => pair.status === 'ENDED').map((pair) => ({ participantId: row.id, volunteerId: pair.volunteerId })),
    }))
    .sort((a, b) => a.participant.expectedReleaseDate.localeCompare(b.participant.expectedReleaseDate));
}

/** Every pair's total, each scored once: see totalOf. */
interface ScoreTable {
  width: number;
  totals: Int16Array;
}

function scoreTable(participants: PreparedParticipant[], volunteers: PreparedVolunteer[]): ScoreTable {
  const totals = new Int16Array(participants.length * volunteers.length);
  participants.forEach((p, i) => {
    const offset = i * volunteers.length;
    volunteers.forEach((volunteer, k) => {
      totals[offset + k] = matchTotal(p, volunteer) ?? -1;
    });
  });
  return { width: volunteers.length, totals };
}

/** The total of participant `row` with volunteer `k`, or -1 when a hard rule excludes the pair. */
function totalOf(table: ScoreTable, row: number, k: number): number {
  const total = k < table.width ? table.totals[row * table.width + k] : undefined;
  if (total === undefined) throw new RangeError(`No score for participant ${row} and volunteer ${k}`);
  return total;
}

/**
 * The best assignment over a score table for some of its participants (row numbers); a
 * volunteer with room for several pairs offers one slot per free place. Volunteers that none
 * of these participants can take at the minimum score offer no slot: leaving them out cannot
 * change the optimum, and it keeps the matrix small.
 */
function assignFromTable(rowsOf: number[], volunteers: PreparedVolunteer<CandidateVolunteer>[], table: ScoreTable) {
  const slots: number[] = [];
  volunteers.forEach(({ volunteer }, k) => {
    if (!rowsOf.some((row) => totalOf(table, row, k) >= MIN_ASSIGNMENT_SCORE)) return;
    for (let place = 0; place < freePlaces(volunteer); place += 1) slots.push(k);
  });
  const { slotOf, total } = bestAssignment({
    weights: rowsOf.map((row) =>
      slots.map((k) => {
        const score = totalOf(table, row, k);
        return score >= 0 ? score : null;
      }),
    ),
    slotCount: slots.length,
    minScore: MIN_ASSIGNMENT_SCORE,
  });
  const rows = rowsOf.map((row, i) => {
    const slot = slotOf[i] ?? -1;
    const k = slot >= 0 ? slots[slot] : undefined;
    const volunteer = k === undefined ? undefined : volunteers[k];
    return k === undefined || !volunteer
      ? { row, volunteer: null, total: null }
      : { row, volunteer: volunteer.volunteer, total: totalOf(table, row, k) };
  });
  return { rows, total };
}

/** Scores every participant against every volunteer with a free place, once. */
function scoreAll(participants: ParticipantForMatch[], volunteers: CandidateVolunteer[], context: MatchContext) {
  const prepare = createPreparer(context);
  const free = volunteers.filter((volunteer) => freePlaces(volunteer) > 0).map((volunteer) => prepare.volunteer(volunteer));
  return {
    free,
    table: scoreTable(
      participants.map((participant) => prepare.participant(participant)),
      free,
    ),
  };
}

/** The best assignment for the given participants over the given volunteers. */
export function computeAssignment(participants: WaitingParticipant[], volunteers: CandidateVolunteer[], context: MatchContext) {
  const { free, table } = scoreAll(participants, volunteers, context);
  const { rows, total } = assignFromTable(
    participants.map((_, i) => i),
    free,
    table,
  );
  return { rows: rows.flatMap(({ row, ...rest }) => (participants[row] ? [{ participant: participants[row], ...rest }] : [])), total };
}

/**
 * The waiting list, most urgent (release soonest) first, each participant with their best
 * suggestion and their volunteer in the assignment with the largest total score over the list
 * (participants with a proposal take no part in it). Loaded once, each pair scored once.
 */
export async function matchingOverview(db: Db, now = currentTime()) {
  const [rows, volunteers, minVolunteerAge] = await Promise.all([
    loadWaiting(db),
    volunteersWithFreePlaces(db),
    getSetting(db, 'minVolunteerAge'),
  ]);
  const context = matchContext(
    now,
    minVolunteerAge,
    rows.flatMap((row) => row.ended),
  );
  const { free, table } = scoreAll(
    rows.map((row) => row.participant),
    volunteers,
    context,
  );
  const bestOf = (row: number) => {
    let best: Ranked | null = null;
    for (const [k, volunteer] of free.entries()) {
      const candidate = { volunteer, total: totalOf(table, row, k) };
      if (candidate.total >= 0 && (!best || byScore(candidate, best) < 0)) best = candidate;
    }
    return best && { volunteer: best.volunteer.volunteer, total: best.total };
  };
  const assignment = assignFromTable(
    rows.flatMap((row, i) => (row.proposed ? [] : [i])),
    free,
    table,
  );
  const assigned = new Map(
    assignment.rows.map(({ row, volunteer, total }) => [row, volunteer && total !== null ? { volunteer, total } : null]),
  );
  return {
    waiting: rows.map(({ participant, proposed, waitingSince }, row) => ({
      participant,
      proposed,
      waitingSince,
      releaseSoon: releaseTooSoon(participant.expectedReleaseDate, context.today),
      best: bestOf(row),
      assigned: assigned.get(row) ?? null,
    })),
    assignmentTotal: assignment.total,
  };
}

/** How far the kept overview may lag the clock (ages, release dates); any change recomputes it. */
const OVERVIEW_MAX_AGE_MS = 5 * 60_000;

/**
 * The overview's rows as /matching lists them, kept as a view snapshot: scoring the whole
 * waiting list and solving the assignment take tens of milliseconds at national scale.
 */
export function matchingOverviewView(now = currentTime()) {
  const name = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;
  return cachedView(
    db,
    // Named by the rows' shape: a snapshot kept before the rows held prison, languages, interests and
    // the waiting time is not read as one of them.
    'matching-overview-v2',
    OVERVIEW_MAX_AGE_MS,
    async () => {
      const { waiting, assignmentTotal } = await matchingOverview(db, now);
      return {
        assignmentTotal,
        waiting: waiting.map((row) => ({
          id: row.participant.id,
          name: name(row.participant),
          release: row.participant.expectedReleaseDate,
          municipality: row.participant.releaseMunicipality,
          prison: row.participant.prison,
          languages: row.participant.languages,
          interests: row.participant.interests,
          waitingSince: row.waitingSince.toISOString(),
          proposed: row.proposed,
          releaseSoon: row.releaseSoon,
          best: row.best ? { name: name(row.best.volunteer), total: row.best.total } : null,
          assigned: row.assigned
            ? { volunteerId: row.assigned.volunteer.id, name: name(row.assigned.volunteer), total: row.assigned.total }
            : null,
        })),
      };
    },
    now,
  );
}

/**
 * The /matching overview with (-- release #21) the clearance warning on each row's assigned
 * volunteer, read fresh: a clearance recorded a minute ago shows at once.
 */
/** Waiting rows with a warning where the assigned volunteer lacks a timely prison clearance;
 * computed outside the kept view so a newly recorded clearance shows at once. */
export async function withClearanceWarnings<Row extends { prison?: string; release: string; assigned?: { volunteerId: string } | null }>(
  rows: readonly Row[],
  now = currentTime(),
) {
  return Promise.all(
    rows.map(async (row) => {
      const volunteerId = row.assigned?.volunteerId;
      const warn =
        volunteerId && row.prison !== undefined
          ? (await volunteersWithoutTimelyClearance({ prison: row.prison, releaseDate: row.release }, [volunteerId], db, now)).has(
              volunteerId,
            )
          : false;
      return { ...row, clearanceWarning: warn };
    }),
  );
}

/** Suggestions for one participant as a view snapshot, per participant and number shown. */
export function suggestionsView(db: Db, participantId: string, shown = SUGGESTIONS_PER_PAGE, now = currentTime()) {
  return cachedView(
    db,
    `matching-suggestions:${participantId}:${shown}`,
    OVERVIEW_MAX_AGE_MS,
    () => suggestionsFor(db, participantId, shown, now),
    now,
  );
}

/**
 * Suggestions for one participant, the first `shown` of them explained, or null when the
 * participant is not (or no longer) matchable.
 */
export async function suggestionsFor(db: Db, participantId: string, shown = SUGGESTIONS_PER_PAGE, now = currentTime()) {
  const [row, ready, minVolunteerAge] = await Promise.all([
    db.participant.findFirst({
      where: { id: participantId, status: { in: [...MATCHABLE_PARTICIPANT_STATUSES] } },
      select: {
        ...participantSelect,
        status: true,
        pairs: {
          where: { status: { in: ['PROPOSED', 'ACTIVE', 'ENDED', 'DECLINED', 'WITHDRAWN'] } },
          orderBy: { proposedAt: 'desc' },
          select: {
            id: true,
            status: true,
            proposedAt: true,
            proposalClosedAt: true,
            declineReason: true,
            volunteer: { select: { id: true, firstName: true, lastName: true } },
          },
        },
      },
    }),
    volunteerPlaces(db),
    getSetting(db, 'minVolunteerAge'),
  ]);
  if (!row) return null;
  const volunteers = ready.filter((volunteer) => freePlaces(volunteer) > 0);
  const { pairs: allPairs, status, ...rest } = row;
  const participant = toParticipant(rest);
  const ended = allPairs.filter((pair) => pair.status === 'ENDED');
  const pairs = allPairs.filter((pair) => pair.status === 'PROPOSED' || isRunningPair(pair.status));
  // Declined and withdrawn proposals never started: shown for the record, they exclude nobody.
  const closedProposals = allPairs
    .filter((pair) => pair.status === 'DECLINED' || pair.status === 'WITHDRAWN')
    .map((pair) => ({
      id: pair.id,
      status: pair.status as 'DECLINED' | 'WITHDRAWN',
      closedOn: osloDate(pair.proposalClosedAt ?? pair.proposedAt),
      declineReason: pair.declineReason,
      volunteer: pair.volunteer,
    }));
  const context = matchContext(
    now,
    minVolunteerAge,
    ended.map((pair) => ({ participantId, volunteerId: pair.volunteer.id })),
  );
  const busyWith = new Set(pairs.map((pair) => pair.volunteer.id));
  const { suggestions, count, excluded } = rankVolunteers(
    participant,
    volunteers.filter((volunteer) => !busyWith.has(volunteer.id)),
    context,
    shown,
  );
  // Only volunteers with a free place are ranked; the other ready ones are counted.
  const withoutPlace = ready.length - volunteers.length;
  return {
    participant,
    status,
    activePair: pairs.find((pair) => isRunningPair(pair.status)) ?? null,
    proposedPairs: pairs
      .filter((pair) => pair.status === 'PROPOSED')
      .map(({ proposedAt, proposalClosedAt: _closed, declineReason: _reason, ...pair }) => ({ ...pair, proposedOn: osloDate(proposedAt) })),
    closedProposals,
    releaseSoon: releaseTooSoon(participant.expectedReleaseDate, context.today),
    suggestions,
    count,
    excluded: withoutPlace > 0 ? { NO_CAPACITY: withoutPlace, ...excluded } : excluded,
  };
}

/** The matching page of one participant: their suggestions (404 when not matchable), the read audited. */
export async function viewSuggestions(request: Request | null, actor: Actor, participantId: string, shown = SUGGESTIONS_PER_PAGE) {
  const view = await suggestionsView(db, participantId, shown);
  if (!view.data) notFound();
  const participant = view.data.participant;
  await audit(db, request, {
    actorId: actor.id,
    action: 'VIEW',
    entityType: 'PARTICIPANT',
    entityId: participant.id,
    participantId: participant.id,
    detail: { page: 'matching' },
  });
  // -- release (#21): which suggested volunteers lack a clearance in time, read fresh (not cached).
  const noClearance = await volunteersWithoutTimelyClearance(
    { prison: participant.prison, releaseDate: participant.expectedReleaseDate },
    view.data.suggestions.map((suggestion) => suggestion.volunteer.id),
  );
  const leadWeeks = await getSetting(db, 'clearanceLeadWeeks');
  return { result: { ...view.data, noClearance: [...noClearance], leadWeeks }, computedAt: view.computedAt };
}
