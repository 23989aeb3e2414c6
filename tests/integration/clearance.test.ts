import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { suggestionsFor, volunteersWithoutTimelyClearance } from '~/domain/matching/matching.server';
import { setSetting } from '~/domain/settings/settings.server';
import { logMeeting, MeetingRuleError, moveMeeting, planMeetings } from '~/domain/meetings/meetings.server';
import { needsActionToday } from '~/domain/monitoring/needs-action.server';
import { changeReleaseDates } from '~/domain/participants/release-date.server';
import { recordClearance } from '~/domain/volunteers/clearance.server';
import { resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { addDays, osloInstant, todayInOslo } from '~/lib/time';
import { action as meetingAction } from '~/routes/meetings.$id';
import { action as planAction } from '~/routes/pairs.$id_.plan';
import { action as volunteerAction, loader as volunteerLoader } from '~/routes/volunteers.$id';
import {
  createClearance,
  createMeeting,
  createPair,
  createParticipant,
  createUser,
  createVolunteer,
} from '../../prisma/fixtures/factories';
import { call, getRequest, jsonOf, postRequest, sessionCookieFor } from '../support/requests';

const NOW = new Date('2026-09-01T08:00:00Z');
const PRISON = 'Trondheim fengsel';

beforeEach(() => setClock(NOW));
afterEach(() => resetClock());

async function setup() {
  const today = todayInOslo(NOW);
  const coordinator = await createUser(db, { role: 'COORDINATOR' });
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const volunteerUser = await createUser(db, { role: 'VOLUNTEER' });
  const volunteer = await createVolunteer(db, { userId: volunteerUser.id, status: 'READY' });
  const participant = await createParticipant(db, {
    referrerId: officer.id,
    status: 'MATCHED',
    prison: PRISON,
    expectedReleaseDate: addDays(today, 60),
  });
  const pair = await createPair(db, {
    participantId: participant.id,
    volunteerId: volunteer.id,
    startDate: addDays(today, -20),
    clearance: false,
  });
  const actor = { id: volunteerUser.id, role: 'VOLUNTEER' as const };
  return { today, coordinator, volunteerUser, volunteer, participant, pair, actor };
}

const request = () => new Request('http://localhost/test', { method: 'POST' });

describe('a prison visit needs a valid visitor clearance', () => {
  it('is refused without one, with an expired one or at another prison, and nothing is saved', async () => {
    const { today, volunteer, pair, actor } = await setup();
    const draft = { startsAt: osloInstant(addDays(today, 10), '14:00'), durationMinutes: 60, placeType: 'PRISON_VISIT' as const };
    await expect(planMeetings(request(), actor, pair.id, [draft], NOW)).rejects.toThrow(MeetingRuleError);
    await createClearance(db, { volunteerId: volunteer.id, prison: 'Bergen fengsel' });
    await createClearance(db, { volunteerId: volunteer.id, prison: PRISON, clearedOn: addDays(today, -100), expiresOn: addDays(today, 5) });
    await expect(planMeetings(request(), actor, pair.id, [draft], NOW)).rejects.toMatchObject({ key: 'meetings.noClearance' });
    expect(await db.meeting.count({ where: { pairId: pair.id } })).toBe(0);

    // the coordinator renews it: the same visit can now be planned
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    const existing = await db.visitorClearance.findFirstOrThrow({ where: { volunteerId: volunteer.id, prison: PRISON } });
    await recordClearance(null, coordinator, volunteer.id, {
      clearanceId: existing.id,
      prison: PRISON,
      appliedOn: addDays(today, -120),
      clearedOn: addDays(today, -100),
      expiresOn: addDays(today, 40),
    });
    const planned = await planMeetings(request(), actor, pair.id, [draft], NOW);
    expect(planned.created).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { entityType: 'VOLUNTEER', entityId: volunteer.id, actorId: coordinator.id } })).toBe(1);

    // moved to a date after the clearance expires: refused, the meeting stays where it was
    const created = planned.created[0]!;
    await expect(
      moveMeeting(request(), actor, created.id, { ...draft, startsAt: osloInstant(addDays(today, 45), '14:00') }, NOW),
    ).rejects.toMatchObject({ key: 'meetings.noClearance' });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: created.id } })).startsAt).toEqual(draft.startsAt);
  });

  it('refuses a held log of a prison visit on a day without clearance', async () => {
    const { today, pair, actor } = await setup();
    const past = await createMeeting(db, {
      pairId: pair.id,
      placeType: 'PRISON_VISIT',
      startsAt: osloInstant(addDays(today, -2), '14:00'),
    });
    await expect(logMeeting(request(), actor, past.id, { outcome: 'HELD', areas: [], goods: [] }, NOW)).rejects.toMatchObject({
      key: 'meetings.noClearance',
    });
    expect(await db.meetingLog.count({ where: { meetingId: past.id } })).toBe(0);
  });

  it('the volunteer’s plan form says so next to the place field, and saves nothing', async () => {
    const { today, pair, volunteerUser } = await setup();
    const cookie = await sessionCookieFor(volunteerUser.id);
    const response = await call(
      planAction,
      postRequest(
        `/pairs/${pair.id}/plan`,
        {
          'meetings[0].include': 'on',
          'meetings[0].date': addDays(today, 10),
          'meetings[0].time': '14:00',
          'meetings[0].durationMinutes': '60',
          'meetings[0].placeType': 'PRISON_VISIT',
        },
        cookie,
      ),
      { id: pair.id },
    );
    expect(response.status).toBe(400);
    const body = await jsonOf<{ result: { error: Record<string, string[]> } }>(response);
    expect(JSON.stringify(body.result.error['meetings[0].placeType'])).toContain('meetings.noClearance');
    expect(await db.meeting.count({ where: { pairId: pair.id } })).toBe(0);

    const past = await createMeeting(db, {
      pairId: pair.id,
      placeType: 'PRISON_VISIT',
      startsAt: osloInstant(addDays(today, -2), '14:00'),
    });
    const logged = await call(
      meetingAction,
      postRequest(`/meetings/${past.id}`, { intent: 'log', outcome: 'HELD', durationMinutes: '60' }, cookie),
      { id: past.id },
    );
    expect(logged.status).toBe(400);
    expect(await db.meetingLog.count({ where: { meetingId: past.id } })).toBe(0);
  });

  it('the coordinator records a clearance on the volunteer page; a bad date order is refused', async () => {
    const { today, coordinator, volunteer } = await setup();
    const cookie = await sessionCookieFor(coordinator.id);
    const bad = await call(
      volunteerAction,
      postRequest(
        `/volunteers/${volunteer.id}`,
        { intent: 'clearance', prison: PRISON, appliedOn: today, clearedOn: addDays(today, -3) },
        cookie,
      ),
      { id: volunteer.id },
    );
    expect(bad.status).toBe(400);
    const saved = await call(
      volunteerAction,
      postRequest(
        `/volunteers/${volunteer.id}`,
        {
          intent: 'clearance',
          prison: PRISON,
          appliedOn: addDays(today, -30),
          clearedOn: addDays(today, -3),
          expiresOn: addDays(today, 300),
        },
        cookie,
      ),
      { id: volunteer.id },
    );
    expect(saved.status).toBe(302);
    const page = await jsonOf<{ clearances: { prison: string; recordedBy: string | null }[] }>(
      await call(volunteerLoader, getRequest(`/volunteers/${volunteer.id}`, cookie), { id: volunteer.id }),
    );
    expect(page.clearances).toEqual([expect.objectContaining({ prison: PRISON, recordedBy: coordinator.name })]);
  });
});

describe('matching warns about a missing clearance', () => {
  it('when the release in force is closer than the lead time, and the lead time is a setting', async () => {
    const { today, volunteer, participant, coordinator } = await setup();
    const other = await createVolunteer(db, { status: 'READY' });
    await createClearance(db, { volunteerId: other.id, prison: PRISON });
    const releaseIn = (days: number) => ({ prison: participant.prison, releaseDate: addDays(today, days) });
    expect([...(await volunteersWithoutTimelyClearance(releaseIn(20), [volunteer.id, other.id], db, NOW))]).toEqual([volunteer.id]);
    expect((await volunteersWithoutTimelyClearance(releaseIn(40), [volunteer.id], db, NOW)).size).toBe(0);
    await setSetting(db, 'clearanceLeadWeeks', 8);
    expect([...(await volunteersWithoutTimelyClearance(releaseIn(40), [volunteer.id], db, NOW))]).toEqual([volunteer.id]);
    // the release moved: the date in force, not the expected column, decides
    await setSetting(db, 'clearanceLeadWeeks', 4);
    await changeReleaseDates(null, { id: coordinator.id, role: 'COORDINATOR' }, participant.id, {
      earliestReleaseDate: null,
      expectedReleaseDate: addDays(today, 90),
      actualReleaseDate: addDays(today, 10),
      reason: 'Løslatt tidligere',
    });
    const result = await suggestionsFor(db, participant.id, 10, NOW);
    expect(result?.participant.expectedReleaseDate).toBe(addDays(today, 10));
  });
});

describe('needs action today', () => {
  it('lists clearances expiring within 30 days and the releases by the date in force', async () => {
    const { today, volunteer, participant, coordinator } = await setup();
    await createClearance(db, {
      volunteerId: volunteer.id,
      prison: PRISON,
      clearedOn: addDays(today, -300),
      expiresOn: addDays(today, 20),
    });
    await createClearance(db, {
      volunteerId: volunteer.id,
      prison: 'Bergen fengsel',
      clearedOn: addDays(today, -300),
      expiresOn: addDays(today, 45),
    });
    await changeReleaseDates(null, { id: coordinator.id, role: 'COORDINATOR' }, participant.id, {
      earliestReleaseDate: null,
      expectedReleaseDate: addDays(today, 60),
      actualReleaseDate: addDays(today, 5),
      reason: 'Løslatt tidligere',
    });
    const action = await needsActionToday(db, NOW, []);
    expect(action.clearances.filter((c) => c.volunteerId === volunteer.id)).toEqual([
      expect.objectContaining({ volunteerId: volunteer.id, prison: PRISON, expiresOn: addDays(today, 20) }),
    ]);
    expect(action.releases.filter((r) => r.participantId === participant.id)).toEqual([
      expect.objectContaining({ participantId: participant.id, releaseDate: addDays(today, 5) }),
    ]);
    await setSetting(db, 'clearanceLeadWeeks', 8);
    expect((await needsActionToday(db, NOW, [])).clearances.filter((c) => c.volunteerId === volunteer.id)).toHaveLength(2);
  });
});
