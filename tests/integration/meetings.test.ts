import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { monthlyCompliance, pairsDigestSection } from '~/domain/figures/summaries.server';
import { pairMonths } from '~/domain/pairs/pair-month.server';
import { sendLogReminders, sendMeetingReminders } from '~/domain/meetings/reminders.server';
import { sendMonthlyComplianceSummary } from '~/domain/notifications/monthly-compliance.server';
import { db } from '~/lib/db.server';
import { smtpTransport } from '~/lib/email-transport.server';
import { sendDueEmails } from '~/lib/outbox-sender.server';
import { addDays, daysBetween, monthBounds, monthOf, osloDate, osloInstant, shiftMonth, todayInOslo } from '~/lib/time';
import { loader as calendarLoader } from '~/routes/calendar.$token';
import { loader as dashboardLoader } from '~/routes/dashboard';
import { action as meAction, loader as meLoader } from '~/routes/me';
import { loader as meetingIcsLoader } from '~/routes/meetings.$id_.calendar[.ics]';
import { action as meetingAction, loader as meetingLoader } from '~/routes/meetings.$id';
import { action as pairAction, loader as pairLoader } from '~/routes/pairs.$id';
import { loader as pairsLoader } from '~/routes/pairs._index';
import { action as closeAction } from '~/routes/pairs.$id_.close';
import { action as planAction } from '~/routes/pairs.$id_.plan';
import { createMeeting, createPair, createParticipant, createUser, createVolunteer, earlierToday } from '../../prisma/fixtures/factories';
import { call, getRequest, postRequest, sessionCookieFor } from '../support/requests';
import { useSmtpServer } from '../support/smtp-server';
import { present } from '../support/present';

const smtp = useSmtpServer();

const HOUR = 3600_000;

async function setup(options: { releasedDaysAgo?: number } = {}) {
  const today = todayInOslo();
  const coordinator = await createUser(db, { role: 'COORDINATOR' });
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const volunteerUser = await createUser(db, { role: 'VOLUNTEER' });
  const volunteer = await createVolunteer(db, { userId: volunteerUser.id, status: 'READY' });
  const participant = await createParticipant(db, {
    referrerId: officer.id,
    firstName: 'Øystein',
    status: 'MATCHED',
    expectedReleaseDate: addDays(today, -(options.releasedDaysAgo ?? 60)),
  });
  const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, startDate: addDays(today, -90) });
  const past = await createMeeting(db, { pairId: pair.id, startsAt: earlierToday(3), placeType: 'CAFE', place: 'Kafé' });
  const future = await createMeeting(db, { pairId: pair.id, startsAt: new Date(Date.now() + 3 * 24 * HOUR), placeType: 'OUTDOORS' });
  return {
    coordinator,
    volunteerUser,
    participant,
    pair,
    past,
    future,
    volunteerCookie: await sessionCookieFor(volunteerUser.id),
    coordinatorCookie: await sessionCookieFor(coordinator.id),
  };
}

type Reply = { result: { error: Record<string, string[] | null> } };

describe('logging a meeting', () => {
  it('refuses to log a meeting before it starts, and asks for a rating when held', async () => {
    const { future, past, volunteerCookie } = await setup();
    const early = await call(
      meetingAction,
      postRequest(`/meetings/${future.id}`, { intent: 'log', outcome: 'HELD', durationMinutes: '60', rating: '4' }, volunteerCookie),
      { id: future.id },
    );
    expect(early.status).toBe(400);
    expect(((await early.json()) as Reply).result.error['']).toEqual(['meetings.log.notYet']);
    const noRating = await call(
      meetingAction,
      postRequest(`/meetings/${past.id}`, { intent: 'log', outcome: 'HELD', durationMinutes: '60' }, volunteerCookie),
      { id: past.id },
    );
    expect(noRating.status).toBe(400);
    expect(((await noRating.json()) as Reply).result.error.rating).toEqual(['meetings.log.ratingRequired']);
    expect(await db.meetingLog.count({ where: { meetingId: { in: [past.id, future.id] } } })).toBe(0);
  });

  it('logs a held meeting once, keeps only known areas and goods, and a cancellation ahead is "Avlys møtet", not a log', async () => {
    const { past, future, volunteerCookie, volunteerUser } = await setup();
    const fields = {
      intent: 'log',
      outcome: 'HELD',
      durationMinutes: '75',
      rating: '5',
      activity: 'Kaffe og jobbsøknad',
      areas: ['WORK_EDUCATION', 'NOT_AN_AREA'],
      goods: ['MASTERY'],
      note: 'Bra stemning',
    };
    const response = await call(meetingAction, postRequest(`/meetings/${past.id}`, fields, volunteerCookie), { id: past.id });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/me');
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: past.id }, include: { log: true } });
    expect(meeting.status).toBe('HELD');
    expect(meeting.sequence).toBe(1);
    expect(meeting.log).toMatchObject({
      outcome: 'HELD',
      durationMinutes: 75,
      rating: 5,
      areas: ['WORK_EDUCATION'],
      goods: ['MASTERY'],
      note: 'Bra stemning',
      loggedById: volunteerUser.id,
    });
    expect(await db.auditEvent.count({ where: { entityType: 'MEETING_LOG', entityId: meeting.log!.id, action: 'CREATE' } })).toBe(1);
    const again = await call(meetingAction, postRequest(`/meetings/${past.id}`, fields, volunteerCookie), { id: past.id });
    expect(again.status).toBe(302); // "already logged", on the meeting's page (tests/integration/double-submits.test.ts)
    expect(again.headers.get('location')).toBe(`/meetings/${past.id}`);
    expect(await db.meetingLog.count({ where: { meetingId: past.id } })).toBe(1);
    const ahead = await call(
      meetingAction,
      postRequest(`/meetings/${future.id}`, { intent: 'log', outcome: 'CANCELLED_BY_PARTICIPANT' }, volunteerCookie),
      { id: future.id },
    );
    expect(ahead.status).toBe(400);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: future.id } })).status).toBe('PLANNED');
  });

  it('hides the coordinator-only note from the volunteer who wrote it', async () => {
    const { past, volunteerCookie, coordinatorCookie } = await setup();
    await call(
      meetingAction,
      postRequest(
        `/meetings/${past.id}`,
        { intent: 'log', outcome: 'HELD', durationMinutes: '60', rating: '3', note: 'Kun for koordinator' },
        volunteerCookie,
      ),
      { id: past.id },
    );
    const asVolunteer = (await (
      await call(meetingLoader, getRequest(`/meetings/${past.id}`, volunteerCookie), { id: past.id })
    ).json()) as { meeting: { log: { note: string | null } } };
    expect(asVolunteer.meeting.log.note).toBeNull();
    const asCoordinator = (await (
      await call(meetingLoader, getRequest(`/meetings/${past.id}`, coordinatorCookie), { id: past.id })
    ).json()) as { meeting: { log: { note: string | null } } };
    expect(asCoordinator.meeting.log.note).toBe('Kun for koordinator');
  });
});

describe('the pair page', () => {
  type PairPage = {
    pair: {
      meetingCount: number;
      meetings: { id: string; rating: number | null; note: string | null }[];
      concerns: { text: string }[];
      supportContacts: { heldOn: string | null }[];
      fitChecks: { volunteerScore: number; recommendRematch: boolean }[];
      tracker: { item: string; status: string }[];
      participant: { firstName: string };
      month: { held: number } | null;
    };
  };

  it('shows the coordinator everything and the volunteer the timeline without notes, concerns or support', async () => {
    const { pair, past, future, participant, volunteerCookie, coordinatorCookie } = await setup();
    await call(
      meetingAction,
      postRequest(
        `/meetings/${past.id}`,
        { intent: 'log', outcome: 'HELD', durationMinutes: '60', rating: '4', note: 'Kun for koordinator' },
        volunteerCookie,
      ),
      { id: past.id },
    );
    await db.concern.create({ data: { pairId: pair.id, text: 'Bekymring' } });
    await db.supportContact.create({
      data: { pairId: pair.id, withWhom: 'VOLUNTEER', kind: 'PHONE', heldOn: todayInOslo(), durationMinutes: 20 },
    });
    await db.fitCheck.create({
      data: { pairId: pair.id, checkedOn: todayInOslo(), volunteerScore: 4, participantScore: 5, recommendRematch: true },
    });
    await db.releaseChecklistItem.create({ data: { participantId: participant.id, item: 'HOUSING', status: 'DONE' } });

    const asCoordinator = (await (
      await call(pairLoader, getRequest(`/pairs/${pair.id}`, coordinatorCookie), { id: pair.id })
    ).json()) as PairPage;
    expect(asCoordinator.pair.participant.firstName).toBe('Øystein');
    expect(asCoordinator.pair.meetingCount).toBe(2);
    expect(asCoordinator.pair.meetings.map((meeting) => meeting.id)).toEqual([future.id, past.id]);
    expect(asCoordinator.pair.meetings[1]).toMatchObject({ rating: 4, note: 'Kun for koordinator' });
    expect(asCoordinator.pair.concerns.map((concern) => concern.text)).toEqual(['Bekymring']);
    expect(asCoordinator.pair.supportContacts).toHaveLength(1);
    expect(asCoordinator.pair.fitChecks).toEqual([expect.objectContaining({ volunteerScore: 4, recommendRematch: true })]);
    expect(asCoordinator.pair.tracker).toContainEqual(expect.objectContaining({ item: 'HOUSING', status: 'DONE' }));
    expect(asCoordinator.pair.month?.held).toBeGreaterThanOrEqual(1);

    const asVolunteer = (await (
      await call(pairLoader, getRequest(`/pairs/${pair.id}`, volunteerCookie), { id: pair.id })
    ).json()) as PairPage;
    expect(asVolunteer.pair.meetings[1]).toMatchObject({ rating: 4, note: null });
    expect(asVolunteer.pair.concerns).toEqual([]);
    expect(asVolunteer.pair.supportContacts).toEqual([]);
    expect(asVolunteer.pair.fitChecks).toEqual([]);
    expect(await db.auditEvent.count({ where: { entityType: 'PAIR', entityId: pair.id, action: 'VIEW' } })).toBe(2);
  });

  it('shows the latest meetings first and all of them when asked', async () => {
    const { pair, coordinatorCookie } = await setup();
    for (let day = 1; day <= 25; day++)
      await createMeeting(db, { pairId: pair.id, startsAt: new Date(Date.now() - day * 24 * HOUR - HOUR), placeType: 'CAFE' });
    const latest = (await (await call(pairLoader, getRequest(`/pairs/${pair.id}`, coordinatorCookie), { id: pair.id })).json()) as PairPage;
    expect(latest.pair.meetingCount).toBe(27);
    expect(latest.pair.meetings).toHaveLength(20);
    const all = (await (
      await call(pairLoader, getRequest(`/pairs/${pair.id}?meetings=all`, coordinatorCookie), { id: pair.id })
    ).json()) as PairPage;
    expect(all.pair.meetings).toHaveLength(27);
  });
});

describe('the volunteer home', () => {
  type Home = {
    pairs: { id: string; planPath: string | null; nextMeeting: string | null }[];
    upcoming: { id: string }[];
    toLog: { id: string; participantFirstName: string }[];
  };

  it("lists only the volunteer's own pairs, what is ahead, what waits for a log, and the plan only under the consent in force", async () => {
    const { pair, past, future, participant, volunteerCookie } = await setup();
    const other = await setup();
    const home = (await (await call(meLoader, getRequest('/me', volunteerCookie))).json()) as Home;
    expect(home.pairs.map((row) => row.id)).toEqual([pair.id]);
    expect(home.pairs[0]?.planPath).toBe(`/participants/${participant.id}/plan`);
    expect(new Date(present(home.pairs[0]?.nextMeeting, 'the next meeting')).getTime()).toBe(future.startsAt.getTime());
    expect(home.upcoming.map((meeting) => meeting.id)).toEqual([future.id]);
    expect(home.toLog).toEqual([expect.objectContaining({ id: past.id, participantFirstName: 'Øystein' })]);
    expect(JSON.stringify(home)).not.toContain(other.pair.id);

    // A newer consent that does not share the plan is the one in force.
    await db.consent.create({
      data: { participantId: participant.id, consentDate: todayInOslo(), takenByName: 'Koordinator', sharePlanWithVolunteer: false },
    });
    const after = (await (await call(meLoader, getRequest('/me', volunteerCookie))).json()) as Home;
    expect(after.pairs[0]?.planPath).toBeNull();
  });
});

describe('a concern', () => {
  it('emails every coordinator at once, without names or the text, and stays on the dashboard until acknowledged', async () => {
    const { past, pair, volunteerCookie, coordinator, coordinatorCookie } = await setup();
    const concernText = 'Øystein fortalte om trusler fra gamle venner';
    const response = await call(
      meetingAction,
      postRequest(
        `/meetings/${past.id}`,
        { intent: 'log', outcome: 'HELD', durationMinutes: '60', rating: '2', concern: concernText },
        volunteerCookie,
      ),
      { id: past.id },
    );
    expect(response.status).toBe(302);
    const concern = await db.concern.findFirstOrThrow({ where: { meetingId: past.id } });
    expect(concern.text).toBe(concernText);
    const outbox = await db.outboxEmail.findFirstOrThrow({ where: { idempotencyKey: `concern:${concern.id}:${coordinator.id}` } });
    expect(outbox.urgent).toBe(true);

    await sendDueEmails(db, smtpTransport(smtp.url, 'Brobygger <noreply@brobygger.example>'), {
      owner: 'test',
      publicUrl: 'http://localhost:3000',
    });
    const [email] = await smtp.waitFor((e) => e.to.includes(coordinator.email));
    expect(email?.subject).toBe('En frivillig har meldt en bekymring');
    expect(email?.text).toContain(`http://localhost:3000/pairs/${pair.id}`);
    expect(email?.text).not.toContain('Øystein');
    expect(email?.text).not.toContain('trusler');

    const dashboard = (await (await call(dashboardLoader, getRequest('/dashboard', coordinatorCookie))).json()) as {
      needsAction: { concerns: { id: string }[] };
    };
    expect(dashboard.needsAction.concerns.map((c) => c.id)).toContain(concern.id);
    const ack = await call(
      pairAction,
      postRequest(
        `/pairs/${pair.id}`,
        { intent: 'acknowledge-concern', concernId: concern.id, redirectTo: '/dashboard' },
        coordinatorCookie,
      ),
      { id: pair.id },
    );
    expect(ack.status).toBe(302);
    expect(ack.headers.get('location')).toBe('/dashboard');
    expect((await db.concern.findUniqueOrThrow({ where: { id: concern.id } })).acknowledgedById).toBe(coordinator.id);
    const after = (await (await call(dashboardLoader, getRequest('/dashboard', coordinatorCookie))).json()) as {
      needsAction: { concerns: { id: string }[] };
    };
    expect(after.needsAction.concerns.map((c) => c.id)).not.toContain(concern.id);
  });
});

describe('access', () => {
  it('gives another volunteer 404 on the meeting, its log, its pair and its .ics', async () => {
    const { past, pair } = await setup();
    const stranger = await createUser(db, { role: 'VOLUNTEER' });
    await createVolunteer(db, { userId: stranger.id, status: 'READY' });
    const cookie = await sessionCookieFor(stranger.id);
    expect((await call(meetingLoader, getRequest(`/meetings/${past.id}`, cookie), { id: past.id })).status).toBe(404);
    const log = await call(
      meetingAction,
      postRequest(`/meetings/${past.id}`, { intent: 'log', outcome: 'HELD', durationMinutes: '60', rating: '4' }, cookie),
      { id: past.id },
    );
    expect(log.status).toBe(404);
    expect(await db.meetingLog.count({ where: { meetingId: past.id } })).toBe(0);
    expect((await call(pairLoader, getRequest(`/pairs/${pair.id}`, cookie), { id: pair.id })).status).toBe(404);
    expect((await call(meetingIcsLoader, getRequest(`/meetings/${past.id}/calendar.ics`, cookie), { id: past.id })).status).toBe(404);
    const plan = await call(planAction, postRequest(`/pairs/${pair.id}/plan`, {}, cookie), { id: pair.id });
    expect(plan.status).toBe(404);
    // and a volunteer may not close a pair at all
    expect((await call(closeAction, postRequest(`/pairs/${pair.id}/close`, {}, cookie), { id: pair.id })).status).toBe(403);
  });
});

/** Unfolds RFC 5545 content lines and reads them into nested components. */
interface Component {
  name: string;
  props: { name: string; params: Record<string, string>; value: string }[];
  children: Component[];
}
function parseIcs(text: string): Component {
  expect(text.includes('\r\n')).toBe(true);
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  const root: Component = { name: 'ROOT', props: [], children: [] };
  const stack = [root];
  const open = () => present(stack.at(-1), 'an open component');
  for (const line of lines) {
    const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    expect(colon, `content line without a value: ${line}`).toBeGreaterThan(0);
    const [name, ...rawParams] = line.slice(0, colon).split(';');
    const value = line.slice(colon + 1);
    if (name === 'BEGIN') {
      const component = { name: value, props: [], children: [] };
      open().children.push(component);
      stack.push(component);
    } else if (name === 'END') {
      expect(stack.pop()!.name).toBe(value);
    } else {
      open().props.push({ name: name ?? '', params: Object.fromEntries(rawParams.map((p) => p.split('=') as [string, string])), value });
    }
  }
  expect(stack).toHaveLength(1);
  expect(root.children).toHaveLength(1);
  return present(root.children[0], 'a VCALENDAR');
}
const prop = (component: Component, name: string) => component.props.find((p) => p.name === name);

describe('the calendar feed', () => {
  it('is private per token, in Oslo time, with stable UIDs, raised SEQUENCE and cancellations', async () => {
    const { pair, volunteerCookie, past } = await setup();
    expect((await call(meAction, postRequest('/me', { intent: 'renew-calendar' }, volunteerCookie))).status).toBe(302);
    const feedUrlOf = async () =>
      ((await (await call(meLoader, getRequest('/me', volunteerCookie))).json()) as { feedUrl: string }).feedUrl;
    const calendarToken = present(/\/calendar\/([\w-]+)\.ics$/.exec(await feedUrlOf())?.[1], 'a calendar token in the feed URL');
    // The database holds only the token's SHA-256 hash, never the token.
    const stored = await db.user.findFirstOrThrow({ where: { volunteerProfile: { pairs: { some: { id: pair.id } } } } });
    expect(stored.calendarTokenHash).toBe(createHash('sha256').update(calendarToken).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(calendarToken);
    expect(await feedUrlOf()).toContain(calendarToken);

    // Plan two meetings on the winter-time side, move one, cancel the other.
    const today = todayInOslo();
    const first = addDays(today, 20);
    const second = addDays(today, 27);
    const planned = await call(
      planAction,
      postRequest(
        `/pairs/${pair.id}/plan`,
        {
          'meetings[0].include': 'on',
          'meetings[0].date': first,
          'meetings[0].time': '18:00',
          'meetings[0].durationMinutes': '90',
          'meetings[0].placeType': 'CAFE',
          'meetings[0].place': 'Kafé Æ & Ø',
          'meetings[1].include': 'on',
          'meetings[1].date': second,
          'meetings[1].time': '17:30',
          'meetings[1].durationMinutes': '60',
          'meetings[1].placeType': 'OUTDOORS',
          'meetings[2].date': addDays(today, 28),
          'meetings[2].time': '17:30',
          'meetings[2].durationMinutes': '60',
          'meetings[2].placeType': 'OUTDOORS',
        },
        volunteerCookie,
      ),
      { id: pair.id },
    );
    expect(planned.status).toBe(302);
    const [moved, cancelled] = await db.meeting.findMany({
      where: { pairId: pair.id, startsAt: { gte: osloInstant(first, '00:00') } },
      orderBy: { startsAt: 'asc' },
    });
    if (!moved || !cancelled) throw new Error('expected two planned meetings');
    expect(await db.meeting.count({ where: { pairId: pair.id, startsAt: { gte: osloInstant(first, '00:00') } } })).toBe(2);
    const feedRequest = () => call(calendarLoader, getRequest(`/calendar/${calendarToken}.ics`), { token: `${calendarToken}.ics` });
    const before = parseIcs(await (await feedRequest()).text());
    const uidOf = (cal: Component, id: string) =>
      cal.children.find((c) => c.name === 'VEVENT' && prop(c, 'URL')!.value.endsWith(`/meetings/${id}`))!;
    const uid = prop(uidOf(before, moved.id), 'UID')!.value;

    const moveTo = addDays(today, 21);
    expect(
      (
        await call(
          meetingAction,
          postRequest(
            `/meetings/${moved.id}`,
            { intent: 'move', date: moveTo, time: '19:15', durationMinutes: '90', placeType: 'CAFE', place: 'Kafé Æ & Ø, Solsiden' },
            volunteerCookie,
          ),
          { id: moved.id },
        )
      ).status,
    ).toBe(302);
    expect(
      (
        await call(
          meetingAction,
          postRequest(`/meetings/${cancelled.id}`, { intent: 'cancel', cancelledBy: 'VOLUNTEER', confirm: 'yes' }, volunteerCookie),
          { id: cancelled.id },
        )
      ).status,
    ).toBe(302);

    const response = await feedRequest();
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await response.text();
    expect(text).not.toContain('Øystein');
    const calendar = parseIcs(text);
    expect(calendar.name).toBe('VCALENDAR');
    expect(prop(calendar, 'VERSION')!.value).toBe('2.0');
    const timezone = calendar.children.find((c) => c.name === 'VTIMEZONE')!;
    expect(prop(timezone, 'TZID')!.value).toBe('Europe/Oslo');
    expect(timezone.children.map((c) => c.name).sort()).toEqual(['DAYLIGHT', 'STANDARD']);

    const movedEvent = uidOf(calendar, moved.id);
    expect(prop(movedEvent, 'UID')!.value).toBe(uid);
    expect(prop(movedEvent, 'SEQUENCE')!.value).toBe('1');
    const start = prop(movedEvent, 'DTSTART')!;
    expect(start.params.TZID).toBe('Europe/Oslo');
    expect(start.value).toBe(`${moveTo.replaceAll('-', '')}T191500`);
    expect(prop(movedEvent, 'DTEND')!.value).toBe(`${moveTo.replaceAll('-', '')}T204500`);
    expect(prop(movedEvent, 'STATUS')!.value).toBe('CONFIRMED');
    expect(prop(movedEvent, 'LOCATION')!.value).toBe('Kafé Æ & Ø\\, Solsiden');
    const cancelledEvent = uidOf(calendar, cancelled.id);
    expect(prop(cancelledEvent, 'STATUS')!.value).toBe('CANCELLED');
    expect(prop(cancelledEvent, 'SEQUENCE')!.value).toBe('1');
    expect(uidOf(calendar, past.id)).toBeDefined();

    // The per-meeting file carries the same UID.
    const single = parseIcs(
      await (await call(meetingIcsLoader, getRequest(`/meetings/${moved.id}/calendar.ics`, volunteerCookie), { id: moved.id })).text(),
    );
    expect(
      prop(
        single.children.find((c) => c.name === 'VEVENT')!,
        'UID',
      )!.value,
    ).toBe(uid);

    // Renewing the token retires the old address.
    await call(meAction, postRequest('/me', { intent: 'renew-calendar' }, volunteerCookie));
    expect((await feedRequest()).status).toBe(404);
    const home = (await (await call(meLoader, getRequest('/me', volunteerCookie))).json()) as { feedUrl: string };
    expect(home.feedUrl).toMatch(/\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    expect(home.feedUrl).not.toContain(calendarToken);
  });

  it('refuses a meeting in the community before the release date', async () => {
    const { pair, volunteerCookie, participant } = await setup();
    await db.participant.update({ where: { id: participant.id }, data: { expectedReleaseDate: addDays(todayInOslo(), 30) } });
    const response = await call(
      planAction,
      postRequest(
        `/pairs/${pair.id}/plan`,
        {
          'meetings[0].include': 'on',
          'meetings[0].date': addDays(todayInOslo(), 5),
          'meetings[0].time': '14:00',
          'meetings[0].durationMinutes': '60',
          'meetings[0].placeType': 'CAFE',
        },
        volunteerCookie,
      ),
      { id: pair.id },
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as Reply).result.error['meetings[0].placeType']).toEqual([
      `meetings.placeTypeNotAllowedOn::${JSON.stringify({ date: addDays(todayInOslo(), 30) })}`,
    ]);
  });

  it('judges the planning form by the release date in force: a prison visit after an earlier actual release is refused', async () => {
    const { pair, volunteerCookie, participant } = await setup();
    // Expected in 30 days, but released (actual date) in 3: a prison visit in 5 days no longer fits.
    await db.participant.update({
      where: { id: participant.id },
      data: { expectedReleaseDate: addDays(todayInOslo(), 30), actualReleaseDate: addDays(todayInOslo(), 3) },
    });
    const plan = (placeType: string) =>
      call(
        planAction,
        postRequest(
          `/pairs/${pair.id}/plan`,
          {
            'meetings[0].include': 'on',
            'meetings[0].date': addDays(todayInOslo(), 5),
            'meetings[0].time': '14:00',
            'meetings[0].durationMinutes': '60',
            'meetings[0].placeType': placeType,
          },
          volunteerCookie,
        ),
        { id: pair.id },
      );
    const refused = await plan('PRISON_VISIT');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Reply).result.error['meetings[0].placeType']).toEqual([
      `meetings.placeTypeNotAllowedOn::${JSON.stringify({ date: addDays(todayInOslo(), 3) })}`,
    ]);
    expect((await plan('CAFE')).status).toBe(302);
  });
});

describe('closing a pair', () => {
  it('ends it for good, completes the participant and cancels the meetings still planned', async () => {
    const { pair, participant, future, coordinatorCookie } = await setup();
    const fields = {
      intent: 'confirm',
      endType: 'PLANNED',
      endReason: 'PLAN_COMPLETED',
      endDate: todayInOslo(),
      closureTalk: 'HELD',
      closureTalkDate: todayInOslo(),
      contactAfterClosure: 'Kaffe om tre måneder',
      surveyScore: '5',
    };
    const response = await call(closeAction, postRequest(`/pairs/${pair.id}/close`, fields, coordinatorCookie), { id: pair.id });
    expect(response.status).toBe(302);
    expect(await db.pair.findUniqueOrThrow({ where: { id: pair.id } })).toMatchObject({
      status: 'ENDED',
      endReason: 'PLAN_COMPLETED',
      surveyScore: 5,
      contactAfterClosure: 'Kaffe om tre måneder',
    });
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).status).toBe('COMPLETED');
    expect(await db.participantStatusChange.count({ where: { participantId: participant.id, toStatus: 'COMPLETED' } })).toBe(1);
    expect(await db.meeting.findUniqueOrThrow({ where: { id: future.id } })).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    const again = await call(closeAction, postRequest(`/pairs/${pair.id}/close`, { ...fields, endReason: 'OTHER' }, coordinatorCookie), {
      id: pair.id,
    });
    expect(again.status).toBe(409);
    expect((await db.pair.findUniqueOrThrow({ where: { id: pair.id } })).endReason).toBe('PLAN_COMPLETED');
  });

  it('withdraws the participant when they left', async () => {
    const { pair, participant, coordinatorCookie } = await setup();
    const response = await call(
      closeAction,
      postRequest(
        `/pairs/${pair.id}/close`,
        {
          intent: 'confirm',
          endType: 'UNPLANNED',
          endReason: 'PARTICIPANT_WITHDREW',
          endDate: todayInOslo(),
          closureTalk: 'NOT_HELD',
          closureTalkNotHeldReason: 'Deltakeren ville ikke.',
        },
        coordinatorCookie,
      ),
      { id: pair.id },
    );
    expect(response.status).toBe(302);
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).status).toBe('WITHDRAWN');
  });
});

describe('reminders and the digest section', () => {
  it('reminds once before and once after, and a moved meeting again', async () => {
    const { pair, volunteerUser, past } = await setup();
    const soon = await createMeeting(db, { pairId: pair.id, startsAt: new Date(Date.now() + 20 * HOUR) });
    const now = new Date();
    expect(await sendMeetingReminders(db, now)).toBeGreaterThanOrEqual(1);
    expect(await sendMeetingReminders(db, now)).toBe(0);
    expect(await db.outboxEmail.count({ where: { idempotencyKey: `meeting-reminder:${soon.id}:0`, userId: volunteerUser.id } })).toBe(1);
    await db.meeting.update({ where: { id: soon.id }, data: { sequence: 1, remindedAt: null } });
    await sendMeetingReminders(db, now);
    expect(await db.outboxEmail.count({ where: { idempotencyKey: `meeting-reminder:${soon.id}:1` } })).toBe(1);
    // A day and an hour after the past meeting began (it may be only minutes old on the 1st).
    const later = new Date(past.startsAt.getTime() + 25 * HOUR);
    expect(await sendLogReminders(db, later)).toBeGreaterThanOrEqual(1);
    expect(await sendLogReminders(db, later)).toBe(0);
    expect(await db.outboxEmail.count({ where: { idempotencyKey: `meeting-log-reminder:${past.id}` } })).toBe(1);
  });

  it('sums the pairs up for the weekly digest without names', async () => {
    await setup();
    const section = await pairsDigestSection(db, new Date(), 'en');
    expect(section?.title).toBe('Pairs');
    expect(section?.lines[0]).toMatch(/^\d+ on track, \d+ falling behind, \d+ need follow-up$/);
    expect(section?.lines.join(' ')).not.toContain('Øystein');
  });
});

describe('the pairs at a glance', () => {
  it("reads the last held meeting before now and counts only this month's held meetings", async () => {
    const { pair } = await setup();
    const now = new Date();
    const lastMonth = monthBounds(shiftMonth(monthOf(now), -1));
    const older = osloInstant(addDays(lastMonth.first, 3), '12:00');
    const latest = osloInstant(addDays(lastMonth.first, 10), '12:00');
    await createMeeting(db, { pairId: pair.id, startsAt: older, log: { outcome: 'HELD' } });
    await createMeeting(db, { pairId: pair.id, startsAt: latest, log: { outcome: 'HELD' } });
    await createMeeting(db, { pairId: pair.id, startsAt: osloInstant(addDays(lastMonth.first, 12), '12:00'), log: { outcome: 'NO_SHOW' } });
    // A held meeting later than now (logged ahead by mistake) is not the last held one.
    await db.meeting.create({
      data: { pairId: pair.id, startsAt: new Date(now.getTime() + 24 * HOUR), placeType: 'CAFE', status: 'HELD' },
    });

    const [month] = await pairMonths(db, now, { pairId: pair.id });
    expect(month?.lastHeldDate).toBe(osloDate(latest));
    expect(month?.daysSinceHeld).toBe(daysBetween(osloDate(latest), todayInOslo(now)));
    const heldThisMonth = monthOf(new Date(now.getTime() + 24 * HOUR)) === monthOf(now) ? 1 : 0;
    expect(month?.held).toBe(heldThisMonth);
  });

  it('pages the pairs, oldest first', async () => {
    await setup();
    const { pair: newer } = await setup();
    const all = await pairMonths(db, new Date());
    const second = await pairMonths(db, new Date(), {}, { skip: 1, take: 1 });
    expect(second.map((pair) => pair.id)).toEqual([all[1]?.id]);
    expect(all.map((pair) => pair.id)).toContain(newer.id);
  });

  it("lists a volunteer's own active pairs on /pairs, and every pair for a coordinator", async () => {
    const { pair: own, volunteerUser, coordinator } = await setup();
    const { pair: other } = await setup();
    const listed = async (userId: string) => {
      const response = await call(pairsLoader, getRequest('/pairs', await sessionCookieFor(userId)));
      return ((await response.json()) as { list: { rows: { id: string }[] } }).list.rows.map((pair) => pair.id);
    };
    expect(await listed(volunteerUser.id)).toEqual([own.id]);
    expect(await listed(coordinator.id)).toEqual(expect.arrayContaining([own.id, other.id]));
  });
});

describe('the monthly compliance summary', () => {
  it("counts last month's pairs on target and emails each coordinator once", async () => {
    const now = new Date();
    const before = await monthlyCompliance(db, now);
    // Released long before last month: its target is the plain one, not the raised first 30 days out.
    const { pair, coordinator } = await setup({ releasedDaysAgo: 120 });
    const { pair: behindPair } = await setup({ releasedDaysAgo: 120 });
    const { first } = monthBounds(shiftMonth(monthOf(now), -1));
    for (const day of [1, 8, 15, 22]) {
      await createMeeting(db, { pairId: pair.id, startsAt: osloInstant(addDays(first, day), '17:00'), log: { outcome: 'HELD' } });
    }
    await createMeeting(db, { pairId: behindPair.id, startsAt: osloInstant(addDays(first, 3), '17:00'), log: { outcome: 'HELD' } });
    const after = await monthlyCompliance(db, now);
    expect(after.month).toBe(shiftMonth(monthOf(now), -1));
    expect(after.pairs - before.pairs).toBe(2);
    expect(after.onTarget - before.onTarget).toBe(1);
    await sendMonthlyComplianceSummary(db, now);
    await sendMonthlyComplianceSummary(db, now);
    const rows = await db.outboxEmail.findMany({ where: { template: 'monthly-compliance', userId: coordinator.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.data).toMatchObject({ pairs: after.pairs, onTarget: after.onTarget });
  });
});
