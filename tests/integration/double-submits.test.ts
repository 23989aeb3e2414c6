import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { readFlash } from '~/lib/flash.server';
import { addDays, osloInstant, todayInOslo } from '~/lib/time';
import { action as applyAction } from '~/routes/apply';
import { action as meetingAction, loader as meetingLoader } from '~/routes/meetings.$id';
import { action as pairAction } from '~/routes/pairs.$id';
import { action as concernAction } from '~/routes/pairs.$id_.concern';
import { action as planAction, loader as planLoader } from '~/routes/pairs.$id_.plan';
import { action as participantPlanAction } from '~/routes/participants_.$id_.plan._index';
import { action as newReferralAction } from '~/routes/referrals.new';
import { action as trainingAction } from '~/routes/training.$id';
import { action as usersAction } from '~/routes/users';
import { STANDARD_AREAS } from '~/domain/plans/areas';
import {
  createCourse,
  createMeeting,
  createPair,
  createParticipant,
  createPlan,
  createUser,
  createVolunteer,
} from '../../prisma/fixtures/factories';
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
    const proposals = (
      await jsonOf<{ proposals: Record<string, string>[] }>(
        await call(planLoader, getRequest(`/pairs/${pair.id}/plan`, cookie), { id: pair.id }),
      )
    ).proposals;
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
    const second = await call(
      planAction,
      postRequest(`/pairs/${pair.id}/plan`, { ...row(0, addDays(today, 7)), ...row(1, addDays(today, 14)) }, cookie),
      { id: pair.id },
    );
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
      postRequest(
        `/meetings/${second.id}`,
        { intent: 'move', date: addDays(today, 3), time: '12:00', durationMinutes: '60', placeType: 'CAFE' },
        cookie,
      ),
      { id: second.id },
    );
    expect(response.status).toBe(302);
    expect(await flashOf(response)).toMatchObject({ kind: 'error', key: 'meetings.slotTaken' });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: second.id } })).startsAt.toISOString()).toBe(
      osloInstant(addDays(today, 4), '12:00').toISOString(),
    );
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
    const page = await jsonOf<{ meeting: { log: { rating: number; activity: string } } }>(
      await call(meetingLoader, getRequest(`/meetings/${meeting.id}`, cookie), { id: meeting.id }),
    );
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
    expect(responses.map((response) => response.headers.get('location')).sort()).toEqual([
      '/me',
      `/meetings/${meeting.id}`,
      `/meetings/${meeting.id}`,
    ]);
    expect(await db.meetingLog.count({ where: { meetingId: meeting.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityType: 'MEETING_LOG', action: 'CREATE', participantId: pair.participantId } })).toBe(
      1,
    );
  });
});

/** The same form sent `times` times at once, as a double tap or an impatient second click does. */
function sameFormAtOnce(times: number, send: () => Promise<Response>) {
  return Promise.all(Array.from({ length: times }, send));
}

describe('every other create action sent twice at once', () => {
  it('a referral: one participant and referral, each answer the same success', async () => {
    const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
    const cookie = await sessionCookieFor(officer.id);
    const today = todayInOslo();
    const lastName = `Dobbel-${Math.random().toString(36).slice(2, 8)}`;
    const fields = {
      firstName: 'Ørjan',
      lastName,
      dateOfBirth: addDays(today, -365 * 20 - 30),
      gender: 'MALE',
      prison: 'Trondheim fengsel',
      expectedReleaseDate: addDays(today, 45),
      releaseMunicipality: 'Trondheim',
      interests: 'fotball',
      languages: 'norsk',
      wishedGender: 'NONE',
      'programmes[0].programme': 'ER_VIL_KAN',
      'programmes[0].status': 'NONE',
      consentGiven: 'on',
      consentDate: today,
      consentTakenBy: 'Kontaktbetjent Hansen',
    };
    const responses = await sameFormAtOnce(3, () => call(newReferralAction, postRequest('/referrals/new', fields, cookie)));
    const referrals = await db.referral.findMany({ where: { participant: { lastName } } });
    expect(referrals).toHaveLength(1);
    const referral = present(referrals[0], 'the referral');
    // A submit that starts after the first one committed sees it and is asked about the duplicate (409, shown with a link).
    for (const response of responses) expect([302, 409]).toContain(response.status);
    for (const response of responses.filter((r) => r.status === 302))
      expect(response.headers.get('location')).toBe(`/referrals/${referral.id}`);
    expect(await db.auditEvent.count({ where: { entityType: 'REFERRAL', entityId: referral.id, action: 'CREATE' } })).toBe(1);
  });

  it('a volunteer application: one applicant, one confirmation email, every answer thanks them', async () => {
    const email = `dobbel-${Math.random().toString(36).slice(2, 8)}@example.no`;
    const fields = {
      firstName: 'Solveig',
      lastName: 'Ålstad',
      email,
      phone: '+47 900 00 000',
      dateOfBirth: '1990-04-12',
      municipality: 'Trondheim',
      interests: 'fotball',
      languages: 'norsk',
      availability: ['EVENINGS'],
      motivation: 'Jeg vil være en fast voksen for noen.',
      consent: 'on',
    };
    const responses = await sameFormAtOnce(3, () => call(applyAction, postRequest('/apply', fields)));
    expect(responses.map((response) => [response.status, response.headers.get('location')])).toEqual(Array(3).fill([302, '/apply?sent']));
    expect(await db.volunteerProfile.count({ where: { email } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { toAddress: email } })).toBe(1);
  });

  it('a support contact and a fit check: one each', async () => {
    const { pair } = await activePair();
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    const cookie = await sessionCookieFor(coordinator.id);
    const post = (fields: Record<string, string>) => call(pairAction, postRequest(`/pairs/${pair.id}`, fields, cookie), { id: pair.id });
    const contact = {
      intent: 'support-contact',
      withWhom: 'VOLUNTEER',
      kind: 'PHONE',
      heldOn: todayInOslo(),
      durationMinutes: '20',
      note: 'Går bra',
    };
    const check = { intent: 'fit-check', checkedOn: todayInOslo(), volunteerScore: '4', participantScore: '5', note: 'God match' };
    const responses = [...(await sameFormAtOnce(3, () => post(contact))), ...(await sameFormAtOnce(3, () => post(check)))];
    expect(responses.map((response) => response.status)).toEqual(Array(6).fill(302));
    expect(await db.supportContact.count({ where: { pairId: pair.id } })).toBe(1);
    expect(await db.fitCheck.count({ where: { pairId: pair.id } })).toBe(1);
    // A second, different contact on the same day is a new one.
    expect((await post({ ...contact, withWhom: 'PARTICIPANT' })).status).toBe(302);
    expect(await db.supportContact.count({ where: { pairId: pair.id } })).toBe(2);
  });

  it('a concern: one concern and one alert per coordinator', async () => {
    const { pair, cookie } = await activePair();
    await db.outboxEmail.deleteMany({ where: { template: 'concern-raised' } });
    const coordinators = await db.user.count({ where: { role: 'COORDINATOR', deactivatedAt: null } });
    const fields = { text: 'Virket nedfor i dag, snakket om å flytte.' };
    const responses = await sameFormAtOnce(3, () =>
      call(concernAction, postRequest(`/pairs/${pair.id}/concern`, fields, cookie), { id: pair.id }),
    );
    expect(responses.map((response) => response.status)).toEqual([302, 302, 302]);
    expect(await db.concern.count({ where: { pairId: pair.id } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { template: 'concern-raised' } })).toBe(coordinators);
  });

  it('a plan review: one review', async () => {
    const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
    const participant = await createParticipant(db, { referrerId: officer.id, status: 'ACCEPTED' });
    const plan = await createPlan(db, { participantId: participant.id, createdById: officer.id });
    const cookie = await sessionCookieFor(officer.id);
    const fields: Record<string, string> = { intent: 'review', reviewedOn: todayInOslo(), note: 'God start' };
    STANDARD_AREAS.forEach((areaKey, index) => {
      fields[`items[${index}].areaKey`] = areaKey;
      fields[`items[${index}].status`] = 'IN_PROGRESS';
    });
    const responses = await sameFormAtOnce(3, () =>
      call(participantPlanAction, postRequest(`/participants/${participant.id}/plan`, fields, cookie), { id: participant.id }),
    );
    expect(responses.map((response) => response.status)).toEqual([302, 302, 302]);
    expect(await db.planReview.count({ where: { planId: plan.id } })).toBe(1);
  });

  it('a plan save: one new version, each answer the same success; a real conflict is still refused', async () => {
    const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
    const participant = await createParticipant(db, { referrerId: officer.id, status: 'ACCEPTED' });
    const cookie = await sessionCookieFor(officer.id);
    const fields: Record<string, string> = {
      intent: 'save',
      baseVersion: '0',
      'areas[5].areaKey': 'custom:new',
      'areas[5].title': 'Musikk',
      'areas[5].future': 'Spille i band',
    };
    STANDARD_AREAS.forEach((areaKey, index) => {
      fields[`areas[${index}].areaKey`] = areaKey;
      fields[`areas[${index}].future`] = index === 0 ? 'Ha venner som ikke ruser seg' : '';
    });
    const save = (form: Record<string, string>) =>
      call(participantPlanAction, postRequest(`/participants/${participant.id}/plan`, form, cookie), { id: participant.id });
    const responses = await sameFormAtOnce(3, () => save(fields));
    expect(responses.map((response) => response.status)).toEqual([302, 302, 302]);
    expect(await db.planVersion.count({ where: { plan: { participantId: participant.id } } })).toBe(1);
    // Another text on the same base is someone else's save meanwhile: refused with the message.
    expect((await save({ ...fields, 'areas[0].future': 'Noe annet' })).status).toBe(409);
  });

  it('an enrolment: one enrolment', async () => {
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    const volunteer = await createVolunteer(db, { status: 'SCREENING' });
    const course = await createCourse(db, { sessions: [{ date: addDays(todayInOslo(), 10), hours: 3 }] });
    const cookie = await sessionCookieFor(coordinator.id);
    const responses = await sameFormAtOnce(3, () =>
      call(trainingAction, postRequest(`/training/${course.id}`, { intent: 'enrol', volunteerId: volunteer.id }, cookie), {
        id: course.id,
      }),
    );
    expect(responses.map((response) => response.status)).toEqual([302, 302, 302]);
    expect(await db.enrolment.count({ where: { courseId: course.id, volunteerId: volunteer.id } })).toBe(1);
  });

  it('an invitation: one invitation and one email', async () => {
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    const cookie = await sessionCookieFor(coordinator.id);
    const email = `invitert-${Math.random().toString(36).slice(2, 8)}@example.no`;
    const responses = await sameFormAtOnce(3, () =>
      call(usersAction, postRequest('/users', { intent: 'invite', email, role: 'PROBATION_OFFICER', language: 'nb' }, cookie)),
    );
    expect(responses.map((response) => response.status)).toEqual([302, 302, 302]);
    expect(await db.invitation.count({ where: { email } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { toAddress: email } })).toBe(1);
  });
});
