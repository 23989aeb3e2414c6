import { z } from 'zod';
import { Prisma } from '~/generated/prisma/client';
import type { Tx } from '~/lib/db.server';
import { queryRows, sqlJson, sqlNumber } from '~/lib/sql.server';
import { freePlaces, OPEN_PAIR_STATUSES } from './capacity';

const stringList = sqlJson(z.unknown()).transform((value) =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [],
);

const volunteerPlacesRow = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  status: z.string(),
  dateOfBirth: z.string(),
  gender: z.string().nullable(),
  municipality: z.string(),
  interests: stringList,
  languages: stringList,
  availability: stringList,
  capacity: sqlNumber,
  openPairs: sqlNumber,
});

export type VolunteerPlaces = z.output<typeof volunteerPlacesRow>;

/**
 * Every ready volunteer (or the one asked for, if ready) with their capacity and open pairs:
 * the one read of free places that matching, pairing and the recruitment figures share. A
 * correlated count per volunteer (Pair: volunteerId, status): Prisma's `_count` over all 1,400
 * ready volunteers took 3–4 times the CPU. The lists are read as JSON text, the same on SQLite
 * and PostgreSQL.
 */
export function volunteerPlaces(db: Tx, only?: { volunteerId: string }): Promise<VolunteerPlaces[]> {
  return queryRows(
    db,
    volunteerPlacesRow,
    Prisma.sql`
      SELECT v."id", v."firstName", v."lastName", v."status", v."dateOfBirth", v."gender", v."municipality",
        CAST(v."interests" AS TEXT) AS "interests", CAST(v."languages" AS TEXT) AS "languages",
        CAST(v."availability" AS TEXT) AS "availability", v."capacity",
        (SELECT COUNT(*) FROM "Pair" p WHERE p."volunteerId" = v."id" AND p."status" IN (${Prisma.join(OPEN_PAIR_STATUSES)})) AS "openPairs"
      FROM "VolunteerProfile" v
      WHERE v."status" = 'READY' AND v."anonymisedAt" IS NULL ${only ? Prisma.sql`AND v."id" = ${only.volunteerId}` : Prisma.empty}`,
  );
}

/** Ready volunteers with at least one free place: all that ranking and the assignment can use. */
export async function volunteersWithFreePlaces(db: Tx, only?: { volunteerId: string }): Promise<VolunteerPlaces[]> {
  return (await volunteerPlaces(db, only)).filter((volunteer) => freePlaces(volunteer) > 0);
}

/** Free places of all ready volunteers together. */
export async function freePlacesTotal(db: Tx): Promise<number> {
  return (await volunteerPlaces(db)).reduce((total, volunteer) => total + freePlaces(volunteer), 0);
}
