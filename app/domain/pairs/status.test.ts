import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNNING_PAIR_STATUSES, STARTED_PAIR_STATUSES } from '~/lib/permissions.server';
import { OPEN_PAIR_STATUSES } from '~/domain/volunteers/capacity';
import {
  canTransition,
  ONE_RUNNING_PAIR_INDEX,
  PAIR_STATUSES,
  PAIR_TRANSITIONS,
  RUNNING_PAIR_STATUSES as RUNNING_IN_DOMAIN,
} from './status';

describe('one running pair per participant', () => {
  it("is the same status set in the domain constant, the scopes' copy and the database's partial unique index (its newest definition)", () => {
    const migrations = path.resolve(import.meta.dirname, '../../../prisma/migrations');
    const pattern = new RegExp(
      `CREATE UNIQUE INDEX "${ONE_RUNNING_PAIR_INDEX}" ON "Pair"\\("participantId"\\) WHERE "status" IN \\(([^)]*)\\);`,
      'g',
    );
    const definitions = fs
      .readdirSync(migrations)
      .filter((name) => fs.existsSync(path.join(migrations, name, 'migration.sql')))
      .sort()
      .flatMap((name) => [...fs.readFileSync(path.join(migrations, name, 'migration.sql'), 'utf8').matchAll(pattern)]);
    const newest = definitions.at(-1);
    expect(newest).toBeDefined();
    const statuses = newest![1]!.split(',').map((status) => status.trim().replace(/^'|'$/g, ''));
    expect(statuses).toEqual([...RUNNING_IN_DOMAIN]);
    expect([...RUNNING_PAIR_STATUSES]).toEqual([...RUNNING_IN_DOMAIN]);
  });
});

describe('pair transitions', () => {
  it('lets an active pair go on hold and an on-hold pair resume', () => {
    expect(canTransition('ACTIVE', 'ON_HOLD')).toBe(true);
    expect(canTransition('ON_HOLD', 'ACTIVE')).toBe(true);
  });

  it('lets an active or on-hold pair end, and never reopens an ended pair', () => {
    expect(canTransition('ACTIVE', 'ENDED')).toBe(true);
    expect(canTransition('ON_HOLD', 'ENDED')).toBe(true);
    for (const to of PAIR_STATUSES) expect(canTransition('ENDED', to)).toBe(false);
  });

  it('puts on hold only a pair that started', () => {
    expect(canTransition('PROPOSED', 'ON_HOLD')).toBe(false);
    expect(canTransition('DECLINED', 'ON_HOLD')).toBe(false);
    expect(canTransition('WITHDRAWN', 'ON_HOLD')).toBe(false);
    expect(canTransition('ON_HOLD', 'ON_HOLD')).toBe(false);
    expect(canTransition('ON_HOLD', 'PROPOSED')).toBe(false);
  });

  it('names only known statuses in the table', () => {
    for (const [from, tos] of Object.entries(PAIR_TRANSITIONS)) {
      expect(PAIR_STATUSES).toContain(from);
      for (const to of tos) expect(PAIR_STATUSES).toContain(to);
    }
  });
});

describe('the pair status sets', () => {
  it('holds only known statuses, and running ones are those that can still end', () => {
    for (const status of [...RUNNING_PAIR_STATUSES, ...STARTED_PAIR_STATUSES, ...OPEN_PAIR_STATUSES])
      expect(PAIR_STATUSES).toContain(status);
    const canEnd = PAIR_STATUSES.filter((status) => canTransition(status, 'ENDED'));
    expect([...RUNNING_PAIR_STATUSES].sort()).toEqual([...canEnd].sort());
    expect([...STARTED_PAIR_STATUSES].sort()).toEqual([...RUNNING_PAIR_STATUSES, 'ENDED'].sort());
  });

  it('keeps the volunteer’s place while a pair is on hold', () => {
    expect(OPEN_PAIR_STATUSES).toContain('ON_HOLD');
    expect(OPEN_PAIR_STATUSES).toContain('PROPOSED');
  });
});
