import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pairsOnTargetInMonth } from '~/domain/figures/figures.server';
import { needsActionToday } from '~/domain/monitoring/needs-action.server';
import { holdSpansByPair, putPairOnHold, PairHoldError, resumePair } from '~/domain/pairs/hold.server';
import { pairMonths } from '~/domain/pairs/pair-month.server';
import { volunteerPlaces } from '~/domain/volunteers/free-places.server';
import { resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { todayInOslo } from '~/lib/time';
import * as holdRoute from '~/routes/pairs.$id_.hold';
import { createMeeting, createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { call, postRequest, sessionCookieFor } from '../support/requests';

// Wednesday 20 May 2026, Oslo; the pair started in January and held its last meeting on 10 March.
const NOW = new Date('2026-05-20T10:00:00Z');

beforeEach(() => setClock(NOW));
afterEach(() => resetClock());

async function setup() {
  const coordinator = { ...(await createUser(db, { role: 'COORDINATOR' })), role: 'COORDINATOR' as const };
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const volunteer = await createVolunteer(db, { status: 'READY' });
  const participant = await createParticipant(db, { referrerId: officer.id, status: 'MATCHED', expectedReleaseDate: '2026-01-05' });
  const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, startDate: '2026-01-10' });
  await createMeeting(db, { pairId: pair.id, startsAt: new Date('2026-03-10T10:00:00Z'), log: { outcome: 'HELD' } });
  return { coordinator, volunteer, participant, pair };
}

describe('a pair on hold', () => {
  it('raises no behind or quiet alert in an on-hold month, and the closed month counts apart', async () => {
    const { coordinator, pair } = await setup();
    const before = await pairMonths(db, NOW, { pairId: pair.id });
    expect(before[0]).toMatchObject({ quiet: true, onHold: false });
    expect(before[0]!.behind).toBe(true);

    await putPairOnHold(null, coordinator, pair.id, { reason: 'CUSTODY', fromDate: '2026-03-20' });
    expect((await db.pair.findUniqueOrThrow({ where: { id: pair.id } })).status).toBe('ON_HOLD');
    const [month] = await pairMonths(db, NOW, { pairId: pair.id });
    expect(month).toMatchObject({ onHold: true, quiet: false, behind: false, target: 0, health: 'GREEN', holdDays: 31 });
    const needs = await needsActionToday(db, NOW, await pairMonths(db, NOW));
    expect(needs.quiet.map((row) => row.id)).not.toContain(pair.id);

    // April was wholly on hold: not a missed month, counted apart.
    const april = await pairsOnTargetInMonth(db, '2026-04');
    expect(april).toMatchObject({ pairs: 0, onTarget: 0, onHold: 1 });

    // The audit row commits with the change.
    expect(await db.auditEvent.count({ where: { entityType: 'PAIR', entityId: pair.id, action: 'UPDATE' } })).toBe(1);
  });

  it('reads the holds of tens of thousands of pairs without passing the databases’ parameter limits', async () => {
    const { coordinator, pair } = await setup();
    await putPairOnHold(null, coordinator, pair.id, { reason: 'AWAY', fromDate: '2026-04-01' });
    // The held pair sits past the first batches, among ids as many as a national programme's pairs.
    const ids = [...Array.from({ length: 40_000 }, (_, index) => `absent-${index}`), pair.id];
    const spans = await holdSpansByPair(db, ids);
    expect([...spans.keys()]).toEqual([pair.id]);
    expect(spans.get(pair.id)).toEqual([{ fromDate: '2026-04-01', untilDate: null }]);
  });

  it('keeps the volunteer’s place while on hold', async () => {
    const { coordinator, volunteer, pair } = await setup();
    await putPairOnHold(null, coordinator, pair.id, { reason: 'TREATMENT', fromDate: '2026-05-01' });
    const [places] = await volunteerPlaces(db, { volunteerId: volunteer.id });
    expect(places).toMatchObject({ openPairs: 1 });
  });

  it('resumes to ACTIVE and counts quiet days from the resume; a second resume is refused', async () => {
    const { coordinator, pair } = await setup();
    await putPairOnHold(null, coordinator, pair.id, { reason: 'AWAY', fromDate: '2026-03-20' });
    await resumePair(null, coordinator, pair.id, '2026-05-15');
    const hold = await db.pairHold.findFirstOrThrow({ where: { pairId: pair.id } });
    expect(hold).toMatchObject({ untilDate: '2026-05-15', endedById: coordinator.id });
    const [month] = await pairMonths(db, NOW, { pairId: pair.id });
    expect(month).toMatchObject({ onHold: false, quiet: false });
    // active again from 15 May: 17 of 31 days → 4 × 17/31 = 2.2 → 2
    expect(month!.target).toBe(2);
    await expect(resumePair(null, coordinator, pair.id, '2026-05-16')).rejects.toBeInstanceOf(PairHoldError);
  });

  it('answers the hold form: a hold before the start is refused next to the field, a valid one asks to confirm, then redirects', async () => {
    const { coordinator, pair } = await setup();
    const cookie = await sessionCookieFor(coordinator.id);
    const refused = await call(
      holdRoute.action,
      postRequest(`/pairs/${pair.id}/hold`, { intent: 'hold', reason: 'CUSTODY', fromDate: '2025-12-01', confirm: 'yes' }, cookie),
      {
        id: pair.id,
      },
    );
    expect(refused.status).toBe(400);
    expect((await db.pair.findUniqueOrThrow({ where: { id: pair.id } })).status).toBe('ACTIVE');
    // The first press only asks to confirm: nothing changes yet.
    const asked = await call(
      holdRoute.action,
      postRequest(`/pairs/${pair.id}/hold`, { intent: 'hold', reason: 'CUSTODY', fromDate: todayInOslo(NOW) }, cookie),
      { id: pair.id },
    );
    expect(asked.status).toBe(200);
    expect(await asked.json()).toMatchObject({ intent: 'hold', confirm: { reason: 'CUSTODY', fromDate: todayInOslo(NOW) } });
    expect((await db.pair.findUniqueOrThrow({ where: { id: pair.id } })).status).toBe('ACTIVE');
    const saved = await call(
      holdRoute.action,
      postRequest(`/pairs/${pair.id}/hold`, { intent: 'hold', reason: 'CUSTODY', fromDate: todayInOslo(NOW), confirm: 'yes' }, cookie),
      { id: pair.id },
    );
    expect(saved.status).toBe(302);
    expect((await db.pair.findUniqueOrThrow({ where: { id: pair.id } })).status).toBe('ON_HOLD');
  });
});
