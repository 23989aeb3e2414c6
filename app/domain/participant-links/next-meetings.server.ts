import { currentTime } from '~/lib/clock';
import type { Db } from '~/lib/db.server';

/** The pair's planned meetings from now on, for the participant's own read-only list. */
export function nextMeetings(db: Db, pairId: string, now = currentTime()) {
  return db.meeting.findMany({
    where: { pairId, status: 'PLANNED', startsAt: { gte: now }, pair: { status: 'ACTIVE' } },
    orderBy: { startsAt: 'asc' },
    take: 8,
    select: { id: true, startsAt: true, durationMinutes: true, placeType: true, place: true },
  });
}
