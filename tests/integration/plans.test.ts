import { describe, expect, it } from 'vitest';
import * as handoverRoute from '~/routes/participants_.$id_.plan.handover';
import { action as planAction, loader as planLoader } from '~/routes/participants_.$id_.plan._index';
import { db } from '~/lib/db.server';
import { STANDARD_AREAS } from '~/domain/plans/areas';
import { createMeeting, createPair, createParticipant, createPlan, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { renderRoute } from '../support/render-route';
import { call, getRequest, jsonOf, postRequest, sessionCookieFor } from '../support/requests';
import { addDays, osloInstant, todayInOslo } from '~/lib/time';

async function setup(consent: { sharePlan?: boolean; shareAttendance?: boolean } = {}) {
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const coordinator = await createUser(db, { role: 'COORDINATOR' });
  const participant = await createParticipant(db, { referrerId: officer.id, status: 'MATCHED', consent });
  return { officer, coordinator, participant };
}

/** The editor's fields for the five standard areas plus the blank own area, as the browser posts them. */
function planForm(baseVersion: number, texts: Record<string, string> = {}, extra: Record<string, string | string[]> = {}) {
  const fields: Record<string, string | string[]> = { intent: 'save', baseVersion: String(baseVersion) };
  [...STANDARD_AREAS, 'custom:new'].forEach((areaKey, index) => {
    fields[`areas[${index}].areaKey`] = areaKey;
    fields[`areas[${index}].future`] = texts[areaKey] ?? '';
  });
  return { ...fields, ...extra };
}

describe('the plan editor', () => {
  it('keeps every save as a version (who, when) and compares an earlier version with the current one', async () => {
    const { officer, coordinator, participant } = await setup();
    const path = `/participants/${participant.id}/plan`;
    const params = { id: participant.id };
    const officerCookie = await sessionCookieFor(officer.id);

    const first = await call(
      planAction,
      postRequest(
        path,
        planForm(0, { NETWORK: 'Ha venner som ikke ruser seg' }, { 'areas[0].goods': ['BELONGING', 'JOY'] }),
        officerCookie,
      ),
      params,
    );
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe(path);

    const coordinatorCookie = await sessionCookieFor(coordinator.id);
    const second = await call(
      planAction,
      postRequest(
        path,
        planForm(
          1,
          { NETWORK: 'Ha gode venner som ikke ruser seg', HOUSING: 'Egen leilighet' },
          {
            'areas[0].goods': 'BELONGING',
            'areas[5].title': 'Musikk',
            'areas[5].strengths': 'Spiller gitar',
          },
        ),
        coordinatorCookie,
      ),
      params,
    );
    expect(second.status).toBe(302);

    const versions = await db.planVersion.findMany({
      where: { plan: { participantId: participant.id } },
      orderBy: { number: 'asc' },
      include: { areas: { orderBy: { position: 'asc' } } },
    });
    expect(versions.map((v) => [v.number, v.createdById])).toEqual([
      [1, officer.id],
      [2, coordinator.id],
    ]);
    expect(versions[0]?.areas.find((a) => a.areaKey === 'NETWORK')).toMatchObject({
      future: 'Ha venner som ikke ruser seg',
      goods: ['JOY', 'BELONGING'],
    });
    expect(versions[0]?.areas).toHaveLength(5);
    const own = versions[1]?.areas.find((a) => a.areaKey.startsWith('custom:'));
    expect(own).toMatchObject({ title: 'Musikk', strengths: 'Spiller gitar', position: 5 });

    const response = await call(planLoader, getRequest(`${path}?version=1`, coordinatorCookie), params);
    expect(response.status).toBe(200);
    const data = await jsonOf<{
      plan: {
        current: { number: number; createdBy: string };
        versions: { number: number }[];
        comparison: {
          number: number;
          rows: { areaKey: string; change: string; columns: { column: string; changed: boolean; before: unknown; after: unknown }[] }[];
        };
      };
    }>(response);
    expect(data.plan.current.number).toBe(2);
    expect(data.plan.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(data.plan.comparison.number).toBe(1);
    const network = data.plan.comparison.rows.find((r) => r.areaKey === 'NETWORK')!;
    expect(network.change).toBe('CHANGED');
    expect(network.columns.find((c) => c.column === 'future')).toMatchObject({
      changed: true,
      before: 'Ha venner som ikke ruser seg',
      after: 'Ha gode venner som ikke ruser seg',
    });
    expect(network.columns.find((c) => c.column === 'goods')).toMatchObject({
      changed: true,
      before: ['JOY', 'BELONGING'],
      after: ['BELONGING'],
    });
    expect(data.plan.comparison.rows.find((r) => r.areaKey === 'FINANCES')?.change).toBe('SAME');
    expect(data.plan.comparison.rows.find((r) => r.areaKey.startsWith('custom:'))?.change).toBe('ADDED');

    const audits = await db.auditEvent.findMany({
      where: { participantId: participant.id, entityType: 'PLAN' },
      orderBy: { createdAt: 'asc' },
    });
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([
      ['CREATE', officer.id],
      ['UPDATE', coordinator.id],
      ['VIEW', coordinator.id],
    ]);
  });

  it('refuses a save from a stale form with 409 and writes nothing', async () => {
    const { officer, participant } = await setup();
    await createPlan(db, { participantId: participant.id, createdById: officer.id });
    const response = await call(
      planAction,
      postRequest(`/participants/${participant.id}/plan`, planForm(0, { NETWORK: 'Ny tekst' }), await sessionCookieFor(officer.id)),
      { id: participant.id },
    );
    expect(response.status).toBe(409);
    const body = await jsonOf<{ result: { error: Record<string, string[]> } }>(response);
    expect(body.result.error['']).toEqual(['plans.stale::{"version":1}']);
    expect(await db.planVersion.count({ where: { plan: { participantId: participant.id } } })).toBe(1);
  });

  it('asks for a name for an own area with content, keeping what was typed', async () => {
    const { officer, participant } = await setup();
    const response = await call(
      planAction,
      postRequest(
        `/participants/${participant.id}/plan`,
        planForm(0, { NETWORK: 'Ha venner' }, { 'areas[5].future': 'Spille i band 🎸' }),
        await sessionCookieFor(officer.id),
      ),
      { id: participant.id },
    );
    expect(response.status).toBe(400);
    const body = await jsonOf<{ result: { error: Record<string, string[]>; initialValue: { areas: { future: string }[] } } }>(response);
    expect(body.result.error['areas[5].title']).toEqual(['plans.titleRequired']);
    expect(body.result.initialValue.areas[5]?.future).toBe('Spille i band 🎸');
    expect(await db.plan.count({ where: { participantId: participant.id } })).toBe(0);
  });

  it('records a progress review with a status per area', async () => {
    const { officer, participant } = await setup();
    const plan = await createPlan(db, { participantId: participant.id, createdById: officer.id });
    const fields: Record<string, string> = { intent: 'review', reviewedOn: todayInOslo(), note: 'God start' };
    STANDARD_AREAS.forEach((areaKey, index) => {
      fields[`items[${index}].areaKey`] = areaKey;
      fields[`items[${index}].status`] = index === 0 ? 'ACHIEVED' : 'IN_PROGRESS';
    });
    fields['items[0].note'] = 'Har fått to nye venner';
    const response = await call(
      planAction,
      postRequest(`/participants/${participant.id}/plan`, fields, await sessionCookieFor(officer.id)),
      {
        id: participant.id,
      },
    );
    expect(response.status).toBe(302);
    const review = await db.planReview.findFirstOrThrow({ where: { planId: plan.id }, include: { items: true } });
    expect(review).toMatchObject({ note: 'God start', reviewedById: officer.id });
    expect(review.items).toHaveLength(5);
    expect(review.items.find((i) => i.areaKey === 'NETWORK')).toMatchObject({ status: 'ACHIEVED', note: 'Har fått to nye venner' });

    const future = await call(
      planAction,
      postRequest(
        `/participants/${participant.id}/plan`,
        { ...fields, reviewedOn: addDays(todayInOslo(), 3) },
        await sessionCookieFor(officer.id),
      ),
      { id: participant.id },
    );
    expect(future.status).toBe(400);
    expect(await db.planReview.count({ where: { planId: plan.id } })).toBe(1);
  });
});

describe('who may see the plan', () => {
  it('gives the volunteer of an active pair the plan only with plan consent: otherwise 403; strangers get 404', async () => {
    const shared = await setup({ sharePlan: true });
    const unshared = await setup({ sharePlan: false });
    const volunteerUser = await createUser(db, { role: 'VOLUNTEER' });
    const volunteer = await createVolunteer(db, { userId: volunteerUser.id, status: 'READY', capacity: 2 });
    for (const { participant, officer } of [shared, unshared]) {
      await createPlan(db, { participantId: participant.id, createdById: officer.id });
      await createPair(db, { participantId: participant.id, volunteerId: volunteer.id });
    }
    const cookie = await sessionCookieFor(volunteerUser.id);

    const allowed = await call(planLoader, getRequest(`/participants/${shared.participant.id}/plan`, cookie), {
      id: shared.participant.id,
    });
    expect(allowed.status).toBe(200);
    expect((await jsonOf<{ canEdit: boolean }>(allowed)).canEdit).toBe(false);

    const refused = await call(planLoader, getRequest(`/participants/${unshared.participant.id}/plan`, cookie), {
      id: unshared.participant.id,
    });
    expect(refused.status).toBe(403);

    // A newer consent that withdraws plan sharing is the one in force.
    await db.consent.create({
      data: {
        participantId: shared.participant.id,
        consentDate: addDays(todayInOslo(), 1),
        takenByName: 'Kontaktbetjent',
        sharePlanWithVolunteer: false,
      },
    });
    const afterChange = await call(planLoader, getRequest(`/participants/${shared.participant.id}/plan`, cookie), {
      id: shared.participant.id,
    });
    expect(afterChange.status).toBe(403);

    const editAttempt = await call(planAction, postRequest(`/participants/${unshared.participant.id}/plan`, planForm(1), cookie), {
      id: unshared.participant.id,
    });
    expect(editAttempt.status).toBe(403);

    const stranger = await createUser(db, { role: 'VOLUNTEER' });
    const strangerResponse = await call(
      planLoader,
      getRequest(`/participants/${shared.participant.id}/plan`, await sessionCookieFor(stranger.id)),
      {
        id: shared.participant.id,
      },
    );
    expect(strangerResponse.status).toBe(404);
    const otherOfficer = await createUser(db, { role: 'PROBATION_OFFICER' });
    const officerResponse = await call(
      planAction,
      postRequest(`/participants/${shared.participant.id}/plan`, planForm(1), await sessionCookieFor(otherOfficer.id)),
      { id: shared.participant.id },
    );
    expect(officerResponse.status).toBe(404);

    const views = await db.auditEvent.findMany({ where: { actorId: volunteerUser.id, entityType: 'PLAN', action: 'VIEW' } });
    expect(views).toHaveLength(1);
  });

  it('shows the referrer the month-by-month meeting activity only with attendance consent', async () => {
    const withConsent = await setup({ shareAttendance: true });
    const without = await setup({ shareAttendance: false });
    const volunteer = await createVolunteer(db, { status: 'READY', capacity: 2 });
    for (const { participant, officer } of [withConsent, without]) {
      await createPlan(db, { participantId: participant.id, createdById: officer.id });
      const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, startDate: '2026-01-01' });
      await createMeeting(db, {
        pairId: pair.id,
        startsAt: osloInstant('2026-02-03', '17:00'),
        log: { outcome: 'HELD', areas: ['HOUSING'], goods: ['AUTONOMY'] },
      });
    }
    const seen = await call(
      planLoader,
      getRequest(`/participants/${withConsent.participant.id}/plan`, await sessionCookieFor(withConsent.officer.id)),
      {
        id: withConsent.participant.id,
      },
    );
    expect((await jsonOf<{ workedOn: unknown }>(seen)).workedOn).toEqual([
      { month: '2026-02', meetings: 1, areas: [{ key: 'HOUSING', count: 1 }], goods: [{ key: 'AUTONOMY', count: 1 }] },
    ]);
    const hidden = await call(
      planLoader,
      getRequest(`/participants/${without.participant.id}/plan`, await sessionCookieFor(without.officer.id)),
      {
        id: without.participant.id,
      },
    );
    expect((await jsonOf<{ workedOn: unknown }>(hidden)).workedOn).toBeNull();

    const handoverFor = async ({ participant, officer }: typeof without) =>
      renderRoute(
        getRequest(`/participants/${participant.id}/plan/handover`, await sessionCookieFor(officer.id)),
        handoverRoute as never,
        'participants/:id/plan/handover',
      );
    expect((await handoverFor(withConsent)).html).toMatch(/Møter holdt<\/dt><dd>1<\/dd>/);
    const hiddenHandover = (await handoverFor(without)).html;
    expect(hiddenHandover).toContain('Samtykket deler ikke oppmøte med henviser.');
    expect(hiddenHandover).not.toContain('Møter holdt');
  });
});

describe('the handover document', () => {
  it('escapes HTML in free text, contains every area, the meetings, the checklist and the consent', async () => {
    const { officer, coordinator, participant } = await setup();
    await createPlan(db, {
      participantId: participant.id,
      createdById: officer.id,
      areas: [
        ...STANDARD_AREAS.map((areaKey) => ({ areaKey, future: `Mål for ${areaKey}` })),
        { areaKey: 'custom:x1', title: 'Fritid & <b>musikk</b>', future: '<script>alert("x")</script> Spille i band' },
      ],
    });
    const volunteer = await createVolunteer(db, { firstName: 'Åse', lastName: 'Ødegård', status: 'READY' });
    const pair = await createPair(db, {
      participantId: participant.id,
      volunteerId: volunteer.id,
      startDate: '2026-01-01',
      createdById: coordinator.id,
    });
    for (const date of ['2026-01-05', '2026-01-12', '2026-02-02']) {
      await createMeeting(db, { pairId: pair.id, startsAt: osloInstant(date, '17:00'), log: { outcome: 'HELD', areas: ['NETWORK'] } });
    }
    await db.releaseChecklistItem.create({
      data: { participantId: participant.id, item: 'NAV', status: 'DONE', note: 'Time <i>avtalt</i>' },
    });

    const request = getRequest(`/participants/${participant.id}/plan/handover`, await sessionCookieFor(coordinator.id));
    const { status, html } = await renderRoute(request, handoverRoute as never, 'participants/:id/plan/handover');
    expect(status).toBe(200);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Spille i band');
    expect(html).toContain('Fritid &amp; &lt;b&gt;musikk&lt;/b&gt;');
    expect(html).toContain('Time &lt;i&gt;avtalt&lt;/i&gt;');
    for (const name of [
      'Nettverk og nære relasjoner',
      'Fysisk aktivitet og kosthold',
      'Arbeid og utdanning',
      'Økonomi og gjeld',
      'Bolig og nærmiljø',
    ]) {
      expect(html).toContain(name);
    }
    for (const areaKey of STANDARD_AREAS) expect(html).toContain(`Mål for ${areaKey}`);
    expect(html).toContain('Åse Ødegård');
    expect(html).toContain('Skriv ut / lagre som PDF');
    expect(html).toMatch(/Møter holdt<\/dt><dd>3<\/dd>/);
    expect(html).toContain('Legitimasjon');
    expect(html).toContain('Kontaktbetjent');

    const audit = await db.auditEvent.findFirst({
      where: { participantId: participant.id, entityType: 'PLAN', action: 'VIEW', actorId: coordinator.id },
    });
    expect(audit?.detail).toMatchObject({ document: 'handover' });
  });

  it('gives the release date in force: the actual date once recorded, not the expected one', async () => {
    const { coordinator, participant } = await setup();
    await db.participant.update({
      where: { id: participant.id },
      data: { expectedReleaseDate: '2026-09-15', actualReleaseDate: '2026-08-03' },
    });
    const request = getRequest(`/participants/${participant.id}/plan/handover`, await sessionCookieFor(coordinator.id));
    const { html } = await renderRoute(request, handoverRoute as never, 'participants/:id/plan/handover');
    expect(html).toContain('3. aug. 2026');
    expect(html).not.toContain('15. sep. 2026');
  });

  it('is offered on the plan page once the pair has ended and no new pair is active', async () => {
    const { coordinator, participant } = await setup();
    const volunteer = await createVolunteer(db, { status: 'READY' });
    const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id });
    const cookie = await sessionCookieFor(coordinator.id);
    const load = async () =>
      (
        await jsonOf<{ offerHandover: boolean }>(
          await call(planLoader, getRequest(`/participants/${participant.id}/plan`, cookie), { id: participant.id }),
        )
      ).offerHandover;
    expect(await load()).toBe(false);
    await db.pair.update({ where: { id: pair.id }, data: { status: 'ENDED', endDate: todayInOslo(), endedAt: new Date() } });
    expect(await load()).toBe(true);
  });

  it('is not open to volunteers, even with plan consent', async () => {
    const { participant } = await setup({ sharePlan: true });
    const volunteerUser = await createUser(db, { role: 'VOLUNTEER' });
    const volunteer = await createVolunteer(db, { userId: volunteerUser.id, status: 'READY' });
    await createPair(db, { participantId: participant.id, volunteerId: volunteer.id });
    const response = await call(
      handoverRoute.loader,
      getRequest(`/participants/${participant.id}/plan/handover`, await sessionCookieFor(volunteerUser.id)),
      {
        id: participant.id,
      },
    );
    expect(response.status).toBe(403);
  });
});
