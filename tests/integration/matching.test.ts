import { beforeEach, describe, expect, it } from 'vitest';
import { matchingOverview, suggestionsFor } from '~/domain/matching/matching.server';
import { activatePair, PairingError, proposePair, withdrawProposal } from '~/domain/pairs/pairing.server';
import { SUGGESTIONS_PER_PAGE } from '~/domain/matching/weights';
import { db } from '~/lib/db.server';
import { addDays, todayInOslo } from '~/lib/time';
import { loader as matchingLoader } from '~/routes/matching._index';
import { action as suggestionAction, loader as suggestionLoader } from '~/routes/matching.$participantId';
import { completeScreening, createCourse, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { call, getRequest, jsonOf, postRequest, sessionCookieFor } from '../support/requests';

async function world() {
  const coordinator = await createUser(db, { role: 'COORDINATOR' });
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const participant = await createParticipant(db, {
    referrerId: officer.id,
    status: 'ACCEPTED',
    interests: ['fotball', 'musikk'],
    releaseMunicipality: 'Trondheim',
    expectedReleaseDate: addDays(todayInOslo(), 60),
  });
  const course = await createCourse(db);
  const screened = async (input: Parameters<typeof createVolunteer>[1]) => {
    const volunteer = await createVolunteer(db, input);
    await completeScreening(db, {
      volunteerId: volunteer.id,
      coordinatorId: coordinator.id,
      courseId: course.id,
      on: addDays(todayInOslo(), -10),
    });
    return volunteer;
  };
  const good = await screened({ status: 'READY', interests: ['fotball', 'musikk'], municipality: 'Trondheim' });
  const fair = await screened({ status: 'READY', interests: ['strikking'], municipality: 'Malvik' });
  const notReady = await createVolunteer(db, { status: 'SCREENING', interests: ['fotball', 'musikk'] });
  return { coordinator, officer, participant, good, fair, notReady };
}

beforeEach(async () => {
  await db.outboxEmail.deleteMany();
});

describe('matching', () => {
  it('ranks ready volunteers with free capacity, explains the score and leaves out the rest', async () => {
    const { participant, good, fair, notReady } = await world();
    const result = await suggestionsFor(db, participant.id);
    const ids = result!.suggestions.map((s) => s.volunteer.id);
    expect(ids.indexOf(good.id)).toBeLessThan(ids.indexOf(fair.id));
    expect(ids).not.toContain(notReady.id);
    const top = result!.suggestions.find((s) => s.volunteer.id === good.id)!;
    expect(top.parts.reduce((sum, part) => sum + part.points, 0)).toBe(top.total);
    const { waiting } = await matchingOverview(db);
    const row = waiting.find((candidate) => candidate.participant.id === participant.id);
    expect(row?.best?.volunteer.id).toBeDefined();
    expect([good.id, fair.id]).toContain(row?.assigned?.volunteer.id);
  });

  it('lists the waiting most urgent first by the release date in force, and shows that date', async () => {
    const { officer, participant } = await world();
    // Expected later than the other participant, but released (actual date) before them.
    const early = await createParticipant(db, {
      referrerId: officer.id,
      status: 'ACCEPTED',
      expectedReleaseDate: addDays(todayInOslo(), 200),
    });
    await db.participant.update({ where: { id: early.id }, data: { actualReleaseDate: addDays(todayInOslo(), 20) } });
    const { waiting } = await matchingOverview(db);
    const ids = waiting.map((row) => row.participant.id);
    expect(ids.indexOf(early.id)).toBeLessThan(ids.indexOf(participant.id));
    expect(waiting.find((row) => row.participant.id === early.id)?.participant.expectedReleaseDate).toBe(addDays(todayInOslo(), 20));
  });

  it('explains the best suggestions first and shows more on request', async () => {
    const { coordinator, participant } = await world();
    const ranking = await suggestionsFor(db, participant.id, Infinity);
    const first = await suggestionsFor(db, participant.id, 1);
    expect(ranking!.count).toBeGreaterThan(1);
    expect(first!.suggestions).toEqual(ranking!.suggestions.slice(0, 1));
    expect(first!.count).toBe(ranking!.count);
    const cookie = await sessionCookieFor(coordinator.id);
    const page = async (query: string) =>
      jsonOf<{ suggestions: unknown[]; suggestionCount: number }>(
        await call(suggestionLoader, getRequest(`/matching/${participant.id}${query}`, cookie), { participantId: participant.id }),
      );
    const all = await page('');
    expect(all.suggestions.length).toBe(Math.min(all.suggestionCount, SUGGESTIONS_PER_PAGE));
    // A shown count below one page, or not a number, falls back to one page.
    expect((await page('?shown=1')).suggestions.length).toBe(all.suggestions.length);
    expect((await page('?shown=abc')).suggestions.length).toBe(all.suggestions.length);
  });

  it('makes a pair: proposed (the volunteer is asked, nobody introduced), then active; participant MATCHED; both sides introduced; capacity used', async () => {
    const { coordinator, officer, participant, good } = await world();
    const pair = await proposePair({ participantId: participant.id, volunteerId: good.id, actor: coordinator, request: null });
    expect(pair.status).toBe('PROPOSED');
    expect(await db.outboxEmail.count({ where: { template: 'pair-proposal', toAddress: good.email } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { template: 'pair-intro-volunteer' } })).toBe(0);
    const today = todayInOslo();
    await activatePair({ pairId: pair.id, startDate: today, actor: coordinator, request: null });
    const updated = await db.pair.findUniqueOrThrow({ where: { id: pair.id } });
    expect(updated).toMatchObject({ status: 'ACTIVE', startDate: today });
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).status).toBe('MATCHED');
    expect(await db.outboxEmail.count({ where: { template: 'referral-matched', toAddress: officer.email } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { template: 'pair-intro-volunteer', toAddress: good.email } })).toBe(1);
    // The volunteer (capacity 1) is no longer offered to anyone.
    const other = await createParticipant(db, { referrerId: officer.id, status: 'ACCEPTED' });
    const forOther = await suggestionsFor(db, other.id);
    expect(forOther!.suggestions.some((s) => s.volunteer.id === good.id)).toBe(false);
    await expect(proposePair({ participantId: other.id, volunteerId: good.id, actor: coordinator, request: null })).rejects.toMatchObject({
      code: 'NO_CAPACITY',
    });
  });

  it('refuses a volunteer who is not ready, and a pair that has ended before', async () => {
    const { coordinator, participant, notReady, good } = await world();
    await expect(
      proposePair({ participantId: participant.id, volunteerId: notReady.id, actor: coordinator, request: null }),
    ).rejects.toBeInstanceOf(PairingError);
    await db.pair.create({ data: { participantId: participant.id, volunteerId: good.id, status: 'ENDED', endReason: 'OTHER' } });
    await expect(
      proposePair({ participantId: participant.id, volunteerId: good.id, actor: coordinator, request: null }),
    ).rejects.toMatchObject({ code: 'EARLIER_PAIR' });
    expect(await db.pair.count({ where: { participantId: participant.id, status: { not: 'ENDED' } } })).toBe(0);
  });

  it('re-matching ends the old pair with the reason "re-matched" and starts the new one', async () => {
    const { coordinator, participant, good, fair } = await world();
    const first = await proposePair({ participantId: participant.id, volunteerId: good.id, actor: coordinator, request: null });
    await activatePair({ pairId: first.id, startDate: todayInOslo(), actor: coordinator, request: null });
    const second = await proposePair({ participantId: participant.id, volunteerId: fair.id, actor: coordinator, request: null });
    await activatePair({ pairId: second.id, startDate: todayInOslo(), actor: coordinator, request: null });
    expect(await db.pair.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: 'ENDED', endReason: 'REMATCHED' });
    expect(await db.pair.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: 'ACTIVE' });
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).status).toBe('MATCHED');
  });

  it('withdraws a proposal without leaving an ended pair behind', async () => {
    const { coordinator, participant, good } = await world();
    const pair = await proposePair({ participantId: participant.id, volunteerId: good.id, actor: coordinator, request: null });
    await withdrawProposal({ pairId: pair.id, actor: coordinator, request: null });
    expect(await db.pair.count({ where: { participantId: participant.id, status: { in: ['PROPOSED', 'ACTIVE', 'ENDED'] } } })).toBe(0);
    expect((await db.pair.findUniqueOrThrow({ where: { id: pair.id } })).status).toBe('WITHDRAWN');
    await expect(
      proposePair({ participantId: participant.id, volunteerId: good.id, actor: coordinator, request: null }),
    ).resolves.toBeTruthy();
  });

  it('is for coordinators only, and a pair id from another participant is a 404', async () => {
    const { coordinator, officer, participant, good } = await world();
    const volunteerUser = await createUser(db, { role: 'VOLUNTEER' });
    expect((await call(matchingLoader, getRequest('/matching', await sessionCookieFor(officer.id)))).status).toBe(403);
    expect((await call(matchingLoader, getRequest('/matching', await sessionCookieFor(volunteerUser.id)))).status).toBe(403);
    const other = await createParticipant(db, { referrerId: officer.id, status: 'ACCEPTED' });
    const pair = await proposePair({ participantId: other.id, volunteerId: good.id, actor: coordinator, request: null });
    const response = await call(
      suggestionAction,
      postRequest(`/matching/${participant.id}`, { intent: 'withdraw', pairId: pair.id }, await sessionCookieFor(coordinator.id)),
      { participantId: participant.id },
    );
    expect(response.status).toBe(404);
    expect(await db.pair.count({ where: { id: pair.id } })).toBe(1);
  });
});
