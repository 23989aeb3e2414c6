import { describe, expect, it } from 'vitest';
import { PARTICIPANT_STATUSES, PARTICIPANT_TRANSITIONS } from '~/domain/participants/status';
import { changeParticipantStatus, IllegalStatusChangeError } from '~/domain/participants/status.server';
import { queueMatchNotice } from '~/domain/referrals/notifications.server';
import { decideReferral } from '~/domain/referrals/referrals.server';
import { listReferrals } from '~/domain/referrals/referral-list.server';
import { roleSchema } from '~/lib/roles';
import { db } from '~/lib/db.server';
import type { Actor } from '~/lib/permissions.server';
import { smtpTransport } from '~/lib/email-transport.server';
import { sendDueEmails } from '~/lib/outbox-sender.server';
import { addDays, addMonths, osloInstant, todayInOslo } from '~/lib/time';
import { action as decideAction, loader as referralLoader } from '~/routes/referrals.$id';
import { action as newReferralAction } from '~/routes/referrals.new';
import { action as participantAction, loader as participantLoader } from '~/routes/participants.$id._index';
import { createMeeting, createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { call, getRequest, jsonOf, postRequest, sessionCookieFor } from '../support/requests';
import { useSmtpServer } from '../support/smtp-server';
import { present } from '../support/present';

const smtp = useSmtpServer();

const today = todayInOslo();
const asActor = (user: { id: string; role: string }): Actor => ({ id: user.id, role: roleSchema.parse(user.role) });

function referralForm(overrides: Record<string, string | string[] | undefined> = {}): Record<string, string | string[]> {
  const fields: Record<string, string | string[] | undefined> = {
    firstName: 'Ørjan',
    lastName: `Sørli-${Math.random().toString(36).slice(2, 8)}`,
    dateOfBirth: addMonths(today, -12 * 20),
    gender: 'MALE',
    phone: '912 34 567',
    prison: 'Trondheim fengsel, avdeling Tunga',
    prisonUnit: 'Avdeling C',
    expectedReleaseDate: addDays(today, 45),
    releaseMunicipality: 'Trondheim',
    interests: 'fotball, gaming',
    languages: 'norsk',
    wishedGender: 'MALE',
    needs: 'Trenger hjelp med bolig.',
    'programmes[0].programme': 'ER_VIL_KAN',
    'programmes[0].status': 'COMPLETED',
    'programmes[0].startDate': addDays(today, -120),
    'programmes[0].endDate': addDays(today, -30),
    'programmes[1].programme': 'RUSSAMTALEN',
    'programmes[1].status': 'NONE',
    consentGiven: 'on',
    consentDate: today,
    consentTakenBy: 'Kontaktbetjent Hansen',
    shareAttendanceWithReferrer: 'on',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Record<string, string | string[]>;
}

interface FormReply {
  result: { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
  duplicates?: { name: string; href: string | null }[] | null;
}

async function setup() {
  const coordinator = await createUser(db, { role: 'COORDINATOR', language: 'nb' });
  const officer = await createUser(db, { role: 'PROBATION_OFFICER', organisation: 'Kriminalomsorgen Trondheim', language: 'en' });
  return {
    coordinator,
    officer,
    coordinatorCookie: await sessionCookieFor(coordinator.id),
    officerCookie: await sessionCookieFor(officer.id),
  };
}

async function refer(cookie: string, overrides: Record<string, string | string[] | undefined> = {}) {
  return call(newReferralAction, postRequest('/referrals/new', referralForm(overrides), cookie));
}

describe('referral intake', () => {
  it('saves a referral with consent, programmes and history, audits it and tells every active coordinator', async () => {
    const { officer, officerCookie } = await setup();
    const retired = await createUser(db, { role: 'COORDINATOR' });
    await db.user.update({ where: { id: retired.id }, data: { deactivatedAt: new Date() } });
    const activeCoordinators = await db.user.findMany({ where: { role: 'COORDINATOR', deactivatedAt: null } });

    const response = await refer(officerCookie, { lastName: 'Østgård' });
    expect(response.status).toBe(302);
    const referral = await db.referral.findFirstOrThrow({
      where: { referrerId: officer.id },
      include: { participant: { include: { consents: true, programmes: true, statusChanges: true } } },
    });
    expect(response.headers.get('location')).toBe(`/referrals/${referral.id}`);
    expect(referral.referralDate).toBe(today);
    expect(referral.office).toBe('Kriminalomsorgen Trondheim');
    expect(referral.participant).toMatchObject({ lastName: 'Østgård', status: 'REFERRED', phone: '+4791234567', wishedGender: 'MALE' });
    expect(referral.participant.interests).toEqual(['fotball', 'gaming']);
    expect(referral.participant.consents).toHaveLength(1);
    expect(referral.participant.consents[0]).toMatchObject({
      takenByName: 'Kontaktbetjent Hansen',
      recordedById: officer.id,
      shareAttendanceWithReferrer: true,
      sharePlanWithVolunteer: false,
    });
    expect(referral.participant.programmes.map((p) => `${p.programme}:${p.status}`)).toEqual(['ER_VIL_KAN:COMPLETED']);
    expect(referral.participant.statusChanges.map((c) => c.toStatus)).toEqual(['REFERRED']);
    expect(await db.auditEvent.count({ where: { action: 'CREATE', entityType: 'REFERRAL', entityId: referral.id } })).toBe(1);

    const emails = await db.outboxEmail.findMany({ where: { template: 'referral-new', participantId: referral.participantId } });
    expect(emails.map((e) => e.toAddress).sort()).toEqual(activeCoordinators.map((c) => c.email).sort());
    expect(emails.every((e) => e.userId !== retired.id)).toBe(true);

    await sendDueEmails(db, smtpTransport(smtp.url, 'Brobygger <noreply@brobygger.example>'), {
      owner: 'test',
      publicUrl: 'http://localhost:3000',
      now: () => new Date(),
    });
    const [mail] = await smtp.waitFor(
      (m) => m.to.includes(present(activeCoordinators[0], 'an active coordinator').email) && m.subject === 'Ny henvisning til Brobygger',
    );
    expect(mail?.text).toContain(`/referrals/${referral.id}`);
    expect(mail?.text).not.toContain('Østgård');
    expect(mail?.text).not.toContain('bolig');
  });

  it('accepts a participant on their 18th birthday and refuses one on their 25th, naming the age', async () => {
    const { officerCookie } = await setup();
    const eighteen = await refer(officerCookie, { lastName: 'Attenår', dateOfBirth: addMonths(today, -12 * 18) });
    expect(eighteen.status).toBe(302);
    expect(await db.participant.count({ where: { lastName: 'Attenår' } })).toBe(1);

    const twentyFive = await refer(officerCookie, { lastName: 'Tjuefemår', dateOfBirth: addMonths(today, -12 * 25) });
    expect(twentyFive.status).toBe(400);
    const body = await jsonOf<FormReply>(twentyFive);
    expect(body.result.error?.dateOfBirth).toEqual(['referrals.tooOld::{"age":25}']);
    expect(await db.participant.count({ where: { lastName: 'Tjuefemår' } })).toBe(0);

    const dayBefore25 = await refer(officerCookie, { lastName: 'Nestentjuefem', dateOfBirth: addDays(addMonths(today, -12 * 25), 1) });
    expect(dayBefore25.status).toBe(302);
  });

  it('takes a date of birth on 29 February and stores it as given', async () => {
    const { officerCookie } = await setup();
    const response = await refer(officerCookie, { lastName: 'Skuddår', dateOfBirth: '2004-02-29' });
    expect(response.status).toBe(302);
    expect((await db.participant.findFirstOrThrow({ where: { lastName: 'Skuddår' } })).dateOfBirth).toBe('2004-02-29');
  });

  it('refuses a referral without consent and saves nothing', async () => {
    const { officerCookie } = await setup();
    const before = [await db.participant.count(), await db.outboxEmail.count()];
    const response = await refer(officerCookie, { consentGiven: undefined });
    expect(response.status).toBe(400);
    const body = await jsonOf<FormReply>(response);
    expect(body.result.error?.consentGiven).toEqual(['referrals.consentRequired']);
    expect([await db.participant.count(), await db.outboxEmail.count()]).toEqual(before);
  });

  it('answers bad input with clear messages, keeps what was typed and saves nothing', async () => {
    const { officerCookie } = await setup();
    const before = {
      participants: await db.participant.count(),
      referrals: await db.referral.count(),
      emails: await db.outboxEmail.count(),
    };
    const response = await refer(officerCookie, {
      firstName: '<script>alert("x")</script>',
      lastName: 'L'.repeat(10_000),
      dateOfBirth: addMonths(today, -12 * 30),
      expectedReleaseDate: '1990-06-01',
      consentGiven: undefined,
      needs: 'N'.repeat(10_000),
      phone: '+47 123',
    });
    expect(response.status).toBe(400);
    const body = await jsonOf<FormReply>(response);
    expect(body.result.error).toMatchObject({
      firstName: ['referrals.nameCharacters'],
      lastName: ['form.tooLong::{"max":100}'],
      dateOfBirth: ['referrals.tooOld::{"age":30}'],
      expectedReleaseDate: ['referrals.releaseTooEarly'],
      consentGiven: ['referrals.consentRequired'],
      needs: ['form.tooLong::{"max":2000}'],
      phone: ['referrals.invalidPhone'],
    });
    expect(body.result.initialValue?.firstName).toBe('<script>alert("x")</script>');
    expect(body.result.initialValue?.releaseMunicipality).toBe('Trondheim');
    expect({
      participants: await db.participant.count(),
      referrals: await db.referral.count(),
      emails: await db.outboxEmail.count(),
    }).toEqual(before);
  });

  it('shows a possible duplicate with a link before saving, and saves once the user confirms', async () => {
    const { coordinatorCookie, officer, officerCookie } = await setup();
    const first = await refer(officerCookie, { firstName: 'Mari', lastName: 'Duplikat', dateOfBirth: '2005-03-03' });
    expect(first.status).toBe(302);
    const existingReferral = await db.referral.findFirstOrThrow({
      where: { referrerId: officer.id, participant: { lastName: 'Duplikat' } },
    });

    const again = await refer(officerCookie, { firstName: ' mari ', lastName: 'DUPLIKAT', dateOfBirth: '2005-03-03' });
    expect(again.status).toBe(409);
    const body = await jsonOf<FormReply>(again);
    expect(body.duplicates).toEqual([{ name: 'Mari Duplikat', href: `/referrals/${existingReferral.id}` }]);
    expect(body.result.initialValue?.lastName).toBe('DUPLIKAT');
    expect(await db.participant.count({ where: { lastName: { in: ['Duplikat', 'DUPLIKAT'] } } })).toBe(1);

    const coordinatorSees = await jsonOf<FormReply>(
      await refer(coordinatorCookie, { firstName: 'Mari', lastName: 'Duplikat', dateOfBirth: '2005-03-03' }),
    );
    expect(coordinatorSees.duplicates).toEqual([{ name: 'Mari Duplikat', href: `/participants/${existingReferral.participantId}` }]);

    const confirmed = await refer(officerCookie, {
      firstName: 'Mari',
      lastName: 'Duplikat',
      dateOfBirth: '2005-03-03',
      confirmDuplicate: 'on',
    });
    expect(confirmed.status).toBe(302);
    expect(await db.participant.count({ where: { lastName: 'Duplikat' } })).toBe(2);
  });

  it('lets only officers and coordinators refer', async () => {
    const volunteer = await createUser(db, { role: 'VOLUNTEER' });
    const response = await refer(await sessionCookieFor(volunteer.id));
    expect(response.status).toBe(403);
  });
});

describe('status changes', () => {
  it('refuses every change the status table does not allow, and leaves the status as it was', async () => {
    const { officer, coordinator } = await setup();
    let refused = 0;
    for (const from of PARTICIPANT_STATUSES) {
      for (const to of PARTICIPANT_STATUSES) {
        if (PARTICIPANT_TRANSITIONS[from].includes(to)) continue;
        const participant = await createParticipant(db, { referrerId: officer.id, status: from });
        await expect(
          db.$transaction((tx) => changeParticipantStatus(tx, { participantId: participant.id, to, actorId: coordinator.id })),
        ).rejects.toBeInstanceOf(IllegalStatusChangeError);
        const after = await db.participant.findUniqueOrThrow({ where: { id: participant.id }, include: { statusChanges: true } });
        expect(after.status).toBe(from);
        expect(after.statusChanges).toHaveLength(1);
        refused += 1;
      }
    }
    expect(refused).toBe(49 - Object.values(PARTICIPANT_TRANSITIONS).flat().length);
  });

  it('answers an illegal decision in the triage form with 409 and sends no email', async () => {
    const { officer, coordinatorCookie } = await setup();
    const participant = await createParticipant(db, { referrerId: officer.id, status: 'DECLINED' });
    const referral = await db.referral.findFirstOrThrow({ where: { participantId: participant.id } });
    const response = await call(decideAction, postRequest(`/referrals/${referral.id}`, { decision: 'ACCEPTED' }, coordinatorCookie), {
      id: referral.id,
    });
    expect(response.status).toBe(409);
    expect((await jsonOf<FormReply>(response)).result.error?.['']).toEqual(['referrals.illegalTransition']);
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).status).toBe('DECLINED');
    expect(await db.outboxEmail.count({ where: { participantId: participant.id } })).toBe(0);
  });

  it('refuses a decision made on a stale page', async () => {
    const { officer, coordinatorCookie } = await setup();
    const participant = await createParticipant(db, { referrerId: officer.id, status: 'WAITLISTED' });
    const referral = await db.referral.findFirstOrThrow({ where: { participantId: participant.id } });
    const response = await call(
      decideAction,
      postRequest(`/referrals/${referral.id}`, { decision: 'ACCEPTED', expectedStatus: 'REFERRED' }, coordinatorCookie),
      { id: referral.id },
    );
    expect(response.status).toBe(409);
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).status).toBe('WAITLISTED');
  });

  it('requires a reason to decline', async () => {
    const { officer, coordinatorCookie } = await setup();
    const participant = await createParticipant(db, { referrerId: officer.id });
    const referral = await db.referral.findFirstOrThrow({ where: { participantId: participant.id } });
    const response = await call(decideAction, postRequest(`/referrals/${referral.id}`, { decision: 'DECLINED' }, coordinatorCookie), {
      id: referral.id,
    });
    expect(response.status).toBe(400);
    expect((await jsonOf<FormReply>(response)).result.error?.reason).toEqual(['referrals.reasonRequired']);
  });
});

describe('the coordinator’s decision', () => {
  it('changes the status, records the decision and queues the referrer’s email, in their language', async () => {
    const { officer, coordinator, coordinatorCookie } = await setup();
    const participant = await createParticipant(db, { referrerId: officer.id });
    const referral = await db.referral.findFirstOrThrow({ where: { participantId: participant.id } });
    const response = await call(
      decideAction,
      postRequest(`/referrals/${referral.id}`, { decision: 'ACCEPTED', expectedStatus: 'REFERRED' }, coordinatorCookie),
      { id: referral.id },
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/referrals/${referral.id}`);
    const after = await db.referral.findUniqueOrThrow({
      where: { id: referral.id },
      include: { participant: { include: { statusChanges: true } } },
    });
    expect(after).toMatchObject({ decision: 'ACCEPTED', decidedById: coordinator.id });
    expect(after.participant.status).toBe('ACCEPTED');
    expect(after.participant.statusChanges.map((c) => c.toStatus).sort()).toEqual(['ACCEPTED', 'REFERRED']);
    const email = await db.outboxEmail.findFirstOrThrow({ where: { template: 'referral-decided', participantId: participant.id } });
    expect(email).toMatchObject({ toAddress: officer.email, userId: officer.id, language: 'en', status: 'PENDING' });
    expect(email.data).toEqual({ referralId: referral.id, decision: 'ACCEPTED' });
    expect(await db.auditEvent.count({ where: { entityType: 'REFERRAL', entityId: referral.id, action: 'UPDATE' } })).toBe(1);
  });

  it('commits the status, the audit row and the email together or not at all', async () => {
    const { officer, coordinator } = await setup();
    const participant = await createParticipant(db, { referrerId: officer.id });
    const referral = await db.referral.findFirstOrThrow({ where: { participantId: participant.id } });
    await expect(
      db.$transaction(async (tx) => {
        await decideReferral(tx, { referralId: referral.id, actor: asActor(coordinator), decision: 'WAITLISTED', request: null });
        expect(await tx.outboxEmail.count({ where: { participantId: participant.id, template: 'referral-decided' } })).toBe(1);
        throw new Error('the commit fails');
      }),
    ).rejects.toThrow('the commit fails');
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).status).toBe('REFERRED');
    expect(await db.outboxEmail.count({ where: { participantId: participant.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: referral.id, action: 'UPDATE' } })).toBe(0);
  });

  it('holds the referrer’s email for the digest when they chose one', async () => {
    const { coordinator } = await setup();
    const officer = await createUser(db, { role: 'PROBATION_OFFICER', notificationMode: 'DIGEST' });
    const participant = await createParticipant(db, { referrerId: officer.id });
    const referral = await db.referral.findFirstOrThrow({ where: { participantId: participant.id } });
    await db.$transaction((tx) =>
      decideReferral(tx, { referralId: referral.id, actor: asActor(coordinator), decision: 'ACCEPTED', request: null }),
    );
    expect((await db.outboxEmail.findFirstOrThrow({ where: { participantId: participant.id } })).status).toBe('HELD');
  });

  it('gives the matching a notice for the referrer, once per match', async () => {
    const { officer, coordinator } = await setup();
    const participant = await createParticipant(db, { referrerId: officer.id, status: 'ACCEPTED' });
    const referral = await db.referral.findFirstOrThrow({ where: { participantId: participant.id } });
    await db.$transaction(async (tx) => {
      await changeParticipantStatus(tx, { participantId: participant.id, to: 'MATCHED', actorId: coordinator.id });
      await queueMatchNotice(tx, { participantId: participant.id });
      await queueMatchNotice(tx, { participantId: participant.id });
    });
    const emails = await db.outboxEmail.findMany({ where: { participantId: participant.id, template: 'referral-matched' } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ toAddress: officer.email, language: 'en' });
    expect(emails[0]?.data).toEqual({ referralId: referral.id });
  });
});

describe('the referrer’s view', () => {
  it('gives another officer’s referral a 404, and the officer what they submitted but no triage', async () => {
    const { officer, officerCookie } = await setup();
    const otherOfficer = await createUser(db, { role: 'PROBATION_OFFICER' });
    const others = await createParticipant(db, { referrerId: otherOfficer.id });
    const othersReferral = await db.referral.findFirstOrThrow({ where: { participantId: others.id } });
    const stranger = await call(referralLoader, getRequest(`/referrals/${othersReferral.id}`, officerCookie), { id: othersReferral.id });
    expect(stranger.status).toBe(404);
    const missing = await call(referralLoader, getRequest('/referrals/nope', officerCookie), { id: 'nope' });
    expect(missing.status).toBe(404);

    const own = await createParticipant(db, { referrerId: officer.id, needs: 'Hemmelig behov' });
    const ownReferral = await db.referral.findFirstOrThrow({ where: { participantId: own.id } });
    const response = await call(referralLoader, getRequest(`/referrals/${ownReferral.id}`, officerCookie), { id: ownReferral.id });
    expect(response.status).toBe(200);
    const text = await response.text();
    // The officer sees what they submitted (tests/integration/referral-list.test.ts has the rest).
    const { referral } = JSON.parse(text) as { referral: { details: { needs: string }; triage: unknown } };
    expect(referral.details.needs).toBe('Hemmelig behov');
    expect(referral.triage).toBeNull();

    const decide = await call(decideAction, postRequest(`/referrals/${ownReferral.id}`, { decision: 'ACCEPTED' }, officerCookie), {
      id: ownReferral.id,
    });
    expect(decide.status).toBe(403);
  });

  it('shows meetings held per month only while consent allows, never notes', async () => {
    const { officer, officerCookie, coordinatorCookie } = await setup();
    const participant = await createParticipant(db, { referrerId: officer.id, status: 'MATCHED', consent: { shareAttendance: true } });
    const referral = await db.referral.findFirstOrThrow({ where: { participantId: participant.id } });
    const volunteer = await createVolunteer(db, { status: 'READY' });
    const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, startDate: addDays(today, -70) });
    for (const days of [-65, -60, -35, -5]) {
      await createMeeting(db, {
        pairId: pair.id,
        startsAt: osloInstant(addDays(today, days), '17:00'),
        log: { outcome: 'HELD', note: 'Privat notat fra møtet' },
      });
    }
    await createMeeting(db, { pairId: pair.id, startsAt: osloInstant(addDays(today, -20), '17:00'), log: { outcome: 'NO_SHOW' } });

    const response = await call(referralLoader, getRequest(`/referrals/${referral.id}`, officerCookie), { id: referral.id });
    const text = await response.text();
    expect(text).not.toContain('Privat notat');
    const { referral: view } = JSON.parse(text) as { referral: { activity: { month: string; held: number }[] } };
    expect(view.activity.reduce((sum, row) => sum + row.held, 0)).toBe(4);
    expect(await db.auditEvent.count({ where: { actorId: officer.id, action: 'VIEW', entityId: referral.id } })).toBe(1);

    const withdraw = await call(
      participantAction,
      postRequest(
        `/participants/${participant.id}`,
        { intent: 'withdraw-consent', confirm: 'on', reason: 'Ønsker ikke mer' },
        coordinatorCookie,
      ),
      { id: participant.id },
    );
    expect(withdraw.status).toBe(302);
    const afterStatus = await db.participant.findUniqueOrThrow({ where: { id: participant.id }, include: { consents: true } });
    expect(afterStatus.status).toBe('WITHDRAWN');
    expect(afterStatus.consents.every((c) => c.withdrawnAt !== null)).toBe(true);

    const after = await jsonOf<{ referral: { activity: unknown; consentWithdrawn: boolean; status: string } }>(
      await call(referralLoader, getRequest(`/referrals/${referral.id}`, officerCookie), { id: referral.id }),
    );
    expect(after.referral).toMatchObject({ activity: null, consentWithdrawn: true, status: 'WITHDRAWN' });
    expect(JSON.stringify(after)).not.toContain('Ønsker ikke mer');
  });

  it('hides the counts when the participant did not agree to share attendance', async () => {
    const { officer, officerCookie } = await setup();
    const participant = await createParticipant(db, { referrerId: officer.id, status: 'MATCHED', consent: { shareAttendance: false } });
    const referral = await db.referral.findFirstOrThrow({ where: { participantId: participant.id } });
    const volunteer = await createVolunteer(db, { status: 'READY' });
    const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, startDate: addDays(today, -30) });
    await createMeeting(db, { pairId: pair.id, startsAt: osloInstant(addDays(today, -3), '17:00'), log: { outcome: 'HELD' } });
    const view = await jsonOf<{ referral: { activity: unknown; activityShared: boolean } }>(
      await call(referralLoader, getRequest(`/referrals/${referral.id}`, officerCookie), { id: referral.id }),
    );
    expect(view.referral).toMatchObject({ activity: null, activityShared: false });
  });
});

describe('the referral list', () => {
  it('filters by status, prison and release window, and shows an officer only their own', async () => {
    const { officer, coordinator } = await setup();
    const other = await createUser(db, { role: 'PROBATION_OFFICER' });
    const soon = await createParticipant(db, { referrerId: officer.id, prison: 'Verdal fengsel', expectedReleaseDate: addDays(today, 10) });
    const later = await createParticipant(db, {
      referrerId: officer.id,
      prison: 'Verdal fengsel',
      expectedReleaseDate: addDays(today, 100),
      status: 'ACCEPTED',
    });
    const othersOne = await createParticipant(db, { referrerId: other.id, prison: 'Leira', expectedReleaseDate: addDays(today, 5) });

    const ids = (rows: { participantId: string }[]) => rows.map((row) => row.participantId).sort();
    expect(ids(await listReferrals(db, asActor(officer)))).toEqual([soon.id, later.id].sort());
    expect(ids(await listReferrals(db, asActor(coordinator), { release: 'next14' }))).toEqual(
      expect.arrayContaining([soon.id, othersOne.id]),
    );
    expect(ids(await listReferrals(db, asActor(coordinator), { release: 'next14' }))).not.toContain(later.id);
    expect(ids(await listReferrals(db, asActor(coordinator), { prison: 'Verdal fengsel', status: 'ACCEPTED' }))).toEqual([later.id]);
  });
});

describe('the participant page', () => {
  it('is the coordinator’s only, audits each view and each edit', async () => {
    const { officer, officerCookie, coordinator, coordinatorCookie } = await setup();
    const participant = await createParticipant(db, { referrerId: officer.id });
    expect(
      (await call(participantLoader, getRequest(`/participants/${participant.id}`, officerCookie), { id: participant.id })).status,
    ).toBe(403);
    const page = await call(participantLoader, getRequest(`/participants/${participant.id}`, coordinatorCookie), { id: participant.id });
    expect(page.status).toBe(200);
    expect((await jsonOf<{ participant: { phase: string } }>(page)).participant.phase).toBe('IN_PRISON');
    expect(
      await db.auditEvent.count({
        where: { actorId: coordinator.id, action: 'VIEW', entityType: 'PARTICIPANT', participantId: participant.id },
      }),
    ).toBe(1);
    expect((await call(participantLoader, getRequest('/participants/unknown', coordinatorCookie), { id: 'unknown' })).status).toBe(404);

    const edit = await call(
      participantAction,
      postRequest(
        `/participants/${participant.id}`,
        {
          intent: 'edit',
          firstName: participant.firstName,
          lastName: participant.lastName,
          gender: 'MALE',
          phone: '73 12 34 56',
          prison: participant.prison,
          expectedReleaseDate: addDays(today, -3),
          releaseMunicipality: 'Malvik',
          interests: 'sjakk',
        },
        coordinatorCookie,
      ),
      { id: participant.id },
    );
    expect(edit.status).toBe(302);
    const after = await db.participant.findUniqueOrThrow({ where: { id: participant.id } });
    expect(after).toMatchObject({ phone: '+4773123456', releaseMunicipality: 'Malvik', interests: ['sjakk'] });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: 'UPDATE', entityType: 'PARTICIPANT', participantId: participant.id },
    });
    expect((audit.detail as { fields: string[] }).fields).toEqual(
      expect.arrayContaining(['phone', 'releaseMunicipality', 'interests', 'expectedReleaseDate']),
    );
    const reloaded = await jsonOf<{ participant: { phase: string } }>(
      await call(participantLoader, getRequest(`/participants/${participant.id}`, coordinatorCookie), { id: participant.id }),
    );
    expect(reloaded.participant.phase).toBe('IN_COMMUNITY');
  });

  it('routes a decision made on the participant page through the referral, so the referrer is told', async () => {
    const { officer, coordinatorCookie } = await setup();
    const participant = await createParticipant(db, { referrerId: officer.id });
    const response = await call(
      participantAction,
      postRequest(`/participants/${participant.id}`, { intent: 'status', to: 'WAITLISTED', expectedStatus: 'REFERRED' }, coordinatorCookie),
      { id: participant.id },
    );
    expect(response.status).toBe(302);
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).status).toBe('WAITLISTED');
    expect(await db.outboxEmail.count({ where: { participantId: participant.id, template: 'referral-decided' } })).toBe(1);
    const matched = await createParticipant(db, { referrerId: officer.id, status: 'MATCHED' });
    const matchedReferral = await db.referral.findFirstOrThrow({ where: { participantId: matched.id } });
    const triage = await call(decideAction, postRequest(`/referrals/${matchedReferral.id}`, { decision: 'ACCEPTED' }, coordinatorCookie), {
      id: matchedReferral.id,
    });
    expect(triage.status).toBe(409);
    const rematch = await call(
      participantAction,
      postRequest(`/participants/${matched.id}`, { intent: 'status', to: 'ACCEPTED', reason: 'Ny frivillig trengs' }, coordinatorCookie),
      { id: matched.id },
    );
    expect(rematch.status).toBe(302);
    expect((await db.participant.findUniqueOrThrow({ where: { id: matched.id } })).status).toBe('ACCEPTED');
    expect(await db.outboxEmail.count({ where: { participantId: matched.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { participantId: matched.id, action: 'UPDATE', entityType: 'PARTICIPANT' } })).toBe(1);

    const completed = await call(
      participantAction,
      postRequest(`/participants/${participant.id}`, { intent: 'status', to: 'COMPLETED' }, coordinatorCookie),
      { id: participant.id },
    );
    expect(completed.status).toBe(409);
  });
});
