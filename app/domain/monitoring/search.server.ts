import { z } from 'zod';
import { Prisma } from '~/generated/prisma/client';
import { queryOne, queryRows, sqlBoolean, sqlNumber } from '~/lib/sql.server';
import { db as defaultDb, type Tx } from '~/lib/db.server';
import { DATA_VERSION_SQL } from '~/lib/view-snapshot.server';
import { can, pairAccess, pairFilterSql, participantScopeSql, referralScopeSql, type Actor } from '~/lib/permissions.server';
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

const readinessRow = z.object({ participantsUnkeyed: sqlBoolean, volunteersUnkeyed: sqlBoolean, version: sqlNumber });

/** The places as of a data version (decision 015): read again once anything has changed. */
let placesAsOf: { version: number; places: Places } | null = null;

/**
 * Makes sure every person has a search key and gives the places to match against, in one
 * statement when nothing needs filling: the keys' state and the data version together, with
 * the places from memory when the data has not changed since they were read. Only the shared
 * client keeps them: a transaction's version may yet be rolled back.
 */
async function readyToSearch(db: Tx): Promise<Places> {
  const state = await queryOne(
    db,
    readinessRow,
    Prisma.sql`SELECT EXISTS (SELECT 1 FROM "Participant" WHERE "searchName" IS NULL) AS "participantsUnkeyed",
      EXISTS (SELECT 1 FROM "VolunteerProfile" WHERE "searchName" IS NULL) AS "volunteersUnkeyed",
      ${DATA_VERSION_SQL} AS "version"`,
  );
  if (state.participantsUnkeyed || state.volunteersUnkeyed) {
    await Promise.all([fillSearchNames(db), fillSearchNames(db, 'VolunteerProfile')]);
    return knownPlaces(db);
  }
  if (db !== defaultDb) return knownPlaces(db);
  if (placesAsOf?.version !== state.version) placesAsOf = { version: state.version, places: await knownPlaces(db) };
  return placesAsOf.places;
}

/** `column IN (…)`, or no match when the list is empty. */
function inList(column: Prisma.Sql, values: string[]): Prisma.Sql {
  return values.length === 0 ? Prisma.sql`1 = 0` : Prisma.sql`${column} IN (${Prisma.join(values)})`;
}

/** LIKE's pattern for a word; search words hold no LIKE wildcards (searchWords). */
const containing = (word: string) => `%${word}%`;

/** Whether a participant (`pt`) has the word in their name, their prison or their release municipality. */
function participantHas(word: string, places: Places): Prisma.Sql {
  return Prisma.sql`(pt."searchName" LIKE ${containing(word)}
    OR ${inList(Prisma.sql`pt."prison"`, placesWith(places.prisons, word))}
    OR ${inList(Prisma.sql`pt."releaseMunicipality"`, placesWith(places.municipalities, word))})`;
}

/**
 * A participant (`pt`) matches when every word is in their name, their prison or their release
 * municipality (a place matches by its folded name, so "tronde" finds Trondheim and "østl"
 * Østlandet). The words are folded like the stored key: case and accents do not matter.
 */
function participantMatch(words: string[], places: Places): Prisma.Sql {
  const each = words.map((word) => participantHas(word, places));
  return Prisma.sql`pt."anonymisedAt" IS NULL AND ${Prisma.join(each, ' AND ')}`;
}

/** A volunteer (`v`) matches when every word is in their name or their municipality. */
function volunteerMatch(words: string[], places: Places): Prisma.Sql {
  const each = words.map(
    (word) =>
      Prisma.sql`(v."searchName" LIKE ${containing(word)} OR ${inList(Prisma.sql`v."municipality"`, placesWith(places.municipalities, word))})`,
  );
  return Prisma.sql`v."anonymisedAt" IS NULL AND ${Prisma.join(each, ' AND ')}`;
}

/**
 * A pair (`p`) matches when every word is in its participant's name or place, or in its
 * volunteer's name. Each word's people are found first (one scan of each table rather than a
 * join per pair), so that a rare word costs no more than a common one.
 */
function pairMatch(words: string[], places: Places): Prisma.Sql {
  const each = words.map(
    (
      word,
    ) => Prisma.sql`(p."participantId" IN (SELECT pt."id" FROM "Participant" pt WHERE pt."anonymisedAt" IS NULL AND ${participantHas(word, places)})
      OR p."volunteerId" IN (SELECT v."id" FROM "VolunteerProfile" v WHERE v."anonymisedAt" IS NULL AND v."searchName" LIKE ${containing(word)}))`,
  );
  return Prisma.join(each, ' AND ');
}

const personRow = { id: z.string(), firstName: z.string(), lastName: z.string() };
const participantRow = z.object({ ...personRow, prison: z.string(), releaseMunicipality: z.string(), status: participantStatusSchema });
const referralRow = z.object({ ...personRow, prison: z.string(), referralDate: z.string(), status: participantStatusSchema });
const pairRow = z.object({
  id: z.string(),
  status: pairStatusSchema,
  participantFirstName: z.string(),
  participantLastName: z.string(),
  volunteerFirstName: z.string(),
  volunteerLastName: z.string(),
  releaseMunicipality: z.string(),
});
const volunteerRow = z.object({ ...personRow, municipality: z.string(), status: volunteerStatusSchema });

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
  const places = await readyToSearch(db);
  const take = limit + 1;
  // Plain SQL, one statement a kind: a Prisma query with relation filters costs several times
  // more CPU than SQLite takes to answer it (docs/performance.md).
  const [participants, referrals, pairs, volunteers] = await Promise.all([
    wants('participants')
      ? queryRows(
          db,
          participantRow,
          Prisma.sql`SELECT pt."id", pt."firstName", pt."lastName", pt."prison", pt."releaseMunicipality", pt."status"
          FROM "Participant" pt WHERE ${participantScopeSql(actor, 'pt')} AND ${participantMatch(words, places)}
          ORDER BY pt."lastName", pt."firstName", pt."id" LIMIT ${take}`,
        )
      : [],
    wants('referrals')
      ? queryRows(
          db,
          referralRow,
          // The referrals of the page first, then the names for those rows only.
          Prisma.sql`SELECT r."id", r."referralDate", pt."firstName", pt."lastName", pt."prison", pt."status"
          FROM (SELECT r."id", r."referralDate", r."participantId", r."createdAt" FROM "Referral" r
            WHERE ${referralScopeSql(actor, 'r')}
              AND r."participantId" IN (SELECT pt."id" FROM "Participant" pt WHERE ${participantMatch(words, places)})
            ORDER BY r."createdAt" DESC, r."id" DESC LIMIT ${take}) r
          JOIN "Participant" pt ON pt."id" = r."participantId"
          ORDER BY r."createdAt" DESC, r."id" DESC`,
        )
      : [],
    wants('pairs')
      ? queryRows(
          db,
          pairRow,
          Prisma.sql`SELECT p."id", p."status", pt."firstName" AS "participantFirstName", pt."lastName" AS "participantLastName",
            v."firstName" AS "volunteerFirstName", v."lastName" AS "volunteerLastName", pt."releaseMunicipality"
          FROM (SELECT p."id", p."status", p."participantId", p."volunteerId", p."proposedAt"
            FROM "Pair" p JOIN "VolunteerProfile" v ON v."id" = p."volunteerId"
            WHERE ${pairFilterSql(pairAccess(actor))} AND p."status" IN (${Prisma.join([...FOUND_PAIR_STATUSES])})
              AND ${pairMatch(words, places)}
            ORDER BY p."proposedAt" DESC, p."id" DESC LIMIT ${take}) p
          JOIN "Participant" pt ON pt."id" = p."participantId" JOIN "VolunteerProfile" v ON v."id" = p."volunteerId"
          ORDER BY p."proposedAt" DESC, p."id" DESC`,
        )
      : [],
    wants('volunteers')
      ? queryRows(
          db,
          volunteerRow,
          Prisma.sql`SELECT v."id", v."firstName", v."lastName", v."municipality", v."status"
          FROM "VolunteerProfile" v WHERE ${volunteerMatch(words, places)}
          ORDER BY v."lastName", v."firstName", v."id" LIMIT ${take}`,
        )
      : [],
  ]);
  hits.participants = participants.slice(0, limit).map((row) => ({
    id: row.id,
    name: name(row),
    prison: row.prison,
    municipality: row.releaseMunicipality,
    status: row.status,
  }));
  hits.referrals = referrals.slice(0, limit).map((row) => ({
    id: row.id,
    name: name(row),
    prison: row.prison,
    referralDate: row.referralDate,
    status: row.status,
  }));
  hits.pairs = pairs.slice(0, limit).map((row) => ({
    id: row.id,
    participantName: `${row.participantFirstName} ${row.participantLastName}`,
    volunteerName: `${row.volunteerFirstName} ${row.volunteerLastName}`,
    municipality: row.releaseMunicipality,
    status: row.status,
  }));
  hits.volunteers = volunteers.slice(0, limit).map((row) => ({
    id: row.id,
    name: name(row),
    municipality: row.municipality,
    status: row.status,
  }));
  const counts: Record<SearchKind, number> = {
    participants: participants.length,
    referrals: referrals.length,
    pairs: pairs.length,
    volunteers: volunteers.length,
  };
  return { query, kinds, hits, more: kinds.filter((kind) => counts[kind] > limit) };
}
