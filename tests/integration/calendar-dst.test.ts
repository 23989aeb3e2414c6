import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { sendMeetingReminders } from '~/domain/meetings/reminders.server';
import { resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { env } from '~/lib/env.server';
import { loader as calendarLoader } from '~/routes/calendar.$token';
import { action as meAction, loader as meLoader } from '~/routes/me';
import { loader as meetingIcsLoader } from '~/routes/meetings.$id_.calendar[.ics]';
import { action as meetingAction, loader as meetingLoader } from '~/routes/meetings.$id';
import { action as planAction } from '~/routes/pairs.$id_.plan';
import { createMeeting, createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { call, getRequest, postRequest, sessionCookieFor } from '../support/requests';
import { present } from '../support/present';

/**
 * Meetings planned through the forms on both DST nights of 2026 and 2027: the instant the app
 * stores, the time the reminder names and the instant a calendar reads from the feed (parsed
 * with ical.js, which applies the feed's VTIMEZONE) are the same.
 */
afterEach(() => resetClock());

async function volunteerWithPair() {
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const user = await createUser(db, { role: 'VOLUNTEER' });
  const volunteer = await createVolunteer(db, { userId: user.id, status: 'READY' });
  const participant = await createParticipant(db, { referrerId: officer.id, status: 'MATCHED', expectedReleaseDate: '2026-06-01' });
  const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, startDate: '2026-06-15' });
  return { user, pair, cookie: await sessionCookieFor(user.id) };
}

function row(index: number, date: string, time: string, fold?: 'first' | 'second') {
  return {
    [`meetings[${index}].include`]: 'on',
    [`meetings[${index}].date`]: date,
    [`meetings[${index}].time`]: time,
    [`meetings[${index}].durationMinutes`]: '60',
    [`meetings[${index}].placeType`]: 'CAFE',
    ...(fold ? { [`meetings[${index}].fold`]: fold } : {}),
  };
}

type Reply = { result: { error: Record<string, string[] | null> } };

function eventsOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return calendar.getAllSubcomponents('vevent');
}

describe('meetings on the DST nights, in the app, the reminders and the feed', () => {
  it('refuses a time in the spring gap with a message on that field, and saves nothing', async () => {
    setClock('2027-03-01T10:00:00Z');
    const { pair, cookie } = await volunteerWithPair();
    const response = await call(planAction, postRequest(`/pairs/${pair.id}/plan`, { ...row(0, '2027-03-28', '02:30') }, cookie), {
      id: pair.id,
    });
    expect(response.status).toBe(400);
    const reply = (await response.json()) as Reply;
    expect(reply.result.error['meetings[0].time']).toEqual(['localTime.gap::{"from":"02:00","to":"02:59"}']);
    expect(await db.meeting.count({ where: { pairId: pair.id } })).toBe(0);
  });

  it('asks which autumn 02:30 is meant, then stores, reminds and exports the chosen instant', async () => {
    setClock('2026-10-01T10:00:00Z');
    const { user, pair, cookie } = await volunteerWithPair();
    const unanswered = await call(planAction, postRequest(`/pairs/${pair.id}/plan`, { ...row(0, '2026-10-25', '02:30') }, cookie), {
      id: pair.id,
    });
    expect(unanswered.status).toBe(400);
    expect(((await unanswered.json()) as Reply).result.error['meetings[0].fold']).toEqual([
      'localTime.foldChoose::{"from":"02:00","to":"02:59"}',
    ]);

    const planned = await call(
      planAction,
      postRequest(
        `/pairs/${pair.id}/plan`,
        {
          ...row(0, '2026-10-25', '02:30', 'second'),
          ...row(1, '2026-10-25', '01:30'),
          ...row(2, '2026-10-25', '18:00'),
          ...row(3, '2027-03-28', '03:30'),
        },
        cookie,
      ),
      { id: pair.id },
    );
    expect(planned.status).toBe(302);
    // One more on the 2027 autumn night, moved there through the meeting page, summer time.
    const other = await createMeeting(db, { pairId: pair.id, startsAt: new Date('2027-10-20T16:00:00Z'), placeType: 'CAFE' });
    const moved = await call(
      meetingAction,
      postRequest(
        `/meetings/${other.id}`,
        { intent: 'move', date: '2027-10-31', time: '02:30', fold: 'first', durationMinutes: '60', placeType: 'CAFE' },
        cookie,
      ),
      { id: other.id },
    );
    expect(moved.status).toBe(302);

    const meetings = await db.meeting.findMany({ where: { pairId: pair.id }, orderBy: { startsAt: 'asc' } });
    const folded = present(meetings[1], 'the meeting in the autumn fold');
    expect(meetings.map((meeting) => meeting.startsAt.toISOString())).toEqual([
      '2026-10-24T23:30:00.000Z', // 01:30 summer time
      '2026-10-25T01:30:00.000Z', // 02:30 winter time (the second)
      '2026-10-25T17:00:00.000Z', // 18:00 winter time
      '2027-03-28T01:30:00.000Z', // 03:30 summer time, just after the gap
      '2027-10-31T00:30:00.000Z', // 02:30 summer time (the first)
    ]);

    // The meeting page offers the move form with the same choice pre-selected.
    const page = (await (await call(meetingLoader, getRequest(`/meetings/${folded.id}`, cookie), { id: folded.id })).json()) as {
      meeting: { time: string; fold: string | null };
    };
    expect(page.meeting).toMatchObject({ time: '02:30', fold: 'second' });

    // The reminder names the hour in words.
    setClock('2026-10-24T12:00:00Z');
    await sendMeetingReminders(db);
    const reminder = await db.outboxEmail.findFirstOrThrow({
      where: { userId: user.id, template: 'meeting-reminder', idempotencyKey: { contains: folded.id } },
    });
    expect((reminder.data as { when: string }).when).toMatch(/02:30 \(vintertid\)$/);

    // The feed: every event is at the stored instant, stamps in UTC, UIDs on PUBLIC_URL's host.
    setClock('2026-10-01T10:00:00Z');
    expect((await call(meAction, postRequest('/me', { intent: 'renew-calendar' }, cookie))).status).toBe(302);
    const { feedUrl } = (await (await call(meLoader, getRequest('/me', cookie))).json()) as { feedUrl: string };
    const token = present(/\/calendar\/([\w-]+\.ics)$/.exec(feedUrl)?.[1], 'a calendar token in the feed URL');
    const feed = await call(calendarLoader, getRequest(`/calendar/${token}`), { token });
    expect(feed.status).toBe(200);
    const text = await feed.text();
    const host = new URL(env().PUBLIC_URL).hostname;
    const events = eventsOf(text);
    expect(events).toHaveLength(meetings.length);
    for (const meeting of meetings) {
      const vevent = events.find((candidate) => candidate.getFirstPropertyValue('uid') === `meeting-${meeting.id}@${host}`);
      expect(vevent, `no event for ${meeting.startsAt.toISOString()}`).toBeDefined();
      const event = new ICAL.Event(vevent);
      expect(event.startDate.toJSDate().toISOString()).toBe(meeting.startsAt.toISOString());
      expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(60 * 60_000);
    }
    for (const name of ['DTSTAMP', 'LAST-MODIFIED']) {
      const lines = text.split('\r\n').filter((line) => line.startsWith(`${name}:`));
      expect(lines).toHaveLength(meetings.length);
      for (const line of lines) expect(line).toMatch(new RegExp(`^${name}:\\d{8}T\\d{6}Z$`));
    }

    // The single-meeting file agrees with the feed.
    const single = eventsOf(
      await (await call(meetingIcsLoader, getRequest(`/meetings/${folded.id}/calendar.ics`, cookie), { id: folded.id })).text(),
    );
    expect(new ICAL.Event(single[0]).startDate.toJSDate().toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });
});
