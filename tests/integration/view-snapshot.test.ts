import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '~/lib/db.server';
import { isPostgresUrl } from '~/lib/postgresql-adapter';
import { runRetention } from '~/domain/privacy/retention.server';
import { cachedView } from '~/lib/view-snapshot.server';
import { loader as dashboardLoader } from '~/routes/dashboard';
import { createMeeting, createPair, createParticipant, createUser, createVolunteer, earlierToday } from '../../prisma/fixtures/factories';
import { call, getRequest, jsonOf, sessionCookieFor } from '../support/requests';
import { resetDatabase } from '../support/reset';

beforeEach(resetDatabase);

const MINUTE = 60_000;

/** A view whose computations are counted. */
function countingView() {
  let computed = 0;
  const view = (now: Date) => cachedView(db, 'test-view', MINUTE, async () => ({ run: (computed += 1), at: now }), now);
  return { view, computations: () => computed };
}

describe('view snapshots', () => {
  it('computes once, then serves the stored figures while nothing changes', async () => {
    const { view, computations } = countingView();
    const t0 = new Date('2026-11-22T10:00:00Z');
    const first = await view(t0);
    const second = await view(new Date(t0.getTime() + 30_000));
    expect(computations()).toBe(1);
    // The same JSON either way: dates arrive as strings, as they would in the browser.
    expect(second.data).toEqual(first.data);
    expect(first.data).toEqual({ run: 1, at: '2026-11-22T10:00:00.000Z' });
    expect(second.computedAt.toISOString()).toBe('2026-11-22T10:00:00.000Z');
  });

  it('computes again after any change to the programme data, made by any route', async () => {
    const { view, computations } = countingView();
    const now = new Date();
    await view(now);
    await createVolunteer(db, { status: 'READY' });
    expect((await view(now)).data.run).toBe(2);
    await db.volunteerProfile.updateMany({ data: { capacity: 3 } });
    await view(now);
    await db.volunteerProfile.deleteMany({});
    await view(now);
    expect(computations()).toBe(4);
  });

  it('is not made stale by sign-ins, sessions or the audit log', async () => {
    const { view, computations } = countingView();
    const now = new Date();
    await view(now);
    const user = await createUser(db, { role: 'COORDINATOR' });
    await sessionCookieFor(user.id);
    await db.auditEvent.create({ data: { actorId: user.id, action: 'VIEW', entityType: 'USER', entityId: user.id } });
    await view(now);
    expect(computations()).toBe(1);
  });

  it('is removed by the retention job once nobody has opened it for a day', async () => {
    const now = new Date('2026-11-22T10:00:00Z');
    const snapshot = (key: string, computedAt: Date) =>
      db.viewSnapshot.create({ data: { key, dataVersion: 0, computedAt, payload: '{}' } });
    await snapshot('old', new Date(now.getTime() - 25 * 60 * MINUTE));
    await snapshot('recent', new Date(now.getTime() - 60 * MINUTE));
    expect(await runRetention(db, now)).toEqual({ participants: 0, volunteers: 0 });
    expect((await db.viewSnapshot.findMany({ select: { key: true } })).map((row) => row.key)).toEqual(['recent']);
  });

  it('computes again once older than its maximum age, and never serves one from the future', async () => {
    const { view, computations } = countingView();
    const t0 = new Date('2026-11-22T10:00:00Z');
    await view(t0);
    await view(new Date(t0.getTime() + MINUTE));
    expect(computations()).toBe(2);
    await view(new Date(t0.getTime() - 1000));
    expect(computations()).toBe(3);
  });
});

describe('the data version', () => {
  // Tables whose rows are not programme data: changing them must not make views stale. The SMS
  // outbox, like the email one, changes with every send and receipt; no kept view counts texts.
  const NOT_PROGRAMME_DATA = [
    'User',
    'Session',
    'RateLimitEvent',
    'Invitation',
    'OutboxEmail',
    'SmsMessage',
    'JobRun',
    'AuditEvent',
    'DataVersion',
    'ViewSnapshot',
  ];

  it('is raised by inserts, updates and deletes on every other table, so a new table cannot be forgotten', async () => {
    const { tables, triggers } = await dataVersionTriggers();
    const programme = tables.map((table) => table.name).filter((name) => !NOT_PROGRAMME_DATA.includes(name));
    expect(programme.length).toBeGreaterThan(20);
    for (const table of programme) {
      const operations = triggers.filter((trigger) => trigger.table === table).map((trigger) => trigger.operation);
      expect({ table, operations: operations.sort() }).toEqual({ table, operations: ['DELETE', 'INSERT', 'UPDATE'] });
    }
    expect(triggers.filter((trigger) => NOT_PROGRAMME_DATA.includes(trigger.table))).toEqual([]);
  });
});

/** The tables, and the triggers that raise the data version, from the database's own catalogue. */
async function dataVersionTriggers(): Promise<{
  tables: { name: string }[];
  triggers: { table: string; operation: string | undefined }[];
}> {
  if (isPostgresUrl(process.env.DATABASE_URL ?? '')) {
    const tables = await db.$queryRaw<{ name: string }[]>`
      SELECT "tablename" AS "name" FROM pg_tables WHERE "schemaname" = current_schema() AND "tablename" NOT LIKE '_prisma_%'`;
    // information_schema lists a trigger once per operation it fires on.
    const triggers = await db.$queryRaw<{ table: string; operation: string }[]>`
      SELECT "event_object_table" AS "table", "event_manipulation" AS "operation" FROM information_schema.triggers
      WHERE "action_statement" LIKE '%bump_data_version%'`;
    return { tables, triggers };
  }
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT "name" FROM sqlite_master WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%' AND "name" NOT LIKE '_prisma_%'`;
  const triggers = await db.$queryRaw<{ tbl_name: string; sql: string }[]>`
    SELECT "tbl_name", "sql" FROM sqlite_master WHERE "type" = 'trigger' AND "sql" LIKE '%DataVersion%'`;
  return { tables, triggers: triggers.map((trigger) => ({ table: trigger.tbl_name, operation: /AFTER (\w+) ON/.exec(trigger.sql)?.[1] })) };
}

describe('the dashboard', () => {
  it('shows a logged meeting and a new concern at once, although its figures are kept', async () => {
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
    const cookie = await sessionCookieFor(coordinator.id);
    const participant = await createParticipant(db, { referrerId: officer.id, status: 'MATCHED' });
    const volunteer = await createVolunteer(db, { status: 'READY' });
    const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id });
    const dashboard = async () =>
      jsonOf<{ pairs: { id: string; held: number; openConcerns: number }[] }>(
        await call(dashboardLoader, getRequest('/dashboard', cookie)),
      );

    expect((await dashboard()).pairs).toEqual([expect.objectContaining({ id: pair.id, held: 0, openConcerns: 0 })]);
    await createMeeting(db, { pairId: pair.id, startsAt: earlierToday(1), log: { outcome: 'HELD', rating: 4 } });
    expect((await dashboard()).pairs[0]?.held).toBe(1);
    await db.concern.create({ data: { pairId: pair.id, text: 'Bekymring', raisedById: coordinator.id } });
    expect((await dashboard()).pairs[0]?.openConcerns).toBe(1);
  });
});
