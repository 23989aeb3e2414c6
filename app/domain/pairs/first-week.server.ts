import { db as defaultDb, type Db, type Tx } from '~/lib/db.server';
import { emailCoordinators } from '~/lib/email.server';
import { currentTime } from '~/lib/clock';
import { STARTED_PAIR_STATUSES } from '~/lib/permissions.server';
import { addDays, osloDate, startOfOsloDay, type IsoDate } from '~/lib/time';
import { releaseDateInForce } from '~/domain/participants/release-date';
import { releaseInForceBetween } from '~/domain/participants/release-date.server';
import {
  FIRST_WEEK_DAYS,
  FIRST_WEEK_LIST_DAYS,
  firstWeekStatus,
  missedFirstWeekDays,
  type FirstWeekDay,
  type FirstWeekState,
} from './first-week';

/** Inbound texts from the participant that are a contact: an answer to a reminder or a reply to the volunteer. */
const CONTACT_TEXT_KINDS_IN = ['ANSWER', 'REPLY'];

/**
 * THE definition of a community contact with a participant (the release-day protocol and the
 * release-to-first-contact figures): a meeting of their pair that was held, a match-support
 * contact with the participant that was held (a logged call, or in person, or digital), or a
 * text — one from the participant (an answer or a reply), or the volunteer's message through
 * the programme's number once the phone reported it delivered. Returns each participant's
 * contact instants from `from` on, oldest first. A support contact records only its day, so it
 * counts at 00:00 Oslo that day.
 */
export async function communityContactTimes(db: Tx, participantIds: readonly string[], from: Date): Promise<Map<string, Date[]>> {
  const byParticipant = new Map<string, Date[]>(participantIds.map((id) => [id, []]));
  if (participantIds.length === 0) return byParticipant;
  const ids = [...participantIds];
  const fromDate = osloDate(from);
  const [meetings, support, textsIn, textsOut] = await Promise.all([
    db.meeting.findMany({
      where: { status: 'HELD', startsAt: { gte: from }, pair: { participantId: { in: ids } } },
      select: { startsAt: true, pair: { select: { participantId: true } } },
    }),
    db.supportContact.findMany({
      where: { withWhom: 'PARTICIPANT', heldOn: { gte: fromDate }, pair: { participantId: { in: ids } } },
      select: { heldOn: true, pair: { select: { participantId: true } } },
    }),
    db.smsMessage.findMany({
      where: { direction: 'IN', kind: { in: CONTACT_TEXT_KINDS_IN }, participantId: { in: ids }, createdAt: { gte: from } },
      select: { participantId: true, createdAt: true },
    }),
    db.smsMessage.findMany({
      where: { direction: 'OUT', kind: 'VOLUNTEER_MESSAGE', status: 'DELIVERED', participantId: { in: ids } },
      select: { participantId: true, receiptAt: true, sentAt: true },
    }),
  ]);
  const add = (participantId: string | null | undefined, at: Date | null | undefined) => {
    if (!participantId || !at || at < from) return;
    byParticipant.get(participantId)?.push(at);
  };
  for (const meeting of meetings) add(meeting.pair.participantId, meeting.startsAt);
  for (const contact of support) add(contact.pair.participantId, contact.heldOn ? startOfOsloDay(contact.heldOn) : null);
  for (const text of textsIn) add(text.participantId, text.createdAt);
  for (const text of textsOut) add(text.participantId, text.receiptAt ?? text.sentAt);
  for (const times of byParticipant.values()) times.sort((a, b) => a.getTime() - b.getTime());
  return byParticipant;
}

export interface ReleasedParticipant {
  participantId: string;
  firstName: string;
  releaseDate: IsoDate;
  /** The pair that was running on the release day (the newest, if several). */
  pairId: string;
}

/**
 * THE cohort of the release-day protocol: participants whose release date in force falls from
 * `fromDate` to `toDate` (both included) and who had a started pair running on that day (it
 * had started by then and had not ended before it). The dashboard, the alerts and the figures
 * read it.
 */
export async function releasedParticipants(db: Tx, fromDate: IsoDate, toDate: IsoDate): Promise<ReleasedParticipant[]> {
  const rows = await db.participant.findMany({
    where: {
      anonymisedAt: null,
      ...releaseInForceBetween(fromDate, toDate),
      pairs: { some: { status: { in: [...STARTED_PAIR_STATUSES] }, startDate: { not: null } } },
    },
    select: {
      id: true,
      firstName: true,
      expectedReleaseDate: true,
      actualReleaseDate: true,
      earliestReleaseDate: true,
      pairs: {
        where: { status: { in: [...STARTED_PAIR_STATUSES] }, startDate: { not: null } },
        select: { id: true, startDate: true, endDate: true },
        orderBy: { startDate: 'desc' },
      },
    },
  });
  return rows.flatMap((row) => {
    const releaseDate = releaseDateInForce(row);
    const pair = row.pairs.find(
      (candidate) => candidate.startDate! <= releaseDate && (!candidate.endDate || candidate.endDate >= releaseDate),
    );
    return pair ? [{ participantId: row.id, firstName: row.firstName, releaseDate, pairId: pair.id }] : [];
  });
}

export interface FirstWeekRow extends ReleasedParticipant {
  targets: { day: FirstWeekDay; date: IsoDate; state: FirstWeekState }[];
}

/** Every participant released in the last 14 days (today included) with their day 0/1/3/7 status: the dashboard's list. */
export async function firstWeekList(db: Tx = defaultDb, now = currentTime()): Promise<FirstWeekRow[]> {
  const today = osloDate(now);
  const released = await releasedParticipants(db, addDays(today, -(FIRST_WEEK_LIST_DAYS - 1)), today);
  const earliest = released.reduce<IsoDate>((min, row) => (row.releaseDate < min ? row.releaseDate : min), today);
  const contacts = await communityContactTimes(
    db,
    released.map((row) => row.participantId),
    startOfOsloDay(earliest),
  );
  return released
    .map((row) => ({ ...row, targets: firstWeekStatus(row.releaseDate, contacts.get(row.participantId) ?? [], now) }))
    .sort((a, b) => (a.releaseDate === b.releaseDate ? a.firstName.localeCompare(b.firstName) : a.releaseDate < b.releaseDate ? 1 : -1));
}

/** The idempotency key of one missed target's alert: one per participant, release date and day. */
export function firstWeekAlertKey(participantId: string, releaseDate: IsoDate, day: FirstWeekDay, coordinatorId: string): string {
  return `first-week-missed:${participantId}:${releaseDate}:${day}:${coordinatorId}`;
}

/**
 * Alerts every coordinator once per missed target: a day 0/1/3/7 whose Oslo day is over
 * without a contact. Run by the `first-week-contacts` job; the outbox's idempotency key makes
 * a rerun, a catch-up or a second instance queue nothing twice. Looks back over the days a
 * day-7 target can still be missed in (released up to 8 days ago). Returns the alerts queued
 * per coordinator (targets missed).
 */
export async function alertMissedFirstWeekContacts(db: Db, now = currentTime()): Promise<number> {
  const today = osloDate(now);
  const lastDay = Math.max(...FIRST_WEEK_DAYS);
  const released = await releasedParticipants(db, addDays(today, -(lastDay + 1)), today);
  if (released.length === 0) return 0;
  const earliest = released.reduce<IsoDate>((min, row) => (row.releaseDate < min ? row.releaseDate : min), today);
  const contacts = await communityContactTimes(
    db,
    released.map((row) => row.participantId),
    startOfOsloDay(earliest),
  );
  let missed = 0;
  for (const row of released) {
    for (const day of missedFirstWeekDays(row.releaseDate, contacts.get(row.participantId) ?? [], now)) {
      missed += 1;
      await db.$transaction((tx) =>
        emailCoordinators(tx, {
          template: 'first-week-contact-missed',
          data: { pairId: row.pairId, day },
          key: (coordinatorId) => firstWeekAlertKey(row.participantId, row.releaseDate, day, coordinatorId),
          participantId: row.participantId,
          urgent: true,
        }),
      );
    }
  }
  return missed;
}
