import type { Tx } from '~/lib/db.server';
import { freeCapacity } from './readiness';
import { OPEN_PAIR_STATUSES } from './volunteers.server';

/**
 * Volunteers a new pair can be made with (for matching): READY, and with free capacity
 * (capacity minus their PROPOSED and ACTIVE pairs). READY is only ever set by the readiness
 * rule, so every screening and training step is done.
 */
export async function findMatchableVolunteers(tx: Tx) {
  const volunteers = await tx.volunteerProfile.findMany({
    where: { status: 'READY', anonymisedAt: null, capacity: { gt: 0 } },
    include: { _count: { select: { pairs: { where: { status: { in: OPEN_PAIR_STATUSES } } } } } },
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
  });
  return volunteers
    .map(({ _count, ...volunteer }) => ({ ...volunteer, openPairs: _count.pairs, freeCapacity: freeCapacity(volunteer.capacity, _count.pairs) }))
    .filter((volunteer) => volunteer.freeCapacity > 0);
}
