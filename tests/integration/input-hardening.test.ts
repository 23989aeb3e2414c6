import { describe, expect, it } from 'vitest';
import { db } from '~/lib/db.server';
import { addDays, todayInOslo } from '~/lib/time';
import { action as meetingAction, loader as meetingLoader } from '~/routes/meetings.$id';
import { createMeeting, createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { call, getRequest, postRequest, sessionCookieFor } from '../support/requests';

/** The central input rules seen through a real route: field messages, capped echoes, 404 for a NUL id. */
async function pastMeeting() {
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const user = await createUser(db, { role: 'VOLUNTEER' });
  const volunteer = await createVolunteer(db, { userId: user.id, status: 'READY' });
  const participant = await createParticipant(db, {
    referrerId: officer.id,
    status: 'MATCHED',
    expectedReleaseDate: addDays(todayInOslo(), -60),
  });
  const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, startDate: addDays(todayInOslo(), -90) });
  const meeting = await createMeeting(db, { pairId: pair.id, startsAt: new Date(Date.now() - 3 * 3600_000), placeType: 'CAFE' });
  return { meeting, cookie: await sessionCookieFor(user.id) };
}

type Reply = { result: { error: Record<string, string[] | null>; initialValue: Record<string, string> } };

describe('input hardening through a route', () => {
  it('answers a NUL in a form field with 400 and a message on that field, saving nothing', async () => {
    const { meeting, cookie } = await pastMeeting();
    const response = await call(
      meetingAction,
      postRequest(
        `/meetings/${meeting.id}`,
        { intent: 'log', outcome: 'HELD', durationMinutes: '60', rating: '4', note: 'hei\u0000' },
        cookie,
      ),
      { id: meeting.id },
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as Reply).result.error.note).toEqual(['input.controlCharacters']);
    expect(await db.meetingLog.count({ where: { meetingId: meeting.id } })).toBe(0);
  });

  it('echoes a 10 MB note back at most at the note’s 500 characters', async () => {
    const { meeting, cookie } = await pastMeeting();
    const note = 'n'.repeat(10 * 1024 * 1024);
    const response = await call(meetingAction, postRequest(`/meetings/${meeting.id}`, { intent: 'log', outcome: 'HELD', note }, cookie), {
      id: meeting.id,
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text.length).toBeLessThan(5_000);
    expect((JSON.parse(text) as Reply).result.initialValue.note).toHaveLength(500);
  });

  it('answers an id with a NUL with 404', async () => {
    const { meeting, cookie } = await pastMeeting();
    const response = await call(meetingLoader, getRequest(`/meetings/${meeting.id}%00`, cookie), { id: `${meeting.id}\u0000` });
    expect(response.status).toBe(404);
  });
});
