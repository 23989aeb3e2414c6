import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { readFlash } from '~/lib/flash.server';
import { addDays, osloInstant, todayInOslo } from '~/lib/time';
import { action as meetingAction, loader as meetingLoader } from '~/routes/meetings.$id';
import { action as planAction, loader as planLoader } from '~/routes/pairs.$id_.plan';
import { createMeeting, createPair, createParticipant, createUser, createVolunteer } from '../fixtures/factories';
import { call, getRequest, jsonOf, postRequest, sessionCookieFor } from '../support/requests';
import { present } from '../support/present';

// A Wednesday morning early in a month with room for four more meetings.
beforeAll(() => setClock('2027-03-03T09:00:00Z'));
afterAll(() => resetClock());

async function activePair() {
  const today = todayInOslo();
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const volunteerUser = await createUser(db, { role: 'VOLUNTEER' });
  const volunteer = await createVolunteer(db, { userId: volunteerUser.id, status: 'READY' });
  const participant = await createParticipant(db, { referrerId: officer.id, status: 'MATCHED', expectedReleaseDate: addDays(today, -60) });
  const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, startDate: addDays(today, -90) });
  return { pair, volunteerUser, cookie: await sessionCookieFor(volunteerUser.id) };
}

async function flashOf(response: Response) {
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!; // split always returns at least one part
  return (await readFlash(new Request('http://localhost:3000/', { headers: { cookie } }))).flash;
}

describe('"Plan this month" posted more than once', () => {
  it('creates each proposed meeting once, however many posts run at the same time', async () => {
    const { pair, cookie } = await activePair();
    const proposals = (await jsonOf<{ proposals: Record<string, string>[] }>(await call(planLoader, getRequest(`/pairs/${pair.id}/plan`, cookie), { id: pair.id }))).proposals;
    expect(proposals).toHaveLength(4);
    const fields: Record<string, string> = {};
    proposals.forEach((proposal, index) => {
      for (const [name, value] of Object.entries(proposal)) fields[`meetings[${index}].${name}`] = value;
    });
    const responses = await Promise.all(
      Array.from({ length: 4 }, () => call(planAction, postRequest(`/pairs/${pair.id}/plan`, fields, cookie), { id: pair.id })),
    );
    expect(responses.map((response) => response.status)).toEqual([302, 302, 302, 302]);
    const meetings = await db.meeting.findMany({ where: { pairId: pair.id }, orderBy: { startsAt: 'asc' } });
    expect(meetings).toHaveLength(4);
    expect(meetings.map((meeting) => meeting.startsAt.toISOString())).toEqual(
      proposals.map((proposal) => osloInstant(present(proposal.date, 'a date'), present(proposal.time, 'a time')).toISOString()),
    );
    // One post planned them; the others were told nothing was added.
    const flashes = await Promise.all(responses.map(flashOf));
    expect(flashes.filter((flash) => flash?.key === 'meetings.plan.saved')).toEqual([
      { kind: 'success', key: 'meetings.plan.saved', params: { count: 4 } },
    ]);
    expect(flashes.filter((flash) => flash?.key === 'meetings.plan.alreadyPlanned')).toHaveLength(3);
    expect(await db.auditEvent.count({ where: { entityType: 'PAIR', entityId: pair.id, action: 'CREATE' } })).toBe(4);
  });

  it('adds only what is new when a post repeats part of an earlier one', async () => {
    const { pair, cookie } = await activePair();
    const row = (index: number, date: string) => ({
      [`meetings[${index}].include`]: 'on',
      [`meetings[${index}].date`]: date,
      [`meetings[${index}].time`]: '17:30',
      [`meetings[${index}].durationMinutes`]: '60',
      [`meetings[${index}].placeType`]: 'CAFE',
    });
    const today = todayInOslo();
    await call(planAction, postRequest(`/pairs/${pair.id}/plan`, row(0, addDays(today, 7)), cookie), { id: pair.id });
    const second = await call(planAction, postRequest(`/pairs/${pair.id}/plan`, { ...row(0, addDays(today, 7)), ...row(1, addDays(today, 14)) }, cookie), { id: pair.id });
    expect(await flashOf(second)).toEqual({ kind: 'success', key: 'meetings.plan.savedSomeExisting', params: { count: 1, existing: 1 } });
    expect(await db.meeting.count({ where: { pairId: pair.id } })).toBe(2);
  });

  it('refuses a second planned meeting at the same instant in the database itself', async () => {
    const { pair } = await activePair();
    const startsAt = osloInstant(addDays(todayInOslo(), 3), '12:00');
    await createMeeting(db, { pairId: pair.id, startsAt });
    await expect(createMeeting(db, { pairId: pair.id, startsAt })).rejects.toMatchObject({ code: 'P2002' });
    // A cancelled meeting does not hold its slot.
    await db.meeting.updateMany({ where: { pairId: pair.id }, data: { status: 'CANCELLED' } });
    await expect(createMeeting(db, { pairId: pair.id, startsAt })).resolves.toMatchObject({ status: 'PLANNED' });
  });

  it('says so when a meeting is moved onto another planned meeting', async () => {
    const { pair, cookie } = await activePair();
    const today = todayInOslo();
    const first = await createMeeting(db, { pairId: pair.id, startsAt: osloInstant(addDays(today, 3), '12:00') });
    const second = await createMeeting(db, { pairId: pair.id, startsAt: osloInstant(addDays(today, 4), '12:00') });
    const response = await call(
      meetingAction,
      postRequest(`/meetings/${second.id}`, { intent: 'move', date: addDays(today, 3), time: '12:00', durationMinutes: '60', placeType: 'CAFE' }, cookie),
      { id: second.id },
    );
    expect(response.status).toBe(302);
    expect(await flashOf(response)).toMatchObject({ kind: 'error', key: 'meetings.slotTaken' });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: second.id } })).startsAt.toISOString()).toBe(osloInstant(addDays(today, 4), '12:00').toISOString());
    expect((await db.meeting.findUniqueOrThrow({ where: { id: first.id } })).status).toBe('PLANNED');
  });
});

describe('a meeting logged twice', () => {
  const fields = { intent: 'log', outcome: 'HELD', durationMinutes: '60', rating: '4', activity: 'Tur i parken' };

  it('keeps the first log and says "already logged" on the meeting page, which shows the log', async () => {
    const { pair, cookie } = await activePair();
    const meeting = await createMeeting(db, { pairId: pair.id, startsAt: new Date(Date.parse('2027-03-02T16:00:00Z')) });
    const first = await call(meetingAction, postRequest(`/meetings/${meeting.id}`, fields, cookie), { id: meeting.id });
    expect(first.status).toBe(302);
    const again = await call(meetingAction, postRequest(`/meetings/${meeting.id}`, { ...fields, rating: '1' }, cookie), { id: meeting.id });
    expect(again.status).toBe(302);
    expect(again.headers.get('location')).toBe(`/meetings/${meeting.id}`);
    expect(await flashOf(again)).toEqual({ kind: 'info', key: 'meetings.log.alreadyLogged' });
    const page = await jsonOf<{ meeting: { log: { rating: number; activity: string } } }>(await call(meetingLoader, getRequest(`/meetings/${meeting.id}`, cookie), { id: meeting.id }));
    expect(page.meeting.log).toMatchObject({ rating: 4, activity: 'Tur i parken' });
    expect(await db.meetingLog.count({ where: { meetingId: meeting.id } })).toBe(1);
  });

  it('logs once when the same log is sent several times at once', async () => {
    const { pair, cookie } = await activePair();
    const meeting = await createMeeting(db, { pairId: pair.id, startsAt: new Date(Date.parse('2027-03-02T16:00:00Z')) });
    const responses = await Promise.all(
      Array.from({ length: 3 }, () => call(meetingAction, postRequest(`/meetings/${meeting.id}`, fields, cookie), { id: meeting.id })),
    );
    expect(responses.map((response) => response.status)).toEqual([302, 302, 302]);
    expect(responses.map((response) => response.headers.get('location')).sort()).toEqual(['/me', `/meetings/${meeting.id}`, `/meetings/${meeting.id}`]);
    expect(await db.meetingLog.count({ where: { meetingId: meeting.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityType: 'MEETING_LOG', action: 'CREATE', participantId: pair.participantId } })).toBe(1);
  });
});
