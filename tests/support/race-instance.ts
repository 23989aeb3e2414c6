/**
 * A second app instance on the test's database (tests/integration/concurrency.test.ts): a real
 * other Node process with its own Prisma client and connection, as a second web process or the
 * jobs process would be. `node --import tsx tests/support/race-instance.ts` with DATABASE_URL,
 * CLOCK_AT and CLOCK_FROZEN in its environment.
 *
 * Protocol, one JSON line each way: the parent sends `{ "op": …, "args": … }`; the instance
 * answers `{ "armed": true }` once it is ready to run it, then runs it when the parent writes
 * the line `go` (so both sides start at the same moment), and answers `{ "ok": true, "value" }`
 * or `{ "ok": false, "error" }` (a domain error's code, or a Prisma error's code and message).
 */
import readline from 'node:readline';
import { Prisma } from '../../app/generated/prisma/client';
import { activatePair, acceptProposal, PairingError, proposePair } from '../../app/domain/pairs/pairing.server';
import { enqueueParticipantText } from '../../app/domain/sms/outbox.server';
import { db } from '../../app/lib/db.server';
import { enqueueEmail } from '../../app/lib/email.server';
import { cachedView } from '../../app/lib/view-snapshot.server';

export type RaceOp =
  | { op: 'activatePair'; args: { pairId: string; startDate: string; actorId: string } }
  | { op: 'acceptProposal'; args: { pairId: string; actorId: string } }
  | { op: 'proposePair'; args: { participantId: string; volunteerId: string; actorId: string } }
  | { op: 'createRunningPair'; args: { participantId: string; volunteerId: string; startDate: string } }
  | { op: 'enqueueEmails'; args: { keys: string[]; to: string } }
  | { op: 'enqueueTexts'; args: { keys: string[]; participantId: string } }
  | { op: 'cachedViews'; args: { keys: string[] } };

export type RaceAnswer = { ok: true; value: unknown } | { ok: false; error: string };

/** What a race's loser saw, comparable across the two processes. */
export function describeError(error: unknown): string {
  if (error instanceof PairingError) return error.code;
  if (error instanceof Prisma.PrismaClientKnownRequestError) return `${error.code}: ${error.message.split('\n').at(-1) ?? ''}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Runs one operation; the parent runs the same ones in its own process (runRaceOp). */
export async function runRaceOp(message: RaceOp): Promise<unknown> {
  switch (message.op) {
    case 'activatePair': {
      const { pairId, startDate, actorId } = message.args;
      return (await activatePair({ pairId, startDate, actor: { id: actorId }, request: null })).id;
    }
    case 'acceptProposal': {
      const { pairId, actorId } = message.args;
      return (await acceptProposal({ pairId, actor: { id: actorId }, request: null })).id;
    }
    case 'proposePair': {
      const { participantId, volunteerId, actorId } = message.args;
      return (await proposePair({ participantId, volunteerId, actor: { id: actorId }, request: null })).id;
    }
    case 'createRunningPair': {
      // An instance whose own check passed on a read that the other instance's commit made
      // stale (PostgreSQL, READ COMMITTED): it writes the second running pair regardless.
      const { participantId, volunteerId, startDate } = message.args;
      return (await db.pair.create({ data: { participantId, volunteerId, status: 'ACTIVE', startDate, activatedAt: new Date() } })).id;
    }
    case 'enqueueEmails': {
      // Outside a transaction, as a job queueing one email at a time would.
      const errors: string[] = [];
      for (const key of message.args.keys) {
        await enqueueEmail(db, { to: message.args.to, template: 'pair-proposal', data: {}, language: 'nb', idempotencyKey: key }).catch(
          (error: unknown) => errors.push(describeError(error)),
        );
      }
      return errors;
    }
    case 'enqueueTexts': {
      const errors: string[] = [];
      for (const key of message.args.keys) {
        await enqueueParticipantText(db, {
          participantId: message.args.participantId,
          kind: 'OPT_IN_CONFIRMATION',
          body: 'Du får SMS fra Brobygger igjen.',
          idempotencyKey: key,
        }).catch((error: unknown) => errors.push(describeError(error)));
      }
      return errors;
    }
    case 'cachedViews': {
      const errors: string[] = [];
      for (const key of message.args.keys) {
        await cachedView(db, key, 60_000, () => Promise.resolve({ key })).catch((error: unknown) => errors.push(describeError(error)));
      }
      return errors;
    }
  }
}

async function main() {
  const lines = readline.createInterface({ input: process.stdin });
  const answer = (value: object) => process.stdout.write(`${JSON.stringify(value)}\n`);
  await db.user.count(); // connected before the first race
  answer({ ready: true });
  let pending: RaceOp | null = null;
  for await (const line of lines) {
    if (line === 'go' && pending) {
      const message = pending;
      pending = null;
      try {
        answer({ ok: true, value: await runRaceOp(message) });
      } catch (error) {
        answer({ ok: false, error: describeError(error) });
      }
    } else if (line === 'quit') {
      break;
    } else {
      pending = JSON.parse(line) as RaceOp;
      answer({ armed: true });
    }
  }
  await db.$disconnect();
}

if (process.argv[1]?.endsWith('race-instance.ts')) await main();
