import { beforeEach, describe, expect, it } from 'vitest';
import { sendWeeklyDigest } from '~/domain/notifications/weekly-digest.server';
import { setSetting } from '~/domain/settings/settings.server';
import { findMatchableVolunteers } from '~/domain/volunteers/matchable.server';
import { READINESS_STEPS, type ReadinessStep } from '~/domain/volunteers/readiness';
import { queueCourseReminders } from '~/domain/volunteers/reminders.server';
import { enrol, recordAttendance } from '~/domain/volunteers/training.server';
import { addReference, recordCertificate, recordInterview, type ChangeContext } from '~/domain/volunteers/volunteers.server';
import { db } from '~/lib/db.server';
import { smtpTransport } from '~/lib/email-transport.server';
import { sendDueEmails } from '~/lib/outbox-sender.server';
import { addDays, addMonths, todayInOslo } from '~/lib/time';
import { action as applyAction } from '~/routes/apply';
import { action as trainingAction } from '~/routes/training.$id';
import { loader as boardLoader } from '~/routes/volunteers._index';
import { action as volunteerAction, loader as volunteerLoader } from '~/routes/volunteers.$id';
import { courseRemindersJob } from '../../jobs/course-reminders';
import { weeklyDigestJob } from '../../jobs/weekly-digest';
import type { JobContext } from '../../jobs/job';
import { createCourse, createParticipant, createPair, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { call, getRequest, jsonOf, postRequest, sessionCookieFor } from '../support/requests';
import { useSmtpServer } from '../support/smtp-server';
import { present } from '../support/present';

const PUBLIC_URL = 'http://localhost:3000';
const smtp = useSmtpServer();
beforeEach(async () => {
  await db.outboxEmail.deleteMany();
  await db.rateLimitEvent.deleteMany();
});

function send() {
  return sendDueEmails(db, smtpTransport(smtp.url, 'Brobygger <noreply@brobygger.example>'), { owner: 'test', publicUrl: PUBLIC_URL });
}

function fromAddress(request: Request, ip: string): Request {
  const headers = new Headers(request.headers);
  headers.set('x-brobygger-client-ip', ip);
  return new Request(request, { headers });
}

const today = todayInOslo();

function application(overrides: Record<string, string | string[]> = {}) {
  return {
    firstName: 'Solveig',
    lastName: 'Ålstad',
    email: `solveig-${Math.random().toString(36).slice(2, 8)}@example.no`,
    phone: '+47 900 00 000',
    dateOfBirth: '1990-04-12',
    municipality: 'Trondheim',
    interests: 'fotball, matlaging',
    languages: 'norsk, engelsk',
    availability: ['EVENINGS', 'WEEKENDS'],
    motivation: 'Jeg vil være en fast voksen for noen som trenger det.',
    consent: 'on',
    ...overrides,
  };
}

type FormReply = { result: { error: Record<string, string[]> } };

describe('/apply', () => {
  it('saves an application, confirms it to the applicant and tells the coordinators', async () => {
    const coordinator = await createUser(db, { role: 'COORDINATOR', language: 'en' });
    const fields = application();
    const response = await call(applyAction, postRequest('/apply', fields));
    expect(response.status).toBe(302);
    const volunteer = await db.volunteerProfile.findFirstOrThrow({ where: { email: fields.email } });
    expect(volunteer).toMatchObject({ status: 'APPLIED', lastName: 'Ålstad', municipality: 'Trondheim' });
    expect(volunteer.interests).toEqual(['fotball', 'matlaging']);
    expect(volunteer.availability).toEqual(['EVENINGS', 'WEEKENDS']);
    await send();
    const [confirmation] = await smtp.waitFor((e) => e.to.includes(fields.email));
    expect(confirmation?.subject).toBe('Takk for søknaden om å bli frivillig');
    const [notice] = await smtp.waitFor((e) => e.to.includes(coordinator.email));
    expect(notice?.subject).toBe('New volunteer application');
    expect(notice?.text).toContain(`/volunteers/${volunteer.id}`);
    expect(notice?.text).not.toContain('Ålstad');
  });

  it('refuses an applicant under the minimum age, with the computed age in the message', async () => {
    const before = await db.volunteerProfile.count();
    const response = await call(applyAction, postRequest('/apply', application({ dateOfBirth: addDays(addMonths(today, -24 * 12), 1) })));
    expect(response.status).toBe(400);
    const body = await jsonOf<FormReply>(response);
    expect(body.result.error.dateOfBirth).toEqual(['volunteers.apply.tooYoung::{"age":23,"min":25}']);
    await setSetting(db, 'minVolunteerAge', 30);
    try {
      const older = await call(applyAction, postRequest('/apply', application({ dateOfBirth: addMonths(today, -28 * 12) })));
      expect(older.status).toBe(400);
      expect((await jsonOf<FormReply>(older)).result.error.dateOfBirth).toEqual(['volunteers.apply.tooYoung::{"age":28,"min":30}']);
    } finally {
      await setSetting(db, 'minVolunteerAge', 25);
    }
    expect(await db.volunteerProfile.count()).toBe(before);
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it('answers a filled honeypot as if it succeeded, and saves and sends nothing', async () => {
    const before = await db.volunteerProfile.count();
    const response = await call(applyAction, postRequest('/apply', application({ website: 'http://spam.example' })));
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/apply?sent');
    expect(await db.volunteerProfile.count()).toBe(before);
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it('refuses the sixth application within an hour from one address, but not from another', async () => {
    const before = await db.volunteerProfile.count();
    for (let i = 0; i < 5; i += 1) {
      expect((await call(applyAction, fromAddress(postRequest('/apply', application()), '10.0.0.7'))).status).toBe(302);
    }
    const refused = await call(applyAction, fromAddress(postRequest('/apply', application()), '10.0.0.7'));
    expect(refused.status).toBe(429);
    expect((await jsonOf<FormReply>(refused)).result.error['']?.[0]).toMatch(/^volunteers\.apply\.rateLimited::\{"minutes":\d+\}$/);
    expect(await db.volunteerProfile.count()).toBe(before + 5);
    expect((await call(applyAction, fromAddress(postRequest('/apply', application()), '10.0.0.8'))).status).toBe(302);
  });
});

async function coordinatorContext(): Promise<{ ctx: ChangeContext; cookie: string; coordinatorId: string }> {
  const coordinator = await createUser(db, { role: 'COORDINATOR' });
  return {
    ctx: { actorId: coordinator.id, request: null, now: new Date() },
    cookie: await sessionCookieFor(coordinator.id),
    coordinatorId: coordinator.id,
  };
}

async function isMatchable(volunteerId: string) {
  return (await findMatchableVolunteers(db)).some((v) => v.id === volunteerId);
}

/** Does every step but `skip` through the domain functions the pages use. */
async function screenAllBut(ctx: ChangeContext, volunteerId: string, skip: ReadinessStep | null) {
  await db.$transaction(async (tx) => {
    if (skip !== 'interview') await recordInterview(tx, ctx, { volunteerId, heldOn: today, outcome: 'APPROVED' });
    for (const name of ['Ref En', 'Ref To']) {
      await addReference(tx, ctx, {
        volunteerId,
        name,
        relation: 'Leder',
        outcome: skip === 'references' && name === 'Ref To' ? 'PENDING' : 'POSITIVE',
      });
    }
    if (skip !== 'certificate') await recordCertificate(tx, ctx, { volunteerId, issueDate: addDays(today, -10), shownDate: today });
  });
  const course = await createCourse(db, {
    requiredHours: 4,
    sessions: [
      { date: addDays(today, -7), hours: 2 },
      { date: addDays(today, -1), hours: 2 },
    ],
  });
  const sessions = await db.trainingSession.findMany({ where: { courseId: course.id }, orderBy: { startsAt: 'asc' } });
  await db.$transaction(async (tx) => {
    await enrol(tx, ctx, { courseId: course.id, volunteerId });
    for (const [index, session] of sessions.entries()) {
      const present = skip !== 'training' || index === 0;
      await recordAttendance(tx, ctx, { courseId: course.id, sessionId: session.id, presentVolunteerIds: present ? [volunteerId] : [] });
    }
  });
  return course;
}

describe('the readiness rule', () => {
  it.each(READINESS_STEPS)('keeps a volunteer unmatchable while the %s step is missing', async (step) => {
    const { ctx } = await coordinatorContext();
    const volunteer = await createVolunteer(db);
    await screenAllBut(ctx, volunteer.id, step);
    const after = await db.volunteerProfile.findUniqueOrThrow({ where: { id: volunteer.id } });
    expect(after.status).toBe('SCREENING');
    expect(await isMatchable(volunteer.id)).toBe(false);
  });

  it('makes a volunteer READY and matchable once every step is done, and counts capacity against open pairs', async () => {
    const { ctx, coordinatorId } = await coordinatorContext();
    const volunteer = await createVolunteer(db);
    const course = await screenAllBut(ctx, volunteer.id, null);
    const after = await db.volunteerProfile.findUniqueOrThrow({ where: { id: volunteer.id } });
    expect(after.status).toBe('READY');
    // The first time they became ready, for the days from application to ready (#22).
    expect(after.readyAt).toEqual(ctx.now);
    expect((await db.enrolment.findFirstOrThrow({ where: { courseId: course.id, volunteerId: volunteer.id } })).completedAt).not.toBeNull();
    expect(await isMatchable(volunteer.id)).toBe(true);
    const participant = await createParticipant(db, { referrerId: coordinatorId });
    await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, status: 'PROPOSED' });
    expect(await isMatchable(volunteer.id)).toBe(false);
    await db.volunteerProfile.update({ where: { id: volunteer.id }, data: { capacity: 2 } });
    expect((await findMatchableVolunteers(db)).find((v) => v.id === volunteer.id)).toMatchObject({ openPairs: 1, freeCapacity: 1 });
  });

  it('needs the programme minimum of training hours even when the course asks for fewer', async () => {
    const { ctx } = await coordinatorContext();
    const volunteer = await createVolunteer(db);
    await db.$transaction(async (tx) => {
      await recordInterview(tx, ctx, { volunteerId: volunteer.id, heldOn: today, outcome: 'APPROVED' });
      await addReference(tx, ctx, { volunteerId: volunteer.id, name: 'A', relation: 'Venn', outcome: 'POSITIVE' });
      await addReference(tx, ctx, { volunteerId: volunteer.id, name: 'B', relation: 'Kollega', outcome: 'POSITIVE' });
      await recordCertificate(tx, ctx, { volunteerId: volunteer.id, issueDate: today, shownDate: today });
    });
    const course = await createCourse(db, { requiredHours: 1, sessions: [{ date: today, time: '00:30', hours: 1 }] });
    const session = present((await db.trainingSession.findMany({ where: { courseId: course.id } }))[0], 'a training session');
    await db.$transaction(async (tx) => {
      await enrol(tx, ctx, { courseId: course.id, volunteerId: volunteer.id });
      await recordAttendance(tx, ctx, { courseId: course.id, sessionId: session.id, presentVolunteerIds: [volunteer.id] });
    });
    expect(await isMatchable(volunteer.id)).toBe(false);
    await setSetting(db, 'minTrainingHoursBeforeMatch', 1);
    try {
      // The next recorded change brings the status in line with the new setting.
      await db.$transaction((tx) =>
        recordAttendance(tx, ctx, { courseId: course.id, sessionId: session.id, presentVolunteerIds: [volunteer.id] }),
      );
      expect(await isMatchable(volunteer.id)).toBe(true);
      // Raising the minimum again takes effect at once, before any new change is recorded.
      await setSetting(db, 'minTrainingHoursBeforeMatch', 2);
      expect(await isMatchable(volunteer.id)).toBe(false);
    } finally {
      await setSetting(db, 'minTrainingHoursBeforeMatch', 2);
    }
  });
});

describe('the volunteer page', () => {
  it('refuses a police certificate older than three months when shown, and records a fresh one with who saw it', async () => {
    const { cookie, coordinatorId } = await coordinatorContext();
    const volunteer = await createVolunteer(db);
    const shown = today;
    const tooOld = addDays(addMonths(shown, -3), -1);
    const refused = await call(
      volunteerAction,
      postRequest(`/volunteers/${volunteer.id}`, { intent: 'certificate', issueDate: tooOld, shownDate: shown }, cookie),
      { id: volunteer.id },
    );
    expect(refused.status).toBe(400);
    const body = await jsonOf<FormReply>(refused);
    expect(body.result.error.issueDate).toEqual([`volunteers.certificateTooOld::${JSON.stringify({ issued: tooOld, shown })}`]);
    expect(await db.policeCertificate.count({ where: { volunteerId: volunteer.id } })).toBe(0);
    const accepted = await call(
      volunteerAction,
      postRequest(`/volunteers/${volunteer.id}`, { intent: 'certificate', issueDate: addMonths(shown, -3), shownDate: shown }, cookie),
      { id: volunteer.id },
    );
    expect(accepted.status).toBe(302);
    const certificate = await db.policeCertificate.findFirstOrThrow({ where: { volunteerId: volunteer.id } });
    expect(certificate).toMatchObject({ seenById: coordinatorId, shownDate: shown });
    expect(
      await db.auditEvent.count({ where: { entityType: 'VOLUNTEER', entityId: volunteer.id, actorId: coordinatorId } }),
    ).toBeGreaterThan(0);
  });

  it('answers a reference outcome whose id holds a NUL with a 400, not a 500', async () => {
    const { cookie } = await coordinatorContext();
    const volunteer = await createVolunteer(db);
    const response = await call(
      volunteerAction,
      postRequest(`/volunteers/${volunteer.id}`, { intent: 'reference-outcome', referenceId: '\u0000', outcome: 'PENDING' }, cookie),
      { id: volunteer.id },
    );
    expect(response.status).toBe(400);
  });

  it('records interview and references through the page, shows the board stage, and invites a READY volunteer', async () => {
    const { cookie, ctx } = await coordinatorContext();
    const volunteer = await createVolunteer(db, { email: `vol-${Date.now()}@example.no` });
    const post = (fields: Record<string, string>) =>
      call(volunteerAction, postRequest(`/volunteers/${volunteer.id}`, fields, cookie), { id: volunteer.id });
    expect((await post({ intent: 'interview', heldOn: today, outcome: 'APPROVED', note: 'Rolig og trygg.' })).status).toBe(302);
    expect((await post({ intent: 'reference', name: 'Per Olsen', relation: 'Tidligere leder', outcome: 'POSITIVE' })).status).toBe(302);
    const notReady = await post({ intent: 'invite', language: 'nb' });
    expect(notReady.status).toBe(400);
    expect(await db.invitation.count({ where: { volunteerId: volunteer.id } })).toBe(0);
    const page = await jsonOf<{ stage: string; readiness: { done: Record<string, boolean> } }>(
      await call(volunteerLoader, getRequest(`/volunteers/${volunteer.id}`, cookie), { id: volunteer.id }),
    );
    expect(page.stage).toBe('screening');
    expect(page.readiness.done).toMatchObject({ interview: true, references: false });
    expect((await post({ intent: 'reference', name: 'Kari Li', relation: 'Nabo', outcome: 'POSITIVE' })).status).toBe(302);
    expect((await post({ intent: 'certificate', issueDate: addDays(today, -5), shownDate: today })).status).toBe(302);
    const course = await createCourse(db, { requiredHours: 3, sessions: [{ date: addDays(today, -2), hours: 3 }] });
    const session = present((await db.trainingSession.findMany({ where: { courseId: course.id } }))[0], 'a training session');
    const trainingPost = (fields: Record<string, string | string[]>) =>
      call(trainingAction, postRequest(`/training/${course.id}`, fields, cookie), { id: course.id });
    expect((await trainingPost({ intent: 'enrol', volunteerId: volunteer.id })).status).toBe(302);
    expect((await trainingPost({ intent: 'attendance', sessionId: session.id, present: volunteer.id })).status).toBe(302);
    expect((await db.volunteerProfile.findUniqueOrThrow({ where: { id: volunteer.id } })).status).toBe('READY');
    const board = await jsonOf<{ columns: { stage: string; cards: { id: string }[] }[] }>(
      await call(boardLoader, getRequest('/volunteers', cookie)),
    );
    expect(board.columns.find((c) => c.stage === 'ready')!.cards.map((c) => c.id)).toContain(volunteer.id);
    expect((await post({ intent: 'invite', language: 'nb' })).status).toBe(302);
    const invitation = await db.invitation.findFirstOrThrow({ where: { volunteerId: volunteer.id } });
    expect(invitation).toMatchObject({ email: volunteer.email, role: 'VOLUNTEER', invitedById: ctx.actorId });
    await send();
    const [email] = await smtp.waitFor((e) => e.to.includes(volunteer.email));
    expect(email?.subject).toBe('Invitasjon til Brobygger');
  });

  it('refuses attendance for a session that has not happened yet', async () => {
    const { cookie } = await coordinatorContext();
    const volunteer = await createVolunteer(db);
    const course = await createCourse(db, { sessions: [{ date: addDays(today, 3), hours: 3 }] });
    const session = present((await db.trainingSession.findMany({ where: { courseId: course.id } }))[0], 'a training session');
    const post = (fields: Record<string, string>) =>
      call(trainingAction, postRequest(`/training/${course.id}`, fields, cookie), { id: course.id });
    expect((await post({ intent: 'enrol', volunteerId: volunteer.id })).status).toBe(302);
    const refused = await post({ intent: 'attendance', sessionId: session.id, present: volunteer.id });
    expect(refused.status).toBe(302);
    expect(await db.attendance.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it('gives a volunteer 403 and a coordinator 404 for an unknown id', async () => {
    const { cookie } = await coordinatorContext();
    const volunteerUser = await createUser(db, { role: 'VOLUNTEER' });
    expect((await call(boardLoader, getRequest('/volunteers', await sessionCookieFor(volunteerUser.id)))).status).toBe(403);
    expect((await call(volunteerLoader, getRequest('/volunteers/nope', cookie), { id: 'nope' })).status).toBe(404);
    expect(
      (await call(volunteerAction, postRequest('/volunteers/nope', { intent: 'capacity', capacity: '2' }, cookie), { id: 'nope' })).status,
    ).toBe(404);
  });
});

function jobContext(scheduledFor: Date): JobContext {
  return { db, scheduledFor, now: scheduledFor, owner: 'test', transport: smtpTransport(smtp.url, 'x@example.no'), publicUrl: PUBLIC_URL };
}

describe('jobs', () => {
  it('reminds enrolled volunteers two days before a session, once per session and volunteer', async () => {
    const { ctx } = await coordinatorContext();
    const enrolled = await createVolunteer(db, { email: `kurs-${Date.now()}@example.no` });
    const paused = await createVolunteer(db, { status: 'PAUSED' });
    const course = await createCourse(db, {
      title: 'Grunnkurs vinter',
      sessions: [
        { date: addDays(today, 2), time: '18:00', hours: 3 },
        { date: addDays(today, 9), hours: 3 },
      ],
    });
    await db.$transaction(async (tx) => {
      await enrol(tx, ctx, { courseId: course.id, volunteerId: enrolled.id });
      await enrol(tx, ctx, { courseId: course.id, volunteerId: paused.id });
    });
    const now = new Date();
    await courseRemindersJob.run(jobContext(now));
    await courseRemindersJob.run(jobContext(now));
    expect(await queueCourseReminders(db, now)).toBe(0);
    const rows = await db.outboxEmail.findMany({ where: { template: 'training-reminder' } });
    expect(rows.map((r) => r.toAddress)).toEqual([enrolled.email]);
    await send();
    const [email] = await smtp.waitFor((e) => e.to.includes(enrolled.email));
    expect(email?.text).toContain('Grunnkurs vinter');
    expect(email?.text).toContain('18:00');
  });

  it('sends each coordinator one weekly digest with counts of stuck volunteers and no names', async () => {
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    await createVolunteer(db, { lastName: 'Fastlåst', stageChangedAt: new Date(Date.now() - 20 * 86_400_000) });
    const monday = new Date();
    await weeklyDigestJob.run(jobContext(monday));
    await weeklyDigestJob.run(jobContext(monday));
    expect(await sendWeeklyDigest(db, monday)).toBe(0);
    expect(await db.outboxEmail.count({ where: { template: 'weekly-digest', userId: coordinator.id } })).toBe(1);
    await send();
    const [email] = await smtp.waitFor((e) => e.to.includes(coordinator.email));
    expect(email?.subject).toBe('Brobygger: uka som kommer');
    expect(email?.text).toMatch(/Frivillige som har stått i samme steg i mer enn 14 dager: \d+/);
    expect(email?.text).toMatch(/Søkt: \d+/);
    expect(email?.text).not.toContain('Fastlåst');
  });
});
