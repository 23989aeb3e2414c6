/**
 * Two app instances on one database race each other (issue #19). The second instance is a real
 * other Node process with its own Prisma client on the same SQLite file
 * (tests/support/race-instance.ts); each race starts on both sides at the same moment.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUNNING_PAIR_STATUSES } from '~/domain/pairs/status';
import { resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { addDays, todayInOslo } from '~/lib/time';
import {
  completeScreening,
  createCourse,
  createPair,
  createParticipant,
  createUser,
  createVolunteer,
} from '../../prisma/fixtures/factories';
import { describeError, runRaceOp, type RaceAnswer, type RaceOp } from '../support/race-instance';

const root = path.resolve(import.meta.dirname, '..', '..');
const NOW = '2027-03-10T09:00:00Z';

type Outcome = { ok: true; value: unknown } | { ok: false; error: string };

function startInstance() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/race-instance.ts'], {
    cwd: root,
    env: { ...process.env, CLOCK_AT: NOW, CLOCK_FROZEN: 'true' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout });
  const queue: string[] = [];
  const waiting: { resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  let exited: Error | null = null;
  lines.on('line', (line) => {
    const next = waiting.shift();
    if (next) next.resolve(line);
    else queue.push(line);
  });
  child.once('exit', (code) => {
    exited = new Error(`the second instance exited with ${code}`);
    for (const next of waiting.splice(0)) next.reject(exited);
  });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      const queued = queue.shift();
      if (queued !== undefined) resolve(queued);
      else if (exited) reject(exited);
      else waiting.push({ resolve, reject });
    });
  return {
    ready: next(),
    /** Runs `theirs` in the other process and `ours` here, both started at the same moment. */
    async race(theirs: RaceOp, ours: RaceOp): Promise<[Outcome, Outcome]> {
      child.stdin.write(`${JSON.stringify(theirs)}\n`);
      expect(JSON.parse(await next())).toEqual({ armed: true });
      const answer = next();
      child.stdin.write('go\n');
      const mine = await runRaceOp(ours).then(
        (value): Outcome => ({ ok: true, value }),
        (error: unknown): Outcome => ({ ok: false, error: describeError(error) }),
      );
      return [JSON.parse(await answer) as RaceAnswer, mine];
    },
    stop() {
      child.stdin.write('quit\n');
    },
  };
}

let instance: ReturnType<typeof startInstance>;

beforeAll(async () => {
  setClock(NOW);
  instance = startInstance();
  expect(JSON.parse(await instance.ready)).toEqual({ ready: true });
});
afterAll(() => {
  instance.stop();
  resetClock();
});

async function readyVolunteer(coordinatorId: string, courseId: string, capacity = 1) {
  const user = await createUser(db, { role: 'VOLUNTEER' });
  const volunteer = await createVolunteer(db, { userId: user.id, email: user.email, status: 'READY', capacity, gender: 'FEMALE' });
  await completeScreening(db, { volunteerId: volunteer.id, coordinatorId, courseId, on: addDays(todayInOslo(), -10) });
  return { user, volunteer };
}

async function people() {
  const coordinator = await createUser(db, { role: 'COORDINATOR' });
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const course = await createCourse(db);
  const participant = () =>
    createParticipant(db, { referrerId: officer.id, status: 'ACCEPTED', expectedReleaseDate: addDays(todayInOslo(), 60) });
  return { coordinator, officer, course, participant };
}

describe('two instances activating one proposal at once', () => {
  it('leave exactly one ACTIVE pair: the other gets NOT_PROPOSED, and only one introduction is queued', async () => {
    const { coordinator, course, participant } = await people();
    for (let round = 0; round < 3; round += 1) {
      const { user, volunteer } = await readyVolunteer(coordinator.id, course.id);
      const who = await participant();
      const pair = await createPair(db, { participantId: who.id, volunteerId: volunteer.id, status: 'PROPOSED' });
      const results = await instance.race(
        { op: 'acceptProposal', args: { pairId: pair.id, actorId: user.id } },
        { op: 'activatePair', args: { pairId: pair.id, startDate: todayInOslo(), actorId: coordinator.id } },
      );
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: 'NOT_PROPOSED' }]);
      expect(await db.pair.count({ where: { participantId: who.id, status: 'ACTIVE' } })).toBe(1);
      expect(await db.outboxEmail.count({ where: { idempotencyKey: `pair-intro-volunteer:${pair.id}` } })).toBe(1);
      expect(await db.auditEvent.count({ where: { entityType: 'PAIR', entityId: pair.id, action: 'UPDATE' } })).toBe(1);
    }
  });

  it('cannot leave a participant with two running pairs even when an instance acted on a stale check: the database refuses it', async () => {
    const { coordinator, course, participant } = await people();
    const who = await participant();
    const first = await readyVolunteer(coordinator.id, course.id);
    const second = await readyVolunteer(coordinator.id, course.id);
    const proposal = await createPair(db, { participantId: who.id, volunteerId: first.volunteer.id, status: 'PROPOSED' });
    // This instance activates the proposal while the other, having checked before this commit,
    // writes a running pair of its own for the same participant.
    const [theirs, ours] = await instance.race(
      { op: 'createRunningPair', args: { participantId: who.id, volunteerId: second.volunteer.id, startDate: todayInOslo() } },
      { op: 'activatePair', args: { pairId: proposal.id, startDate: todayInOslo(), actorId: coordinator.id } },
    );
    expect(await db.pair.count({ where: { participantId: who.id, status: { in: [...RUNNING_PAIR_STATUSES] } } })).toBe(1);
    if (theirs.ok && ours.ok) {
      // The raw write came first: the activation ended that pair as re-matched.
      expect(await db.pair.findUniqueOrThrow({ where: { id: theirs.value as string } })).toMatchObject({
        status: 'ENDED',
        endReason: 'REMATCHED',
      });
    } else if (ours.ok) {
      // The activation came first: the index refused the raw write.
      expect(theirs).toMatchObject({ ok: false, error: expect.stringMatching(/^P2002/) as string });
    } else {
      // Both checked before either wrote (PostgreSQL): the index refused the activation.
      expect(ours).toEqual({ ok: false, error: 'ALREADY_PAIRED' });
    }
    // And directly: a second running pair is refused by the database itself.
    await expect(
      db.pair.create({ data: { participantId: who.id, volunteerId: second.volunteer.id, status: 'ACTIVE', startDate: todayInOslo() } }),
    ).rejects.toMatchObject({ code: 'P2002' });
  });
});

describe('two instances proposing to one volunteer at once', () => {
  it('never overbook the volunteer: with one free place one proposal is made and the other is refused with NO_CAPACITY', async () => {
    const { coordinator, course, participant } = await people();
    for (let round = 0; round < 4; round += 1) {
      const { volunteer } = await readyVolunteer(coordinator.id, course.id, 1);
      const [one, two] = [await participant(), await participant()];
      const results = await instance.race(
        { op: 'proposePair', args: { participantId: one.id, volunteerId: volunteer.id, actorId: coordinator.id } },
        { op: 'proposePair', args: { participantId: two.id, volunteerId: volunteer.id, actorId: coordinator.id } },
      );
      const open = await db.pair.count({ where: { volunteerId: volunteer.id, status: { in: ['PROPOSED', 'ACTIVE'] } } });
      expect({ open, results }).toEqual({
        open: 1,
        results: expect.arrayContaining([expect.objectContaining({ ok: true }), { ok: false, error: 'NO_CAPACITY' }]) as unknown,
      });
    }
  });

  it('fill a volunteer with two places from both instances at once, and no more', async () => {
    const { coordinator, course, participant } = await people();
    const { volunteer } = await readyVolunteer(coordinator.id, course.id, 2);
    const [one, two] = [await participant(), await participant()];
    const results = await instance.race(
      { op: 'proposePair', args: { participantId: one.id, volunteerId: volunteer.id, actorId: coordinator.id } },
      { op: 'proposePair', args: { participantId: two.id, volunteerId: volunteer.id, actorId: coordinator.id } },
    );
    expect(results.every((result) => result.ok)).toBe(true);
    const three = await participant();
    await expect(
      runRaceOp({ op: 'proposePair', args: { participantId: three.id, volunteerId: volunteer.id, actorId: coordinator.id } }),
    ).rejects.toMatchObject({
      code: 'NO_CAPACITY',
    });
  });
});

describe('outbox and snapshot rows under parallel inserts', () => {
  const keys = (prefix: string) => Array.from({ length: 40 }, (_, i) => `${prefix}:${i}`);

  it('queues one email per idempotency key when both instances queue the same keys at once, and neither fails', async () => {
    const list = keys('race-email');
    const [theirs, ours] = await instance.race(
      { op: 'enqueueEmails', args: { keys: list, to: 'frivillig@example.no' } },
      { op: 'enqueueEmails', args: { keys: list, to: 'frivillig@example.no' } },
    );
    expect([theirs, ours]).toEqual([
      { ok: true, value: [] },
      { ok: true, value: [] },
    ]);
    expect(await db.outboxEmail.count({ where: { idempotencyKey: { in: list } } })).toBe(list.length);
  });

  it('queues one text per idempotency key when both instances queue the same keys at once, and neither fails', async () => {
    const { officer } = await people();
    const who = await createParticipant(db, { referrerId: officer.id, status: 'MATCHED', phone: '+4791234567', consent: { sms: true } });
    const list = keys('race-text');
    const [theirs, ours] = await instance.race(
      { op: 'enqueueTexts', args: { keys: list, participantId: who.id } },
      { op: 'enqueueTexts', args: { keys: list, participantId: who.id } },
    );
    expect([theirs, ours]).toEqual([
      { ok: true, value: [] },
      { ok: true, value: [] },
    ]);
    expect(await db.smsMessage.count({ where: { idempotencyKey: { in: list } } })).toBe(list.length);
  });

  it('keeps one snapshot per key when both instances compute the same views at once', async () => {
    const list = keys('race-view');
    const [theirs, ours] = await instance.race({ op: 'cachedViews', args: { keys: list } }, { op: 'cachedViews', args: { keys: list } });
    expect([theirs, ours]).toEqual([
      { ok: true, value: [] },
      { ok: true, value: [] },
    ]);
    expect(await db.viewSnapshot.count({ where: { key: { in: list } } })).toBe(list.length);
  });
});

describe('text with a NUL', () => {
  it('is refused below Prisma, on SQLite as PostgreSQL would, naming the parameter and not the value', async () => {
    const { officer } = await people();
    await expect(createParticipant(db, { referrerId: officer.id, firstName: 'Kari\u0000' })).rejects.toThrow(/NUL character/);
    await expect(
      db.setting.upsert({ where: { key: 'nul-test' }, create: { key: 'nul-test', value: { a: 'x\u0000' } }, update: {} }),
    ).rejects.toThrow(/NUL character/);
    expect(await db.setting.count({ where: { key: 'nul-test' } })).toBe(0);
  });
});
