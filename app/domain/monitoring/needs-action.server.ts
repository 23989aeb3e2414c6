import { RUNNING_PAIR_STATUSES } from '~/lib/permissions.server';
import type { Tx } from '~/lib/db.server';
import { addDays, todayInOslo } from '~/lib/time';
import type { PairMonth } from '~/domain/pairs/pair-month.server';
import { fitCheckDue, nextSupportContact } from '~/domain/pairs/support';
import { releaseDateInForce } from '~/domain/participants/release-date';
import { releaseInForceBetween } from '~/domain/participants/release-date.server';
import { getSetting } from '~/domain/settings/settings.server';
import { CLEARANCE_EXPIRY_WARNING_DAYS } from '~/domain/volunteers/clearance';
import { expiringClearances } from '~/domain/volunteers/clearance.server';
import { isSettled, TRACKER_ITEMS } from '~/domain/participants/service-tracker';
import { overdueTrackerItems } from '~/domain/participants/service-tracker.server';

/** How many of each "needs action" group the dashboard lists; the totals are shown too. */
export const NEEDS_ACTION_LIMIT = 25;

/** What the coordinator should act on today; `months` are every active pair's (pairMonths). */
export async function needsActionToday(db: Tx, now: Date, months: PairMonth[]) {
  const today = todayInOslo(now);
  // Judged once, by the pair's month (an on-hold pair is never quiet or behind).
  const quiet = months.filter((pair) => pair.quiet);
  const behind = months.filter((pair) => pair.behind);
  const unloggedWhere = {
    status: 'PLANNED',
    startsAt: { lt: new Date(now.getTime() - 48 * 3600_000) },
    pair: { status: { in: [...RUNNING_PAIR_STATUSES] } },
  };
  // -- release (#21): clearances expiring within 30 days or the clearance lead time, whichever is longer.
  const clearanceWindow = Math.max(CLEARANCE_EXPIRY_WARNING_DAYS, (await getSetting(db, 'clearanceLeadWeeks')) * 7);
  const [unlogged, unloggedTotal, releasesFound, concerns, concernsTotal, clearances, overdueServices] = await Promise.all([
    db.meeting.findMany({
      where: unloggedWhere,
      orderBy: { startsAt: 'asc' },
      take: NEEDS_ACTION_LIMIT,
      select: { id: true, startsAt: true, pair: { select: { id: true, participant: { select: { firstName: true } } } } },
    }),
    db.meeting.count({ where: unloggedWhere }),
    db.participant.findMany({
      where: {
        anonymisedAt: null,
        status: { in: ['ACCEPTED', 'MATCHED'] },
        // -- release (#21): the date in force, not the expected column.
        ...releaseInForceBetween(today, addDays(today, 14)),
      },
      orderBy: { expectedReleaseDate: 'asc' },
      select: {
        id: true,
        firstName: true,
        expectedReleaseDate: true,
        actualReleaseDate: true,
        checklist: { select: { status: true } },
        pairs: { where: { status: { in: [...RUNNING_PAIR_STATUSES] } }, select: { id: true } },
      },
    }),
    db.concern.findMany({
      where: { acknowledgedAt: null },
      // Urgent first ('URGENT' sorts after 'NORMAL'), then the oldest.
      orderBy: [{ severity: 'desc' }, { createdAt: 'asc' }],
      take: NEEDS_ACTION_LIMIT,
      select: {
        id: true,
        text: true,
        severity: true,
        createdAt: true,
        pair: { select: { id: true, participant: { select: { firstName: true } } } },
      },
    }),
    db.concern.count({ where: { acknowledgedAt: null } }),
    expiringClearances(today, clearanceWindow, db),
    // -- services (#21): tracker items past their deadline, whoever owns them.
    overdueTrackerItems(db, now),
  ]);
  const releases = releasesFound
    .map((p) => ({ ...p, releaseDate: releaseDateInForce(p) }))
    .sort((a, b) => a.releaseDate.localeCompare(b.releaseDate));
  const supportDue = months.flatMap((pair) => {
    if (!pair.support) return [];
    const next = nextSupportContact(pair.startDate, pair.support.held, today, pair.support.justReleased);
    const fitCheck = fitCheckDue(pair.startDate, pair.support.fitCheckDone, today);
    return next.due || fitCheck
      ? [{ pairId: pair.id, participantFirstName: pair.participantFirstName, dueDate: next.due ? next.dueDate : null, fitCheck }]
      : [];
  });
  const limit = <T>(items: T[]) => items.slice(0, NEEDS_ACTION_LIMIT);
  return {
    totals: {
      quiet: quiet.length,
      behind: behind.length,
      unlogged: unloggedTotal,
      releases: releases.length,
      concerns: concernsTotal,
      supportDue: supportDue.length,
      clearances: clearances.length,
      overdueServices: overdueServices.length,
    },
    // Only what the lists show: the dashboard is kept as JSON and sent with the page.
    quiet: limit(quiet).map(({ id, participantFirstName, daysSinceHeld }) => ({ id, participantFirstName, daysSinceHeld })),
    behind: limit(behind).map(({ id, participantFirstName, held, target, expected }) => ({
      id,
      participantFirstName,
      held,
      target,
      expected,
    })),
    unlogged: unlogged.map((m) => ({
      id: m.id,
      startsAt: m.startsAt,
      pairId: m.pair.id,
      participantFirstName: m.pair.participant.firstName,
    })),
    releases: limit(releases).map((p) => ({
      participantId: p.id,
      firstName: p.firstName,
      releaseDate: p.releaseDate,
      pairId: p.pairs[0]?.id ?? null,
      checklistDone: p.checklist.filter((item) => isSettled(item.status)).length,
      checklistTotal: TRACKER_ITEMS.length,
    })),
    concerns: concerns.map((c) => ({
      id: c.id,
      text: c.text,
      urgent: c.severity === 'URGENT',
      createdAt: c.createdAt,
      pairId: c.pair.id,
      participantFirstName: c.pair.participant.firstName,
    })),
    supportDue: limit(supportDue),
    clearances: limit(clearances).map((c) => ({
      id: c.id,
      volunteerId: c.volunteer.id,
      volunteerName: `${c.volunteer.firstName} ${c.volunteer.lastName}`,
      prison: c.prison,
      expiresOn: c.expiresOn ?? '',
    })),
    overdueServices: limit(overdueServices).map((item) => ({
      participantId: item.participantId,
      firstName: item.firstName,
      item: item.item,
      owner: item.owner,
      deadline: item.deadline,
    })),
  };
}

export type NeedsAction = Awaited<ReturnType<typeof needsActionToday>>;
