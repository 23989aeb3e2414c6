import crypto from 'node:crypto';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Db } from '~/lib/db.server';
import { translator, type Language } from '~/lib/i18n';
import { OSLO } from '~/lib/time';
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
    timezone: { name: OSLO, generator: (tz) => (tz === OSLO ? OSLO_VTIMEZONE : null) },
    method: ICalCalendarMethod.PUBLISH,
  });
  const host = new URL(publicUrl).hostname || 'brobygger.local';
  for (const meeting of meetings) {
    const start = DateTime.fromJSDate(meeting.startsAt, { zone: OSLO });
    const cancelled = meeting.status.startsWith('CANCELLED');
    calendar.createEvent({
      id: `meeting-${meeting.id}@${host}`,
      sequence: meeting.sequence,
      start,
      end: start.plus({ minutes: meeting.durationMinutes }),
      timezone: OSLO,
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
export async function feedForToken(db: Db, token: string, publicUrl: string) {
  const user = await db.user.findFirst({
    where: { calendarToken: token, deactivatedAt: null, role: 'VOLUNTEER' },
    select: { id: true, language: true },
  });
  if (!user) return null;
  const since = new Date(currentTimeMs() - 90 * 24 * 3600_000);
  const meetings = await db.meeting.findMany({
    where: { startsAt: { gte: since }, pair: { status: { in: ['ACTIVE', 'ENDED'] }, volunteer: { userId: user.id } } },
    orderBy: { startsAt: 'asc' },
    select: MEETING_SELECT,
  });
  const language = user.language === 'en' ? 'en' : 'nb';
  return meetingsCalendar(meetings, language, publicUrl, translator(language)('meetings.ics.calendarName'));
}

export { MEETING_SELECT };

/** A new private feed address; the old one stops working at once. */
export async function renewCalendarToken(db: Db, userId: string): Promise<string> {
  const token = crypto.randomBytes(24).toString('base64url');
  await db.user.update({ where: { id: userId }, data: { calendarToken: token } });
  return token;
}
