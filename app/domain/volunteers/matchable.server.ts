import { getSetting } from '~/domain/settings/settings.server';
import type { Tx } from '~/lib/db.server';
import { freeCapacity } from './readiness';
import { evaluate, READINESS_INCLUDE } from './volunteers.server';

/**
 * Volunteers a new pair can be made with (for matching): READY, still meeting the readiness
 * rule (a setting may have been raised since), and with free capacity: capacity minus their
 * PROPOSED and ACTIVE pairs. Matching lists candidates by their READY status (fast); this
 * full check is what a pair is saved against.
 */
export async function findMatchableVolunteers(tx: Tx, only?: { volunteerId: string }) {
  const minHours = await getSetting(tx, 'minTrainingHoursBeforeMatch');
  const volunteers = await tx.volunteerProfile.findMany({
    where: { status: 'READY', anonymisedAt: null, capacity: { gt: 0 }, ...(only ? { id: only.volunteerId } : {}) },
    include: READINESS_INCLUDE,
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
  });
  return volunteers.flatMap(({ interviews, references, certificates, enrolments, attendance, pairs, ...volunteer }) => {
    const { readiness, openPairs } = evaluate({ ...volunteer, interviews, references, certificates, enrolments, attendance, pairs }, minHours);
    const free = freeCapacity(volunteer.capacity, openPairs);
    return readiness.ready && free > 0 ? [{ ...volunteer, openPairs, freeCapacity: free }] : [];
  });
}
