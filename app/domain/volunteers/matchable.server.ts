import { getSetting } from '~/domain/settings/settings.server';
import type { Tx } from '~/lib/db.server';
import { freePlaces } from './capacity';
import { volunteersWithFreePlaces } from './free-places.server';
import { evaluate, READINESS_INCLUDE } from './volunteers.server';

/**
 * Volunteers a new pair can be made with (for matching): READY with a free place
 * (volunteerPlaces) and still meeting the readiness rule (a setting may have been raised
 * since). Matching lists candidates by their READY status (fast); this full check is what a
 * pair is saved against.
 */
export async function findMatchableVolunteers(tx: Tx, only?: { volunteerId: string }) {
  const [minHours, withPlace] = await Promise.all([getSetting(tx, 'minTrainingHoursBeforeMatch'), volunteersWithFreePlaces(tx, only)]);
  const placesOf = new Map(withPlace.map((volunteer) => [volunteer.id, volunteer]));
  const volunteers = await tx.volunteerProfile.findMany({
    where: { id: { in: [...placesOf.keys()] } },
    include: READINESS_INCLUDE,
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
  });
  return volunteers.flatMap(({ interviews, references, certificates, enrolments, attendance, pairs, ...volunteer }) => {
    const places = placesOf.get(volunteer.id);
    const { readiness } = evaluate({ ...volunteer, interviews, references, certificates, enrolments, attendance, pairs }, minHours);
    return places && readiness.ready ? [{ ...volunteer, openPairs: places.openPairs, freeCapacity: freePlaces(places) }] : [];
  });
}
