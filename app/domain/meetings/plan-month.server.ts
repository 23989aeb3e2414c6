import type { Actor } from '~/lib/permissions.server';
import { audit } from '~/lib/audit.server';
import { db } from '~/lib/db.server';
import { monthOf, monthRange, osloDate, osloTime, shiftMonth, todayInOslo, weekdayOf, type MonthKey } from '~/lib/time';
import type { PlaceType } from './constants';
import { findPlannablePair } from './meetings.server';
import { allowedPlaceTypes, proposeDates } from './planning';
import { pairMonthTarget } from './target';
import { holdSpansByPair, targetRates } from './target.server';
import { currentTime } from '~/lib/clock';

/**
 * "Plan this month": what the month needs (its target, pairMonthTarget, less what is held or planned) and as
 * many proposals, on the weekday and at the time of the pair's latest meeting.
 */
export async function monthProposals(request: Request | null, actor: Actor, pairId: string, month: MonthKey | null, now = currentTime()) {
  const pair = await findPlannablePair(actor, pairId);
  await audit(db, request, { actorId: actor.id, action: 'VIEW', entityType: 'PAIR', entityId: pair.id, participantId: pair.participantId });
  const today = todayInOslo(now);
  const current = monthOf(now);
  const chosen = month === shiftMonth(current, 1) ? month : current;
  const { start, end } = monthRange(chosen);
  const [rates, holds, inMonth, latest] = await Promise.all([
    targetRates(db),
    holdSpansByPair(db, [pair.id]),
    db.meeting.findMany({
      where: { pairId, startsAt: { gte: start, lt: end }, status: { in: ['PLANNED', 'HELD'] } },
      select: { startsAt: true },
    }),
    db.meeting.findFirst({
      where: { pairId, status: { not: 'CANCELLED' } },
      orderBy: { startsAt: 'desc' },
      select: { startsAt: true, durationMinutes: true, placeType: true, place: true },
    }),
  ]);
  const releaseDate = pair.releaseDate;
  // The same target as the pair's month on its page and the dashboard (holds, the raise after release).
  const target = pairMonthTarget(
    rates,
    { startDate: pair.startDate ?? today, endDate: null, holds: holds.get(pair.id) ?? [], releaseDate },
    chosen,
  );
  const dates = proposeDates({
    month: chosen,
    today,
    count: target - inMonth.length,
    preferredWeekday: latest ? weekdayOf(osloDate(latest.startsAt)) : weekdayOf(today),
    taken: inMonth.map((meeting) => osloDate(meeting.startsAt)),
  });
  const proposals = dates.map((date) => {
    const allowed = allowedPlaceTypes(releaseDate, date);
    const placeType: PlaceType = latest && allowed.includes(latest.placeType as PlaceType) ? (latest.placeType as PlaceType) : allowed[0];
    const samePlace = latest?.placeType === placeType;
    return {
      include: 'on',
      date,
      time: latest ? osloTime(latest.startsAt) : placeType === 'PRISON_VISIT' ? '14:00' : '17:30',
      durationMinutes: String(latest?.durationMinutes ?? 60),
      placeType,
      place: samePlace ? (latest?.place ?? '') : '',
    };
  });
  return {
    pair: {
      id: pair.id,
      participantId: pair.participantId,
      status: pair.status,
      participantFirstName: pair.participant.firstName,
      releaseDate,
    },
    month: chosen,
    current,
    next: shiftMonth(current, 1),
    target,
    existing: inMonth.length,
    proposals,
  };
}
