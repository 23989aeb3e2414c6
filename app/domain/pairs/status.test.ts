import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ONE_RUNNING_PAIR_INDEX, RUNNING_PAIR_STATUSES } from './status';

describe('one running pair per participant', () => {
  it("is the same status set in the domain constant and in the database's partial unique index", () => {
    const sql = fs.readFileSync(
      path.resolve(import.meta.dirname, '../../../prisma/migrations/20261203020000_one_open_pair/migration.sql'),
      'utf8',
    );
    const index = new RegExp(
      `CREATE UNIQUE INDEX "${ONE_RUNNING_PAIR_INDEX}" ON "Pair"\\("participantId"\\) WHERE "status" IN \\(([^)]*)\\);`,
    ).exec(sql);
    expect(index).not.toBeNull();
    const statuses = index![1]!.split(',').map((status) => status.trim().replace(/^'|'$/g, ''));
    expect(statuses).toEqual([...RUNNING_PAIR_STATUSES]);
  });
});
