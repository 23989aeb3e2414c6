import { describe, expect, it } from 'vitest';
import { viewConcernPair } from '~/domain/concerns/concerns.server';
import { viewSuggestions } from '~/domain/matching/matching.server';
import { viewMeeting } from '~/domain/meetings/meetings.server';
import { monthProposals } from '~/domain/meetings/plan-month.server';
import { viewClosurePair } from '~/domain/pairs/closure.server';
import { recordReview, savePlanVersion, viewHandover, viewPlan } from '~/domain/plans/plans.server';
import { participantExport } from '~/domain/privacy/export.server';
import { saveTargets } from '~/domain/recruitment/targets.server';
import { saveSettings } from '~/domain/settings/settings.server';
import { OwnAccountError, setUserActive } from '~/domain/users/accounts.server';
import { acceptInvitation, createInvitation } from '~/domain/users/invitations.server';
import { changePassword } from '~/domain/users/password-change.server';
import { closeSession, completeSecondFactor, openSession, signOutEverywhere } from '~/domain/users/sessions.server';
import type { AuditAction, AuditEntity } from '~/lib/audit.server';
import { currentTime } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { addDays, todayInOslo } from '~/lib/time';
import { createMeeting, createPair, createParticipant, createPlan, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { getRequest } from '../support/requests';

/**
 * Every domain function that reads or writes participant data, plans or accounts writes its own
 * audit row, so a caller other than its route (a job, a script, another page) cannot forget it.
 * Each is called here directly, with no route in between.
 */

const request = () => new Request('http://localhost/test', { headers: { 'user-agent': 'audit-in-domain' } });

async function world() {
  const coordinatorUser = await createUser(db, { role: 'COORDINATOR' });
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const volunteerUser = await createUser(db, { role: 'VOLUNTEER' });
  const volunteer = await createVolunteer(db, { status: 'READY', userId: volunteerUser.id });
  const participant = await createParticipant(db, { referrerId: officer.id, status: 'MATCHED' });
  const pair = await createPair(db, {
    participantId: participant.id,
    volunteerId: volunteer.id,
    status: 'ACTIVE',
    startDate: addDays(todayInOslo(), -30),
    createdById: coordinatorUser.id,
  });
  const coordinator = { id: coordinatorUser.id, role: 'COORDINATOR' as const };
  return { coordinator, officer, volunteerUser, volunteer, participant, pair };
}

async function auditRows(where: {
  actorId: string;
  action: AuditAction;
  entityType: AuditEntity;
  participantId?: string;
  entityId?: string;
}) {
  return db.auditEvent.findMany({ where, select: { entityId: true, participantId: true, detail: true, userAgent: true } });
}

describe('domain functions audit themselves', () => {
  it('plans: a view, a saved version and a review each leave their row', async () => {
    const { coordinator, participant } = await world();
    const saved = await db.$transaction((tx) =>
      savePlanVersion(tx, request(), {
        participantId: participant.id,
        actorId: coordinator.id,
        baseVersion: 0,
        areas: [
          {
            areaKey: 'NETWORK',
            title: null,
            future: 'Venner',
            goods: [],
            strengths: null,
            opportunities: null,
            barriers: null,
            coping: null,
          },
        ],
      }),
    );
    expect(await auditRows({ actorId: coordinator.id, action: 'CREATE', entityType: 'PLAN', participantId: participant.id })).toEqual([
      { entityId: saved.planId, participantId: participant.id, detail: { version: 1 }, userAgent: 'audit-in-domain' },
    ]);

    const review = await db.$transaction((tx) =>
      recordReview(tx, request(), {
        participantId: participant.id,
        actorId: coordinator.id,
        reviewedOn: todayInOslo(),
        items: [
          { areaKey: 'NETWORK', status: 'IN_PROGRESS' },
          { areaKey: 'custom:gone', status: 'ACHIEVED' },
        ],
      }),
    );
    const reviewRows = await auditRows({ actorId: coordinator.id, action: 'CREATE', entityType: 'PLAN', participantId: participant.id });
    expect(reviewRows.map((row) => row.detail)).toContainEqual({ review: review.id });
    // The item of an area the plan does not have is left out.
    expect(await db.planReviewItem.count({ where: { reviewId: review.id } })).toBe(1);

    await viewPlan(request(), coordinator, participant.id);
    expect(await auditRows({ actorId: coordinator.id, action: 'VIEW', entityType: 'PLAN', participantId: participant.id })).toEqual([
      { entityId: saved.planId, participantId: participant.id, detail: { version: 1, compared: null }, userAgent: 'audit-in-domain' },
    ]);

    await viewHandover(request(), coordinator, participant.id);
    const handoverRows = await auditRows({ actorId: coordinator.id, action: 'VIEW', entityType: 'PLAN', participantId: participant.id });
    expect(handoverRows.map((row) => row.detail)).toContainEqual({ document: 'handover', version: 1 });
  });

  it('a saved version that lost the race writes neither the version nor its row', async () => {
    const { coordinator, participant } = await world();
    await createPlan(db, { participantId: participant.id });
    await expect(
      db.$transaction((tx) =>
        savePlanVersion(tx, request(), { participantId: participant.id, actorId: coordinator.id, baseVersion: 0, areas: [] }),
      ),
    ).rejects.toThrow();
    expect(await auditRows({ actorId: coordinator.id, action: 'UPDATE', entityType: 'PLAN', participantId: participant.id })).toEqual([]);
    expect(await auditRows({ actorId: coordinator.id, action: 'CREATE', entityType: 'PLAN', participantId: participant.id })).toEqual([]);
  });

  it('participant reads: the export, the matching page, the concern and close pages, the month plan and a meeting', async () => {
    const { coordinator, officer, volunteerUser, participant, pair } = await world();
    const volunteer = { id: volunteerUser.id, role: 'VOLUNTEER' as const };

    await participantExport(request(), coordinator, participant.id);
    expect(
      await auditRows({ actorId: coordinator.id, action: 'EXPORT', entityType: 'PARTICIPANT', participantId: participant.id }),
    ).toHaveLength(1);

    const waiting = await createParticipant(db, { referrerId: officer.id, status: 'ACCEPTED' });
    await viewSuggestions(request(), coordinator, waiting.id);
    expect(await auditRows({ actorId: coordinator.id, action: 'VIEW', entityType: 'PARTICIPANT', participantId: waiting.id })).toEqual([
      { entityId: waiting.id, participantId: waiting.id, detail: { page: 'matching' }, userAgent: 'audit-in-domain' },
    ]);

    await viewConcernPair(request(), volunteer, pair.id);
    expect(
      await auditRows({ actorId: volunteer.id, action: 'VIEW', entityType: 'PAIR', entityId: pair.id, participantId: participant.id }),
    ).toHaveLength(1);

    await viewClosurePair(request(), coordinator, pair.id);
    expect(
      await auditRows({ actorId: coordinator.id, action: 'VIEW', entityType: 'PAIR', entityId: pair.id, participantId: participant.id }),
    ).toHaveLength(1);

    await monthProposals(request(), volunteer, pair.id, null);
    expect(
      await auditRows({ actorId: volunteer.id, action: 'VIEW', entityType: 'PAIR', entityId: pair.id, participantId: participant.id }),
    ).toHaveLength(2);

    const meeting = await createMeeting(db, { pairId: pair.id, startsAt: new Date(currentTime().getTime() + 3 * 24 * 3600 * 1000) });
    const { access } = await viewMeeting(request(), volunteer, meeting.id);
    expect(access).toEqual({ canAct: true, seesNotes: false });
    expect(
      await auditRows({
        actorId: volunteer.id,
        action: 'VIEW',
        entityType: 'MEETING_LOG',
        entityId: meeting.id,
        participantId: participant.id,
      }),
    ).toHaveLength(1);
  });

  it('a read that finds nothing audits nothing', async () => {
    const { coordinator } = await world();
    await expect(viewClosurePair(request(), coordinator, 'no-such-pair')).rejects.toMatchObject({ status: 404 });
    await expect(viewSuggestions(request(), coordinator, 'no-such-participant')).rejects.toMatchObject({ status: 404 });
    expect(await participantExport(request(), coordinator, 'no-such-participant')).toBeNull();
    expect(await db.auditEvent.count({ where: { actorId: coordinator.id } })).toBe(0);
  });

  it('accounts: invitation, acceptance, sign-in and out, second factor, password, deactivation', async () => {
    const { coordinator } = await world();
    const invitation = await db.$transaction((tx) =>
      createInvitation(tx, request(), {
        email: 'ny.koordinator@example.no',
        role: 'COORDINATOR',
        language: 'nb',
        invitedById: coordinator.id,
      }),
    );
    expect(await auditRows({ actorId: coordinator.id, action: 'CREATE', entityType: 'INVITATION', entityId: invitation.id })).toHaveLength(
      1,
    );

    // The token is only in the email; a second invitation's token is read back from its outbox row.
    const email = await db.outboxEmail.findFirstOrThrow({ where: { idempotencyKey: `invitation:${invitation.id}` } });
    const token = (JSON.parse(JSON.stringify(email.data)) as { token: string }).token;
    const user = await acceptInvitation(request(), token, { name: 'Ny Koordinator', password: 'en lang og god setning' });
    expect(user).not.toBeNull();
    const userId = user!.id;
    expect(await auditRows({ actorId: userId, action: 'CREATE', entityType: 'USER', entityId: userId })).toHaveLength(1);

    const cookie = (await openSession(request(), userId)).split(';')[0]!;
    const signedIn = getRequest('/account', cookie);
    await completeSecondFactor(signedIn, userId, 'totp');
    const signIns = await auditRows({ actorId: userId, action: 'SIGN_IN', entityType: 'USER', entityId: userId });
    expect(signIns.map((row) => row.detail)).toEqual(expect.arrayContaining([null, { secondFactor: 'totp' }]));

    expect(await changePassword(signedIn, userId, { currentPassword: 'feil passord', password: 'en annen lang setning' })).toBe(
      'currentWrong',
    );
    expect(await changePassword(signedIn, userId, { currentPassword: 'en lang og god setning', password: 'en annen lang setning' })).toBe(
      'changed',
    );
    expect(await auditRows({ actorId: userId, action: 'UPDATE', entityType: 'USER', entityId: userId })).toEqual([
      { entityId: userId, participantId: null, detail: { password: true }, userAgent: null },
    ]);

    await signOutEverywhere(signedIn, userId);
    expect(await db.session.count({ where: { userId } })).toBe(0);
    const again = getRequest('/', (await openSession(request(), userId)).split(';')[0]);
    await closeSession(again, userId);
    const signOuts = await auditRows({ actorId: userId, action: 'SIGN_OUT', entityType: 'USER', entityId: userId });
    expect(signOuts.map((row) => row.detail)).toEqual(expect.arrayContaining([{ everywhere: true }, null]));

    await expect(
      setUserActive({ userId: coordinator.id, active: false, actorId: coordinator.id, request: request() }),
    ).rejects.toBeInstanceOf(OwnAccountError);
    expect(await setUserActive({ userId: 'no-such-user', active: false, actorId: coordinator.id, request: request() })).toBeNull();
    await setUserActive({ userId, active: false, actorId: coordinator.id, request: request() });
    expect(await auditRows({ actorId: coordinator.id, action: 'UPDATE', entityType: 'USER', entityId: userId })).toHaveLength(1);
  });

  it('settings: targets and programme settings', async () => {
    const { coordinator } = await world();
    await saveTargets(request(), coordinator.id, { halfYear: '2026-H2', newPairs: 12, newParticipants: null, newReadyVolunteers: null });
    expect(await auditRows({ actorId: coordinator.id, action: 'UPDATE', entityType: 'SETTINGS', entityId: '2026-H2' })).toEqual([
      { entityId: '2026-H2', participantId: null, detail: { newPairs: 12 }, userAgent: 'audit-in-domain' },
    ]);
    await saveSettings(request(), coordinator.id, { meetingsPerMonth: 3 });
    const rows = await auditRows({ actorId: coordinator.id, action: 'UPDATE', entityType: 'SETTINGS' });
    expect(rows.map((row) => row.detail)).toContainEqual({ meetingsPerMonth: 3 });
  });
});
