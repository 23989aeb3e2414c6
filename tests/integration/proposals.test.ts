import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { computeAssignment, loadMatchContext, matchingOverview, suggestionsFor } from '~/domain/matching/matching.server';
import { volunteersWithFreePlaces } from '~/domain/volunteers/free-places.server';
import { PairingError, proposePair, withdrawProposal } from '~/domain/pairs/pairing.server';
import { currentTime, resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { smtpTransport } from '~/lib/email-transport.server';
import { sendDueEmails } from '~/lib/outbox-sender.server';
import { addDays, todayInOslo } from '~/lib/time';
import { loader as meLoader } from '~/routes/me';
import { action as answerAction, loader as answerLoader } from '~/routes/me_.proposals.$pairId';
import { action as suggestionAction, loader as suggestionLoader } from '~/routes/matching.$participantId';
import { completeScreening, createCourse, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { call, getRequest, jsonOf, postRequest, sessionCookieFor } from '../support/requests';
import { useSmtpServer } from '../support/smtp-server';

const smtp = useSmtpServer();

beforeAll(() => setClock('2027-03-10T09:00:00Z'));
afterAll(() => resetClock());
beforeEach(async () => {
  await db.outboxEmail.deleteMany();
});

async function sendEmails() {
  await sendDueEmails(db, smtpTransport(smtp.url, 'Brobygger <noreply@brobygger.example>'), {
    owner: 'test',
    publicUrl: 'http://localhost:3000',
    now: () => currentTime(),
  });
}

async function world() {
  const coordinator = await createUser(db, { role: 'COORDINATOR' });
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const participant = await createParticipant(db, {
    referrerId: officer.id,
    firstName: 'Åsmund',
    lastName: 'Særstad',
    status: 'ACCEPTED',
    interests: ['fotball', 'musikk'],
    needs: 'Rusbehandling',
    expectedReleaseDate: addDays(todayInOslo(), 60),
  });
  await db.participant.update({ where: { id: participant.id }, data: { email: `asmund.${participant.id}@example.no` } });
  const course = await createCourse(db);
  const volunteerUser = await createUser(db, { role: 'VOLUNTEER' });
  const volunteer = await createVolunteer(db, {
    userId: volunteerUser.id,
    email: volunteerUser.email,
    firstName: 'Solveig',
    lastName: 'Brekkhus',
    gender: 'FEMALE',
    status: 'READY',
    interests: ['fotball'],
  });
  await completeScreening(db, {
    volunteerId: volunteer.id,
    coordinatorId: coordinator.id,
    courseId: course.id,
    on: addDays(todayInOslo(), -10),
  });
  const other = await createVolunteer(db, {
    firstName: 'Trond',
    lastName: 'Vik',
    gender: 'MALE',
    status: 'READY',
    interests: ['fotball', 'musikk'],
  });
  await completeScreening(db, {
    volunteerId: other.id,
    coordinatorId: coordinator.id,
    courseId: course.id,
    on: addDays(todayInOslo(), -10),
  });
  return {
    coordinator,
    officer,
    participant: { ...participant, email: `asmund.${participant.id}@example.no` },
    volunteerUser,
    volunteer,
    other,
    course,
  };
}

describe('a proposal the volunteer answers', () => {
  it('asks the volunteer with a neutral email and introduces nobody until accepted; accepting starts the pair and introduces both sides by first name', async () => {
    const { coordinator, officer, participant, volunteerUser, volunteer } = await world();
    const coordinatorCookie = await sessionCookieFor(coordinator.id);
    const proposed = await call(
      suggestionAction,
      postRequest(`/matching/${participant.id}`, { intent: 'propose', volunteerId: volunteer.id }, coordinatorCookie),
      { participantId: participant.id },
    );
    expect(proposed.status).toBe(302);
    const pair = await db.pair.findFirstOrThrow({ where: { participantId: participant.id } });
    expect(pair.status).toBe('PROPOSED');
    expect((await db.outboxEmail.findMany({ select: { template: true } })).map((e) => e.template)).toEqual(['pair-proposal']);
    await sendEmails();
    const [ask] = await smtp.waitFor((m) => m.to.includes(volunteerUser.email));
    expect(ask?.subject).toBe('Du har et forslag å svare på');
    expect(ask?.text).toContain('http://localhost:3000/me');
    for (const detail of ['Åsmund', 'Særstad', 'Rusbehandling', 'fengsel']) expect(ask?.text).not.toContain(detail);
    expect(await db.auditEvent.count({ where: { entityType: 'PAIR', entityId: pair.id, action: 'CREATE' } })).toBe(1);

    // /me lists the proposal with what the consent allows, never the surname or needs.
    const volunteerCookie = await sessionCookieFor(volunteerUser.id);
    const home = await jsonOf<{ proposals: { id: string; profile: Record<string, unknown> }[] }>(
      await call(meLoader, getRequest('/me', volunteerCookie)),
    );
    expect(home.proposals).toHaveLength(1);
    expect(home.proposals[0]).toMatchObject({
      id: pair.id,
      profile: { firstName: 'Åsmund', shared: true, age: expect.any(Number) as number, interests: ['fotball', 'musikk'] },
    });
    expect(JSON.stringify(home.proposals)).not.toContain('Særstad');
    expect(JSON.stringify(home.proposals)).not.toContain('Rusbehandling');

    smtp.received.length = 0;
    const accepted = await call(answerAction, postRequest(`/me/proposals/${pair.id}`, { intent: 'accept' }, volunteerCookie), {
      pairId: pair.id,
    });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get('location')).toBe('/me');
    expect(await db.pair.findUniqueOrThrow({ where: { id: pair.id } })).toMatchObject({ status: 'ACTIVE', startDate: todayInOslo() });
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).status).toBe('MATCHED');
    expect(
      await db.auditEvent.count({ where: { entityType: 'PAIR', entityId: pair.id, action: 'UPDATE', actorId: volunteerUser.id } }),
    ).toBe(1);

    await sendEmails();
    const [toVolunteer] = await smtp.waitFor((m) => m.to.includes(volunteerUser.email));
    expect(toVolunteer?.subject).toContain('Åsmund');
    expect(toVolunteer?.text).toContain('Åsmund');
    expect(toVolunteer?.text).toContain(`/pairs/${pair.id}`);
    for (const detail of ['Særstad', 'Rusbehandling']) expect(toVolunteer?.text).not.toContain(detail);
    const [toOfficer] = await smtp.waitFor((m) => m.to.includes(officer.email));
    expect(toOfficer?.text).toContain('Solveig');
    expect(toOfficer?.text).not.toContain('Brekkhus');
    const [toParticipant] = await smtp.waitFor((m) => m.to.includes(participant.email));
    expect(toParticipant?.text).toContain('Solveig');
    expect(toParticipant?.text).not.toContain('Brekkhus');
  });

  it('a withdrawn proposal tells the volunteer and introduces nobody; the participant is back on the waiting list', async () => {
    const { coordinator, participant, volunteerUser, volunteer } = await world();
    const pair = await proposePair({ participantId: participant.id, volunteerId: volunteer.id, actor: coordinator, request: null });
    expect((await matchingOverview(db)).waiting.find((row) => row.participant.id === participant.id)?.proposed).toBe(true);
    const withdrawn = await call(
      suggestionAction,
      postRequest(`/matching/${participant.id}`, { intent: 'withdraw', pairId: pair.id }, await sessionCookieFor(coordinator.id)),
      { participantId: participant.id },
    );
    expect(withdrawn.status).toBe(302);
    expect(await db.pair.findUniqueOrThrow({ where: { id: pair.id } })).toMatchObject({ status: 'WITHDRAWN' });
    const templates = (await db.outboxEmail.findMany({ orderBy: { createdAt: 'asc' }, select: { template: true } })).map((e) => e.template);
    expect(templates.sort()).toEqual(['pair-proposal', 'pair-proposal-withdrawn']);
    await sendEmails();
    const mails = await smtp.waitFor((m) => m.to.includes(volunteerUser.email), 2);
    expect(mails.map((m) => m.subject).sort()).toEqual(['Du har et forslag å svare på', 'Et forslag er trukket']);
    expect(smtp.received.some((m) => /introdu|matchet|er i gang|frivillig er funnet/i.test(m.subject))).toBe(false);
    expect(
      await db.auditEvent.count({
        where: { entityType: 'PAIR', entityId: pair.id, action: 'UPDATE', detail: { equals: { status: 'WITHDRAWN' } } },
      }),
    ).toBe(1);
    const row = (await matchingOverview(db)).waiting.find((candidate) => candidate.participant.id === participant.id);
    expect(row?.proposed).toBe(false);
    // The volunteer can no longer answer it.
    const late = await call(
      answerAction,
      postRequest(`/me/proposals/${pair.id}`, { intent: 'accept' }, await sessionCookieFor(volunteerUser.id)),
      {
        pairId: pair.id,
      },
    );
    expect(late.status).toBe(302);
    expect(await db.pair.findUniqueOrThrow({ where: { id: pair.id } })).toMatchObject({ status: 'WITHDRAWN' });
    expect(
      await db.outboxEmail.count({ where: { template: { in: ['pair-intro-volunteer', 'pair-intro-participant', 'referral-matched'] } } }),
    ).toBe(0);
  });

  it('a declined proposal tells the coordinators, keeps the reason, and the pair never becomes active', async () => {
    const { coordinator, participant, volunteerUser, volunteer } = await world();
    const pair = await proposePair({ participantId: participant.id, volunteerId: volunteer.id, actor: coordinator, request: null });
    const cookie = await sessionCookieFor(volunteerUser.id);
    const page = await jsonOf<{ answer: string }>(
      await call(answerLoader, getRequest(`/me/proposals/${pair.id}?answer=decline`, cookie), { pairId: pair.id }),
    );
    expect(page.answer).toBe('decline');
    const tooLong = await call(
      answerAction,
      postRequest(`/me/proposals/${pair.id}`, { intent: 'decline', reason: 'x'.repeat(1001) }, cookie),
      {
        pairId: pair.id,
      },
    );
    expect(tooLong.status).toBe(400);
    expect((await db.pair.findUniqueOrThrow({ where: { id: pair.id } })).status).toBe('PROPOSED');
    const declined = await call(
      answerAction,
      postRequest(`/me/proposals/${pair.id}`, { intent: 'decline', reason: 'Flytter i sommer' }, cookie),
      {
        pairId: pair.id,
      },
    );
    expect(declined.status).toBe(302);
    expect(await db.pair.findUniqueOrThrow({ where: { id: pair.id } })).toMatchObject({
      status: 'DECLINED',
      declineReason: 'Flytter i sommer',
      activatedAt: null,
    });
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).status).toBe('ACCEPTED');
    await sendEmails();
    const [told] = await smtp.waitFor((m) => m.to.includes(coordinator.email));
    expect(told?.subject).toBe('En frivillig har takket nei til et forslag');
    expect(told?.text).toContain(`/matching/${participant.id}`);
    expect(told?.text).not.toContain('Åsmund');
    expect(
      await db.outboxEmail.count({ where: { template: { in: ['pair-intro-volunteer', 'pair-intro-participant', 'referral-matched'] } } }),
    ).toBe(0);
    // The coordinator sees the answer and its reason, and can propose again.
    const suggestions = await jsonOf<{ closedProposals: { status: string; declineReason: string }[]; proposedPairs: unknown[] }>(
      await call(suggestionLoader, getRequest(`/matching/${participant.id}`, await sessionCookieFor(coordinator.id)), {
        participantId: participant.id,
      }),
    );
    expect(suggestions.proposedPairs).toHaveLength(0);
    expect(suggestions.closedProposals).toEqual([expect.objectContaining({ status: 'DECLINED', declineReason: 'Flytter i sommer' })]);
  });

  it('refuses a second proposal for the participant while one is open, on the server and in the page', async () => {
    const { coordinator, participant, volunteer, other } = await world();
    await proposePair({ participantId: participant.id, volunteerId: volunteer.id, actor: coordinator, request: null });
    await expect(
      proposePair({ participantId: participant.id, volunteerId: other.id, actor: coordinator, request: null }),
    ).rejects.toMatchObject({
      code: 'PROPOSAL_OPEN',
    });
    const cookie = await sessionCookieFor(coordinator.id);
    const refused = await call(
      suggestionAction,
      postRequest(`/matching/${participant.id}`, { intent: 'propose', volunteerId: other.id }, cookie),
      {
        participantId: participant.id,
      },
    );
    expect(refused.status).toBe(302);
    expect(await db.pair.count({ where: { participantId: participant.id } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { template: 'pair-proposal' } })).toBe(1);
    // The database holds the rule too: a second open proposal cannot be written.
    await expect(db.pair.create({ data: { participantId: participant.id, volunteerId: other.id, status: 'PROPOSED' } })).rejects.toThrow();
  });

  it('lets a volunteer answer only their own proposals: another volunteer gets a 404', async () => {
    const { coordinator, participant, volunteer } = await world();
    const pair = await proposePair({ participantId: participant.id, volunteerId: volunteer.id, actor: coordinator, request: null });
    const stranger = await createUser(db, { role: 'VOLUNTEER' });
    const cookie = await sessionCookieFor(stranger.id);
    expect((await call(answerLoader, getRequest(`/me/proposals/${pair.id}`, cookie), { pairId: pair.id })).status).toBe(404);
    expect(
      (await call(answerAction, postRequest(`/me/proposals/${pair.id}`, { intent: 'accept' }, cookie), { pairId: pair.id })).status,
    ).toBe(404);
    expect(
      (
        await call(answerAction, postRequest(`/me/proposals/${pair.id}`, { intent: 'accept' }, await sessionCookieFor(coordinator.id)), {
          pairId: pair.id,
        })
      ).status,
    ).toBe(403);
    expect((await db.pair.findUniqueOrThrow({ where: { id: pair.id } })).status).toBe('PROPOSED');
    await withdrawProposal({ pairId: pair.id, actor: coordinator, request: null });
    await expect(withdrawProposal({ pairId: pair.id, actor: coordinator, request: null })).rejects.toBeInstanceOf(PairingError);
  });
});

describe('a wish for the volunteer gender', () => {
  it('is a hard rule: other genders are excluded from the suggestions and from the best assignment', async () => {
    const { coordinator, officer, course } = await world();
    const wishing = await createParticipant(db, {
      referrerId: officer.id,
      status: 'ACCEPTED',
      gender: 'FEMALE',
      wishedGender: 'FEMALE',
      interests: ['sjakk', 'klatring', 'strikking'],
      expectedReleaseDate: addDays(todayInOslo(), 50),
    });
    // A man who shares every interest, and a woman who shares none: only she may be suggested.
    const man = await createVolunteer(db, { gender: 'MALE', status: 'READY', interests: ['sjakk', 'klatring', 'strikking'] });
    const woman = await createVolunteer(db, { gender: 'FEMALE', status: 'READY', interests: ['seiling'] });
    for (const v of [man, woman])
      await completeScreening(db, {
        volunteerId: v.id,
        coordinatorId: coordinator.id,
        courseId: course.id,
        on: addDays(todayInOslo(), -10),
      });

    const result = await suggestionsFor(db, wishing.id, Infinity);
    const ids = result!.suggestions.map((s) => s.volunteer.id);
    expect(ids).toContain(woman.id);
    expect(ids).not.toContain(man.id);
    expect(result!.suggestions.every((s) => s.volunteer.gender === 'FEMALE')).toBe(true);
    expect(result!.excluded.GENDER_WISH).toBeGreaterThanOrEqual(1);

    const participantRow = { ...wishing, interests: wishing.interests as string[], languages: wishing.languages as string[] };
    const assignment = computeAssignment([participantRow], await volunteersWithFreePlaces(db), await loadMatchContext(db, currentTime()));
    expect(assignment.rows[0]?.volunteer?.gender).toBe('FEMALE');
    const overview = await matchingOverview(db);
    const row = overview.waiting.find((candidate) => candidate.participant.id === wishing.id)!;
    expect(row.best?.volunteer.gender).toBe('FEMALE');
    if (row.assigned) expect(row.assigned.volunteer.gender).toBe('FEMALE');

    await expect(proposePair({ participantId: wishing.id, volunteerId: man.id, actor: coordinator, request: null })).rejects.toMatchObject({
      code: 'GENDER_WISH',
    });
  });
});
