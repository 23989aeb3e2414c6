import crypto from 'node:crypto';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { db } from '~/lib/db.server';
import { env } from '~/lib/env.server';
import { isLanguage, translator, type Language } from '~/lib/i18n';
import { type Actor, meetingScope, STARTED_PAIR_STATUSES } from '~/lib/permissions.server';
import { occurrenceOf, OSLO } from '~/lib/time';
import { currentTimeMs } from '~/lib/clock';

/** Europe/Oslo has followed the EU summer-time rules since 1980. */
const OSLO_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Oslo',
  'X-LIC-LOCATION:Europe/Oslo',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

interface CalendarMeeting {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  placeType: string;
  place: string | null;
  status: string;
  sequence: number;
  updatedAt: Date;
}

/**
 * An iCalendar document for meetings, in Oslo time with its VTIMEZONE. The UID is stable per
 * meeting, SEQUENCE follows each change, and a cancelled meeting is STATUS:CANCELLED so
 * subscribed calendars remove it. Summaries carry no participant names.
 */
export function meetingsCalendar(meetings: CalendarMeeting[], language: Language, publicUrl: string, name: string): string {
  const t = translator(language);
  const calendar = ical({
    name,
    prodId: { company: 'Brobygger', product: 'Meetings', language: language.toUpperCase() },
    // No calendar-wide zone: ical-generator would then write DTSTAMP and LAST-MODIFIED as
    // floating times; RFC 5545 wants them in UTC ("…Z"). Events name Oslo themselves, and the
    // generator still adds Oslo's VTIMEZONE for them.
    timezone: { name: null, generator: (tz) => (tz === OSLO ? OSLO_VTIMEZONE : null) },
    method: ICalCalendarMethod.PUBLISH,
  });
  calendar.x('X-WR-TIMEZONE', OSLO);
  const host = calendarHost(publicUrl);
  for (const meeting of meetings) {
    const startsAt = meeting.startsAt;
    const endsAt = new Date(startsAt.getTime() + meeting.durationMinutes * 60_000);
    // A wall-clock time the clocks show twice (the autumn night) is read by calendars as the
    // first; such an event is written in UTC so it lands on the stored instant either way.
    const inFold = occurrenceOf(startsAt) !== null || occurrenceOf(endsAt) !== null;
    const zone = inFold ? 'utc' : OSLO;
    const cancelled = meeting.status.startsWith('CANCELLED');
    calendar.createEvent({
      id: `meeting-${meeting.id}@${host}`,
      sequence: meeting.sequence,
      // Plain instant arithmetic for the end: Luxon's plus() keeps the wall clock across the
      // autumn hour (02:30 summer time + 60 min gave 02:30 winter time, the same text).
      start: DateTime.fromJSDate(startsAt, { zone }),
      end: DateTime.fromJSDate(endsAt, { zone }),
      timezone: inFold ? null : OSLO,
      stamp: meeting.updatedAt,
      lastModified: meeting.updatedAt,
      summary: t('meetings.ics.summary'),
      location: meeting.place ?? t(`meetings.placeType.${meeting.placeType}` as never),
      url: new URL(`/meetings/${meeting.id}`, publicUrl).toString(),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** The host of PUBLIC_URL, for globally unique UIDs ("meeting-…@brobygger.example"). */
export function calendarHost(publicUrl: string): string {
  return new URL(publicUrl).hostname || 'brobygger.local';
}

const MEETING_SELECT = {
  id: true,
  startsAt: true,
  durationMinutes: true,
  placeType: true,
  place: true,
  status: true,
  sequence: true,
  updatedAt: true,
} as const;

/** The private feed of one volunteer, found by the token in its address (null: no such feed). */
export async function feedForToken(token: string, publicUrl: string) {
  const user = await db.user.findFirst({
    where: { calendarTokenHash: hashFeedToken(token), deactivatedAt: null, role: 'VOLUNTEER' },
    select: { id: true, language: true },
  });
  if (!user) return null;
  const since = new Date(currentTimeMs() - 90 * 24 * 3600_000);
  const meetings = await db.meeting.findMany({
    where: { startsAt: { gte: since }, pair: { status: { in: [...STARTED_PAIR_STATUSES] }, volunteer: { userId: user.id } } },
    orderBy: { startsAt: 'asc' },
    select: MEETING_SELECT,
  });
  const language = user.language === 'en' ? 'en' : 'nb';
  return meetingsCalendar(meetings, language, publicUrl, translator(language)('meetings.ics.calendarName'));
}

/** One meeting the actor may see as its own calendar file (null: none of theirs), in their language. */
export async function meetingCalendarFile(actor: Actor & { language: string }, meetingId: string, publicUrl: string) {
  const meeting = await db.meeting.findFirst({ where: { id: meetingId, ...meetingScope(actor) }, select: MEETING_SELECT });
  if (!meeting) return null;
  return { id: meeting.id, body: meetingsCalendar([meeting], isLanguage(actor.language) ? actor.language : 'nb', publicUrl, 'Brobygger') };
}

/**
 * Feed tokens are stored only as a SHA-256 hash, like session tokens, so a copy of the
 * database opens no feed. The token itself is an HMAC of the server secret, the user id and a
 * random salt, so the volunteer's page can show the address again without storing it. A new
 * SESSION_SECRET retires every feed address (the page then offers to make a new one).
 */
function deriveFeedToken(secret: string, userId: string, salt: string): string {
  return crypto.createHmac('sha256', secret).update(`calendar-feed:${userId}:${salt}`).digest('base64url');
}

export function hashFeedToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** The user's current feed token, or null when they have none (or it was made under another secret). */
export function calendarFeedToken(
  user: { id: string; calendarTokenSalt: string | null; calendarTokenHash: string | null },
  secret = env().SESSION_SECRET,
): string | null {
  if (!user.calendarTokenSalt || !user.calendarTokenHash) return null;
  const token = deriveFeedToken(secret, user.id, user.calendarTokenSalt);
  return hashFeedToken(token) === user.calendarTokenHash ? token : null;
}

/** A new private feed address; the old one stops working at once. */
export async function renewCalendarToken(userId: string, secret = env().SESSION_SECRET): Promise<string> {
  const salt = crypto.randomBytes(18).toString('base64url');
  const token = deriveFeedToken(secret, userId, salt);
  await db.user.update({ where: { id: userId }, data: { calendarTokenHash: hashFeedToken(token), calendarTokenSalt: salt } });
  return token;
}
