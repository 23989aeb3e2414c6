/**
 * -- services (#21, decision 024): the services tracker's figures, one function (decision 009):
 * how many of the services due were done by release day, and how long before the release NAV
 * was notified. /reports and the workbook show them through programmeOutcomeRows.
 */
import type { Tx } from '~/lib/db.server';
import { currentTime } from '~/lib/clock';
import { daysBetween, osloDate, todayInOslo } from '~/lib/time';
import { releasedParticipants } from '~/domain/pairs/first-week.server';
import { TRACKER_ITEMS } from '~/domain/participants/service-tracker';
import type { FigurePeriod } from './figures.server';
import { median } from './survival';

type Period = Pick<FigurePeriod, 'firstDay' | 'lastDay'> | null;

export interface ServiceFigures {
  /** Participants released in the period (up to today) with a pair running on the release day: the release-day cohort. */
  released: number;
  /** Their tracker items, less those confirmed not needed. */
  itemsDue: number;
  /** Of those, the items confirmed done on or before the release date in force (Oslo days). */
  doneByRelease: number;
  /** doneByRelease / itemsDue; null with nothing due. */
  share: number | null;
  /** NAV items confirmed done for the cohort. */
  navNotices: number;
  /** Median days from the NAV item's confirmation (its Oslo day) to the release date in force; negative when after. */
  medianNavNoticeDays: number | null;
}

/** The first day any period can hold, for all time. */
const EVER = '1900-01-01';

/**
 * THE tracker figures: for the release-day cohort of the period (releasedParticipants, the same
 * participants as the release-to-first-contact figures), each tracker item counts as due unless
 * confirmed not needed, and as done by release day when it was confirmed done on or before the
 * release date in force. The NAV notice lead time is the days between the NAV item's
 * confirmation and that release date. A release moved after the confirmation is measured
 * against the date in force.
 */
export async function serviceFigures(db: Tx, period: Period, now = currentTime()): Promise<ServiceFigures> {
  const today = todayInOslo(now);
  const lastDay = period && period.lastDay < today ? period.lastDay : today;
  const firstDay = period?.firstDay ?? EVER;
  const released = firstDay > lastDay ? [] : await releasedParticipants(db, firstDay, lastDay);
  const rows = released.length
    ? await db.releaseChecklistItem.findMany({
        where: { participantId: { in: released.map((row) => row.participantId) } },
        select: { participantId: true, item: true, status: true, confirmedAt: true },
      })
    : [];
  let itemsDue = 0;
  let doneByRelease = 0;
  const navDays: number[] = [];
  for (const participant of released) {
    const own = rows.filter((row) => row.participantId === participant.participantId);
    for (const item of TRACKER_ITEMS) {
      const row = own.find((entry) => entry.item === item);
      if (row?.status === 'NOT_NEEDED') continue;
      itemsDue += 1;
      if (row?.status !== 'DONE' || !row.confirmedAt) continue;
      const confirmedOn = osloDate(row.confirmedAt);
      if (confirmedOn <= participant.releaseDate) doneByRelease += 1;
      if (item === 'NAV') navDays.push(daysBetween(confirmedOn, participant.releaseDate));
    }
  }
  return {
    released: released.length,
    itemsDue,
    doneByRelease,
    share: itemsDue ? Math.round((doneByRelease / itemsDue) * 1000) / 1000 : null,
    navNotices: navDays.length,
    medianNavNoticeDays: median(navDays),
  };
}
