import { z } from 'zod';
import { Prisma } from '~/generated/prisma/client';
import { queryRows } from '~/lib/sql.server';
import { db as defaultDb, type Tx } from '~/lib/db.server';
import { can, participantScope, pairScope, referralScope, type Actor } from '~/lib/permissions.server';
import { foldName, searchWords } from '~/domain/referrals/name-search';
import { fillSearchNames } from '~/domain/referrals/name-search.server';
import { participantStatusSchema, type ParticipantStatus } from '~/domain/participants/status';
import { pairStatusSchema, type PairStatus } from '~/domain/pairs/status';
import { volunteerStatusSchema, type VolunteerStatus } from '~/domain/volunteers/status';

/** The kinds of record one search covers, in the order they are shown. */
export const SEARCH_KINDS = ['participants', 'referrals', 'pairs', 'volunteers'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Pairs that exist (a declined or withdrawn proposal is no pair to find). */
const FOUND_PAIR_STATUSES = ['PROPOSED', 'ACTIVE', 'ENDED'] as const satisfies readonly PairStatus[];

export interface SearchHits {
  participants: { id: string; name: string; prison: string; municipality: string; status: ParticipantStatus }[];
  referrals: { id: string; name: string; prison: string; referralDate: string; status: ParticipantStatus }[];
  pairs: { id: string; participantName: string; volunteerName: string; municipality: string; status: PairStatus }[];
  volunteers: { id: string; name: string; municipality: string; status: VolunteerStatus }[];
}

export interface SearchResult {
  query: string;
  /** The kinds this user may search, whether or not anything was found. */
  kinds: SearchKind[];
  hits: SearchHits;
  /** Kinds with more hits than were returned. */
  more: SearchKind[];
}

/** The kinds of record a user may find: what their role may read, nothing else. */
export function searchKinds(actor: Actor): SearchKind[] {
  return SEARCH_KINDS.filter((kind) => {
    switch (kind) {
      case 'participants':
        return can(actor.role, 'participants:read');
      case 'referrals':
        return can(actor.role, 'referrals:read-all') || can(actor.role, 'referrals:read-own');
      case 'pairs':
        return can(actor.role, 'pairs:manage');
      case 'volunteers':
        return can(actor.role, 'volunteers:manage');
    }
  });
}

/** The places (prisons, municipalities) whose folded name holds the word. */
function placesWith(places: readonly string[], word: string): string[] {
  return places.filter((place) => foldName(place).includes(word));
}

interface Places {
  prisons: string[];
  municipalities: string[];
}

/** Every prison and municipality there is, in one statement (a Prisma query costs ~0.5 ms of CPU each). */
async function knownPlaces(db: Tx): Promise<Places> {
  const rows = await queryRows(
    db,
    z.object({ kind: z.enum(['prison', 'municipality']), place: z.string() }),
    Prisma.sql`SELECT DISTINCT 'prison' AS "kind", "prison" AS "place" FROM "Participant"
      UNION SELECT DISTINCT 'municipality', "releaseMunicipality" FROM "Participant"
      UNION SELECT DISTINCT 'municipality', "municipality" FROM "VolunteerProfile"`,
  );
  return {
    prisons: rows.filter((row) => row.kind === 'prison').map((row) => row.place),
    municipalities: rows.filter((row) => row.kind === 'municipality').map((row) => row.place),
  };
}

/**
 * A participant matches when every word is in their name, their prison or their release
 * municipality (a place matches by its folded name, so "tronde" finds Trondheim and "østl"
 * Østlandet). The words are folded like the stored key: case and accents do not matter.
 */
function participantMatch(words: string[], places: Places): Prisma.ParticipantWhereInput {
  return {
    anonymisedAt: null,
    AND: words.map((word) => ({
      OR: [
        { searchName: { contains: word } },
        { prison: { in: placesWith(places.prisons, word) } },
        { releaseMunicipality: { in: placesWith(places.municipalities, word) } },
      ],
    })),
  };
}

function volunteerMatch(words: string[], places: Places): Prisma.VolunteerProfileWhereInput {
  return {
    anonymisedAt: null,
    AND: words.map((word) => ({
      OR: [{ searchName: { contains: word } }, { municipality: { in: placesWith(places.municipalities, word) } }],
    })),
  };
}

/** A pair matches when every word is in its participant's or its volunteer's name or place. */
function pairMatch(words: string[], places: Places): Prisma.PairWhereInput {
  return {
    AND: words.map((word) => ({
      OR: [
        { participant: { anonymisedAt: null, searchName: { contains: word } } },
        { participant: { anonymisedAt: null, prison: { in: placesWith(places.prisons, word) } } },
        { participant: { anonymisedAt: null, releaseMunicipality: { in: placesWith(places.municipalities, word) } } },
        { volunteer: { anonymisedAt: null, searchName: { contains: word } } },
      ],
    })),
  };
}

const name = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;

/**
 * One search over participants, referrals, pairs and volunteers by name, municipality and
 * prison: at most `limit` hits of each kind the user may read, each kind narrowed by the
 * user's scope in the query itself (an officer finds their own referrals only).
 */
export async function searchEverything(actor: Actor, query: string, limit: number, db: Tx = defaultDb): Promise<SearchResult> {
  const kinds = searchKinds(actor);
  const words = searchWords(query);
  const hits: SearchHits = { participants: [], referrals: [], pairs: [], volunteers: [] };
  if (words.length === 0 || kinds.length === 0) return { query, kinds, hits, more: [] };
  const wants = (kind: SearchKind) => kinds.includes(kind);
  await Promise.all([
    fillSearchNames(db),
    wants('volunteers') || wants('pairs') ? fillSearchNames(db, 'VolunteerProfile') : Promise.resolve(0),
  ]);
  const places = await knownPlaces(db);
  const take = limit + 1;
  const [participants, referrals, pairs, volunteers] = await Promise.all([
    wants('participants')
      ? db.participant.findMany({
          where: { AND: [participantScope(actor), participantMatch(words, places)] },
          select: { id: true, firstName: true, lastName: true, prison: true, releaseMunicipality: true, status: true },
          orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
          take,
        })
      : [],
    wants('referrals')
      ? db.referral.findMany({
          where: { AND: [referralScope(actor), { participant: participantMatch(words, places) }] },
          select: {
            id: true,
            referralDate: true,
            participant: { select: { firstName: true, lastName: true, prison: true, status: true } },
          },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take,
        })
      : [],
    wants('pairs')
      ? db.pair.findMany({
          where: { AND: [pairScope(actor), { status: { in: [...FOUND_PAIR_STATUSES] } }, pairMatch(words, places)] },
          select: {
            id: true,
            status: true,
            participant: { select: { firstName: true, lastName: true, releaseMunicipality: true } },
            volunteer: { select: { firstName: true, lastName: true } },
          },
          orderBy: [{ proposedAt: 'desc' }, { id: 'desc' }],
          take,
        })
      : [],
    wants('volunteers')
      ? db.volunteerProfile.findMany({
          where: volunteerMatch(words, places),
          select: { id: true, firstName: true, lastName: true, municipality: true, status: true },
          orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
          take,
        })
      : [],
  ]);
  hits.participants = participants.slice(0, limit).map((row) => ({
    id: row.id,
    name: name(row),
    prison: row.prison,
    municipality: row.releaseMunicipality,
    status: participantStatusSchema.parse(row.status),
  }));
  hits.referrals = referrals.slice(0, limit).map((row) => ({
    id: row.id,
    name: name(row.participant),
    prison: row.participant.prison,
    referralDate: row.referralDate,
    status: participantStatusSchema.parse(row.participant.status),
  }));
  hits.pairs = pairs.slice(0, limit).map((row) => ({
    id: row.id,
    participantName: name(row.participant),
    volunteerName: name(row.volunteer),
    municipality: row.participant.releaseMunicipality,
    status: pairStatusSchema.parse(row.status),
  }));
  hits.volunteers = volunteers.slice(0, limit).map((row) => ({
    id: row.id,
    name: name(row),
    municipality: row.municipality,
    status: volunteerStatusSchema.parse(row.status),
  }));
  const counts: Record<SearchKind, number> = {
    participants: participants.length,
    referrals: referrals.length,
    pairs: pairs.length,
    volunteers: volunteers.length,
  };
  return { query, kinds, hits, more: kinds.filter((kind) => counts[kind] > limit) };
}
