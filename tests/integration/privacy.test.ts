import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRetention } from '~/domain/privacy/retention.server';
import { setSetting } from '~/domain/settings/settings.server';
import { db } from '~/lib/db.server';
import { enqueueEmail } from '~/lib/email.server';
import { loader as auditLoader } from '~/routes/audit';
import { loader as matchingLoader } from '~/routes/matching.$participantId';
import { loader as meetingLoader } from '~/routes/meetings.$id';
import { loader as pairLoader } from '~/routes/pairs.$id';
import { loader as closeLoader } from '~/routes/pairs.$id_.close';
import { loader as planMonthLoader } from '~/routes/pairs.$id_.plan';
import { loader as participantLoader } from '~/routes/participants.$id._index';
import { loader as exportLoader } from '~/routes/participants_.$id_.export[.]json';
import { loader as planLoader } from '~/routes/participants_.$id_.plan._index';
import { loader as handoverLoader } from '~/routes/participants_.$id_.plan.handover';
import { loader as referralLoader } from '~/routes/referrals.$id';
import { retentionJob } from '../../jobs/retention';
import {
  createMeeting,
  createPair,
  createParticipant,
  createParticipantAnswer,
  createPlan,
  createPlanReview,
  createUser,
  createVolunteer,
} from '../../prisma/fixtures/factories';
import { call, getRequest, jsonOf, sessionCookieFor } from '../support/requests';
import { resetDatabase } from '../support/reset';

/** A participant with a record in every linked table. */
async function fullParticipant(options: { status?: 'ACCEPTED' | 'MATCHED'; pairStatus?: 'ACTIVE' | 'ENDED' } = {}) {
  const coordinator = await createUser(db, { role: 'COORDINATOR' });
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const volunteerUser = await createUser(db, { role: 'VOLUNTEER' });
  const volunteer = await createVolunteer(db, { status: 'READY', userId: volunteerUser.id });
  const participant = await createParticipant(db, {
    referrerId: officer.id,
    status: options.status ?? 'MATCHED',
    createdAt: new Date('2025-12-01T10:00:00Z'),
    needs: 'Trenger hjelp med bolig og NAV',
    programmes: [{ programme: 'OTHER', status: 'COMPLETED' }],
  });
  await db.participant.update({
    where: { id: participant.id },
    data: { phone: '+47 400 00 000', email: 'deltaker@example.no', volunteerWishes: 'Rolig person' },
  });
  await db.programmeParticipation.updateMany({ where: { participantId: participant.id }, data: { otherName: 'Eget kurs' } });
  await db.referral.updateMany({ where: { participantId: participant.id }, data: { note: 'Henvisningsnotat' } });
  await db.participantStatusChange.updateMany({ where: { participantId: participant.id }, data: { reason: 'Statusgrunn' } });
  await db.releaseChecklistItem.create({
    data: { participantId: participant.id, item: 'HOUSING', status: 'AGREED', note: 'Hybel hos onkel', updatedById: coordinator.id },
  });
  const pair = await createPair(db, {
    participantId: participant.id,
    volunteerId: volunteer.id,
    status: options.pairStatus ?? 'ACTIVE',
    createdById: coordinator.id,
    startDate: '2026-01-05',
  });
  const meeting = await createMeeting(db, {
    pairId: pair.id,
    startsAt: new Date('2026-02-01T15:00:00Z'),
    place: 'Kafé Ni Muser',
    log: { outcome: 'HELD', activity: 'Kaffe og jobbsøknad', note: 'Koordinatornotat', loggedById: volunteerUser.id },
  });
  await db.concern.create({ data: { pairId: pair.id, meetingId: meeting.id, raisedById: volunteerUser.id, text: 'Virket urolig' } });
  await db.supportContact.create({
    data: { pairId: pair.id, withWhom: 'VOLUNTEER', heldOn: '2026-02-10', note: 'Samtale gikk fint', coordinatorId: coordinator.id },
  });
  await db.fitCheck.create({
    data: { pairId: pair.id, checkedOn: '2026-02-05', volunteerScore: 4, participantScore: 5, note: 'God match', byId: coordinator.id },
  });
  await db.pairHold.create({
    data: {
      pairId: pair.id,
      reason: 'TREATMENT',
      note: 'Innlagt to uker',
      fromDate: '2026-03-01',
      untilDate: '2026-03-15',
      startedById: coordinator.id,
      endedById: coordinator.id,
    },
  });
  await db.releaseDateChange.create({
    data: {
      participantId: participant.id,
      earliestDate: '2026-01-10',
      expectedDate: '2026-01-20',
      actualDate: '2026-01-18',
      fromDate: '2026-01-20',
      toDate: '2026-01-18',
      reason: 'Prøveløslatelse',
      changedById: officer.id,
    },
  });
  await createParticipantAnswer(db, {
    pairId: pair.id,
    purpose: 'PULSE',
    scores: { trust: 4, myChoice: 3, lookForward: 4, listens: 5, helpsPlan: 3 },
    comment: 'Mine egne ord',
    answeredAt: new Date('2026-02-20T12:00:00Z'),
  });
  const plan = await createPlan(db, {
    participantId: participant.id,
    createdById: officer.id,
    areas: [
      {
        areaKey: 'HOUSING',
        future: 'Egen leilighet',
        strengths: 'Ryddig',
        barriers: 'Gjeld',
        coping: 'Tante',
        opportunities: 'Boligkontor',
        goods: ['LIVING'] as never,
      },
    ],
  });
  await createPlanReview(db, {
    planId: plan.id,
    reviewedOn: '2026-02-20',
    reviewedById: coordinator.id,
    note: 'Gode fremskritt',
    items: [{ areaKey: 'HOUSING', status: 'IN_PROGRESS', note: 'Søkt bolig' }],
  });
  // -- sms (#20): a reminder about the meeting and the participant's answer.
  for (const direction of ['OUT', 'IN']) {
    await db.smsMessage.create({
      data: {
        direction,
        kind: direction === 'OUT' ? 'MEETING_REMINDER' : 'ANSWER',
        participantId: participant.id,
        pairId: pair.id,
        meetingId: meeting.id,
        phone: '+4740000000',
        body: direction === 'OUT' ? 'Husk møtet' : 'JA',
        encoding: 'UCS2',
        segments: 1,
        status: 'SENT',
        sentById: direction === 'OUT' ? volunteerUser.id : null,
        idempotencyKey: direction === 'OUT' ? `test-sms:${participant.id}` : null,
      },
    });
  }
  await enqueueEmail(db, {
    to: 'veileder@example.no',
    template: 'referral-received',
    data: {},
    idempotencyKey: `test:${participant.id}`,
    participantId: participant.id,
  } as never);
  if (options.pairStatus === 'ENDED') {
    await db.pair.update({
      where: { id: pair.id },
      data: { endedAt: new Date('2026-03-01T12:00:00Z'), endDate: '2026-03-01', endNote: 'Avslutningsnotat', surveyComment: 'Fin tid' },
    });
  }
  const referral = await db.referral.findFirstOrThrow({ where: { participantId: participant.id } });
  return { coordinator, officer, volunteerUser, volunteer, participant, pair, meeting, plan, referral };
}

describe('every read of participant data and plans writes an audit row', () => {
  it('covers the participant page, plan, handover, referral, matching, pair, closure, meeting and month planning', async () => {
    const f = await fullParticipant();
    const accepted = await createParticipant(db, { referrerId: f.officer.id, status: 'ACCEPTED' });
    const coordinator = await sessionCookieFor(f.coordinator.id);
    const volunteer = await sessionCookieFor(f.volunteerUser.id);
    const reads: [string, (args: never) => unknown, string, Record<string, string>, string, string][] = [
      ['participant page', participantLoader, `/participants/${f.participant.id}`, { id: f.participant.id }, coordinator, f.participant.id],
      ['plan', planLoader, `/participants/${f.participant.id}/plan`, { id: f.participant.id }, coordinator, f.participant.id],
      [
        'handover',
        handoverLoader,
        `/participants/${f.participant.id}/plan/handover`,
        { id: f.participant.id },
        coordinator,
        f.participant.id,
      ],
      ['referral', referralLoader, `/referrals/${f.referral.id}`, { id: f.referral.id }, coordinator, f.participant.id],
      ['matching', matchingLoader, `/matching/${accepted.id}`, { participantId: accepted.id }, coordinator, accepted.id],
      ['pair', pairLoader, `/pairs/${f.pair.id}`, { id: f.pair.id }, coordinator, f.participant.id],
      ['pair closure', closeLoader, `/pairs/${f.pair.id}/close`, { id: f.pair.id }, coordinator, f.participant.id],
      ['meeting', meetingLoader, `/meetings/${f.meeting.id}`, { id: f.meeting.id }, coordinator, f.participant.id],
      ['month planning', planMonthLoader, `/pairs/${f.pair.id}/plan`, { id: f.pair.id }, volunteer, f.participant.id],
    ];
    for (const [name, loader, url, params, cookie, participantId] of reads) {
      const before = await db.auditEvent.count({ where: { action: 'VIEW', participantId } });
      const response = await call(loader, getRequest(url, cookie), params);
      expect(response.status, name).toBe(200);
      // The coordinator's pair page also shows the participant's own answers: a row of its own.
      const rows = name === 'pair' ? 2 : 1;
      expect(await db.auditEvent.count({ where: { action: 'VIEW', participantId } }), name).toBe(before + rows);
    }
    const row = await db.auditEvent.findFirstOrThrow({ where: { action: 'VIEW', actorId: f.volunteerUser.id } });
    expect(row).toMatchObject({ entityType: 'PAIR', entityId: f.pair.id, participantId: f.participant.id });
  });
});

describe('/audit', () => {
  it('lists who viewed what, filtered by person and participant, paginated, for coordinators only', async () => {
    const f = await fullParticipant();
    const other = await fullParticipant();
    const coordinator = await sessionCookieFor(f.coordinator.id);
    for (let i = 0; i < 55; i += 1) {
      await db.auditEvent.create({
        data: { actorId: f.officer.id, action: 'VIEW', entityType: 'PLAN', participantId: f.participant.id, ip: '10.0.0.7' },
      });
    }
    await db.auditEvent.create({
      data: { actorId: other.officer.id, action: 'VIEW', entityType: 'PARTICIPANT', participantId: other.participant.id },
    });

    type Page = {
      events: { actor: { id: string } | null; participant: { id: string } | null; ip: string | null }[];
      total: number;
      page: number;
      pages: number;
    };
    const first = await jsonOf<Page>(
      await call(auditLoader, getRequest(`/audit?participant=${f.participant.id}&actor=${f.officer.id}`, coordinator)),
    );
    expect(first.total).toBe(55);
    expect(first.pages).toBe(2);
    expect(first.events).toHaveLength(50);
    expect(first.events.every((event) => event.participant?.id === f.participant.id && event.actor?.id === f.officer.id)).toBe(true);
    expect(first.events[0]?.ip).toBe('10.0.0.7');
    const second = await jsonOf<Page>(
      await call(auditLoader, getRequest(`/audit?participant=${f.participant.id}&actor=${f.officer.id}&page=2`, coordinator)),
    );
    expect(second.events).toHaveLength(5);
    const byOther = await jsonOf<Page>(await call(auditLoader, getRequest(`/audit?actor=${other.officer.id}`, coordinator)));
    expect(byOther.events.map((event) => event.participant?.id)).toContain(other.participant.id);
    expect(byOther.events.some((event) => event.participant?.id === f.participant.id)).toBe(false);

    expect((await call(auditLoader, getRequest('/audit', await sessionCookieFor(f.volunteerUser.id)))).status).toBe(403);
    expect((await call(auditLoader, getRequest('/audit', await sessionCookieFor(f.officer.id)))).status).toBe(403);
  });
});

interface FieldInfo {
  name: string;
  type: string;
  /** A back-relation: the rows that point at this model (no `fields:` on this side). */
  child: boolean;
}

/** Models and their fields, read from prisma/schema.prisma itself. */
function schemaModels(): Map<string, FieldInfo[]> {
  const text = fs.readFileSync(path.join(import.meta.dirname, '../../prisma/schema.prisma'), 'utf8');
  const models = new Map<string, FieldInfo[]>();
  const blocks = [...text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)];
  const names = new Set(blocks.map((block) => block[1]));
  for (const [, name = '', body = ''] of blocks) {
    const fields: FieldInfo[] = [];
    for (const line of body.split('\n')) {
      const match = /^\s+(\w+)\s+(\w+)(\[\])?\??(.*)$/.exec(line);
      if (!match || line.trim().startsWith('//')) continue;
      const [, field = '', type = '', , rest = ''] = match;
      fields.push({ name: field, type, child: names.has(type) && !rest.includes('fields:') });
    }
    models.set(name, fields);
  }
  return models;
}

/** Token material of personal links: the export must not be a way to open them. */
const NOT_EXPORTED = new Set(['ParticipantLink.salt', 'ParticipantLink.tokenHash']);

describe('access-request export', () => {
  it('holds every field of the participant and of every model linked to them, and is audited', async () => {
    const f = await fullParticipant({ pairStatus: 'ENDED', status: 'MATCHED' });
    await db.auditEvent.create({ data: { actorId: f.officer.id, action: 'VIEW', entityType: 'PLAN', participantId: f.participant.id } });
    const response = await call(
      exportLoader,
      getRequest(`/participants/${f.participant.id}/export.json`, await sessionCookieFor(f.coordinator.id)),
      { id: f.participant.id },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment/);
    const body = (await response.json()) as { participant: Record<string, unknown> };

    const models = schemaModels();
    const visited = new Set<string>();
    function check(model: string, value: unknown, where: string) {
      if (Array.isArray(value)) {
        expect(value.length, `${where} has rows in the test data`).toBeGreaterThan(0);
        value.forEach((item, index) => check(model, item, `${where}[${index}]`));
        return;
      }
      expect(value, `${where} is present`).toBeTruthy();
      visited.add(model);
      for (const field of models.get(model)!) {
        const isRelation = models.has(field.type);
        if (isRelation && !field.child) continue; // a pointer up (e.g. to the User who wrote it), not data about them
        if (NOT_EXPORTED.has(`${model}.${field.name}`)) {
          expect(value as object, `${where}.${field.name} is not exported`).not.toHaveProperty(field.name);
          continue;
        }
        expect(value as object, `${where}.${field.name}`).toHaveProperty(field.name);
        if (field.child) check(field.type, (value as Record<string, unknown>)[field.name], `${where}.${field.name}`);
      }
    }
    check('Participant', body.participant, 'participant');
    expect([...visited].sort()).toEqual(
      [
        'Participant',
        'Referral',
        'ParticipantStatusChange',
        'Consent',
        'ProgrammeParticipation',
        'ReleaseChecklistItem',
        'ReleaseDateChange',
        'Pair',
        'PairHold',
        'Meeting',
        'MeetingLog',
        'Concern',
        'SupportContact',
        'FitCheck',
        'Plan',
        'PlanVersion',
        'PlanArea',
        'PlanReview',
        'PlanReviewItem',
        'OutboxEmail',
        'SmsMessage',
        'AuditEvent',
        'ParticipantLink',
        'ParticipantAnswer',
      ].sort(),
    );
    expect(JSON.stringify(body)).toContain('Hybel hos onkel');
    const exported = await db.auditEvent.findFirstOrThrow({ where: { action: 'EXPORT', participantId: f.participant.id } });
    expect(exported.actorId).toBe(f.coordinator.id);
  });

  it('is for coordinators only, and an unknown id is 404', async () => {
    const f = await fullParticipant();
    const url = `/participants/${f.participant.id}/export.json`;
    expect((await call(exportLoader, getRequest(url, await sessionCookieFor(f.officer.id)), { id: f.participant.id })).status).toBe(403);
    expect((await call(exportLoader, getRequest(url, await sessionCookieFor(f.volunteerUser.id)), { id: f.participant.id })).status).toBe(
      403,
    );
    expect(
      (await call(exportLoader, getRequest('/participants/nope/export.json', await sessionCookieFor(f.coordinator.id)), { id: 'nope' }))
        .status,
    ).toBe(404);
    expect(await db.auditEvent.count({ where: { action: 'EXPORT', participantId: f.participant.id } })).toBe(0);
  });
});

describe('retention (moved clock)', () => {
  it('anonymises a participant 24 months after the pair ended, keeps rows for counts, and is idempotent', async () => {
    await resetDatabase();
    const ended = await fullParticipant({ pairStatus: 'ENDED' });
    const active = await fullParticipant({ pairStatus: 'ACTIVE' });
    const declined = await createParticipant(db, {
      referrerId: ended.officer.id,
      status: 'DECLINED',
      createdAt: new Date('2026-03-01T10:00:00Z'),
      needs: 'Ønsker rusbehandling',
    });
    await db.referral.updateMany({
      where: { participantId: declined.id },
      data: { decision: 'DECLINED', decidedAt: new Date('2026-03-15T10:00:00Z'), decisionReason: 'For gammel' },
    });
    await db.volunteerProfile.update({
      where: { id: ended.volunteer.id },
      data: {
        status: 'LEFT',
        leftAt: new Date('2026-03-01T12:00:00Z'),
        leftReason: 'Flyttet',
        motivation: 'Vil hjelpe',
        phone: '+47 900 00 000',
      },
    });
    await db.volunteerReference.create({
      data: { volunteerId: ended.volunteer.id, name: 'Ola Referanse', relation: 'Leder', phone: '123' },
    });
    const counts = async () => ({
      meetings: await db.meeting.count(),
      concerns: await db.concern.count(),
      participants: await db.participant.count(),
      areas: await db.planArea.count(),
    });
    const before = await counts();

    // One day short of 24 months after the pair ended (1 March 2026): nothing happens.
    expect(await runRetention(db, new Date('2028-02-29T12:00:00Z'))).toEqual({ participants: 0, volunteers: 0 });
    expect((await db.participant.findUniqueOrThrow({ where: { id: ended.participant.id } })).anonymisedAt).toBeNull();

    const now = new Date('2028-03-02T12:00:00Z');
    // A kept view that still holds the name is dropped with the anonymisation.
    await db.viewSnapshot.create({
      data: { key: 'dashboard', dataVersion: 0, computedAt: now, payload: JSON.stringify({ name: ended.participant.firstName }) },
    });
    expect(await runRetention(db, now)).toEqual({ participants: 1, volunteers: 1 });
    expect(await db.viewSnapshot.count()).toBe(0);
    const p = await db.participant.findUniqueOrThrow({ where: { id: ended.participant.id } });
    expect(p).toMatchObject({
      firstName: 'Anonymisert',
      lastName: 'Anonymisert',
      phone: null,
      email: null,
      needs: null,
      volunteerWishes: null,
      anonymisedAt: now,
    });
    expect(p.dateOfBirth).toMatch(/^\d{4}-01-01$/);
    const text = JSON.stringify(await (await import('~/domain/privacy/export.server')).participantExport(null, ended.coordinator, p.id));
    for (const secret of [
      'Hybel hos onkel',
      'Kafé Ni Muser',
      'Kaffe og jobbsøknad',
      'Koordinatornotat',
      'Virket urolig',
      'Samtale gikk fint',
      'God match',
      'Egen leilighet',
      'Gjeld',
      'Gode fremskritt',
      'Søkt bolig',
      'Henvisningsnotat',
      'Statusgrunn',
      'Eget kurs',
      'Kontaktbetjent',
      'Avslutningsnotat',
      'Fin tid',
      'Mine egne ord',
      'deltaker@example.no',
      'veileder@example.no',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    expect(await db.outboxEmail.count({ where: { participantId: p.id } })).toBe(0);
    expect(await counts()).toEqual(before);
    expect(await db.auditEvent.count({ where: { action: 'ANONYMISE', participantId: p.id } })).toBe(1);

    // Still in the programme, or declined less than 24 months ago: untouched.
    expect((await db.participant.findUniqueOrThrow({ where: { id: active.participant.id } })).anonymisedAt).toBeNull();
    expect((await db.participant.findUniqueOrThrow({ where: { id: declined.id } })).needs).toBe('Ønsker rusbehandling');

    const v = await db.volunteerProfile.findUniqueOrThrow({ where: { id: ended.volunteer.id }, include: { references: true, user: true } });
    expect(v).toMatchObject({ firstName: 'Anonymisert', phone: null, motivation: null, leftReason: null, anonymisedAt: now });
    expect(v.references[0]).toMatchObject({ name: 'Anonymisert', phone: null });
    expect(v.user?.name).toBe('Anonymisert');
    expect(v.user?.deactivatedAt).toEqual(now);
    expect(v.user?.email).not.toBe(ended.volunteerUser.email);

    // Idempotent: a second run changes nothing.
    const updatedAt = p.updatedAt;
    expect(await runRetention(db, new Date('2028-03-03T12:00:00Z'))).toEqual({ participants: 0, volunteers: 0 });
    expect((await db.participant.findUniqueOrThrow({ where: { id: p.id } })).updatedAt).toEqual(updatedAt);

    // The declined referral's turn comes 24 months after the decision, through the job itself.
    await retentionJob.run({ db, now: new Date('2028-03-16T12:00:00Z') } as never);
    const d = await db.participant.findUniqueOrThrow({ where: { id: declined.id }, include: { referrals: true } });
    expect(d.anonymisedAt).not.toBeNull();
    expect(d.referrals[0]?.decisionReason).toBeNull();
    expect(d.referrals[0]?.decision).toBe('DECLINED');
  });

  it('follows the retentionMonths setting', async () => {
    await resetDatabase();
    const ended = await fullParticipant({ pairStatus: 'ENDED' });
    await setSetting(db, 'retentionMonths', 6);
    expect((await runRetention(db, new Date('2026-08-31T12:00:00Z'))).participants).toBe(0);
    expect((await runRetention(db, new Date('2026-09-01T12:00:00Z'))).participants).toBe(1);
    expect((await db.participant.findUniqueOrThrow({ where: { id: ended.participant.id } })).anonymisedAt).not.toBeNull();
  });
});
