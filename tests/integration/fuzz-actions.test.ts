import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/lib/db.server';
import { FUZZ_TARGETS, fuzzProperties, NOT_FUZZED, type FuzzRun } from '../fuzz/form-actions';
import { routeModules } from '../support/access-world';

const RUNS = 1_000;

let runs: FuzzRun[];
beforeAll(async () => {
  runs = await fuzzProperties(db);
});

describe('fuzzing every form action', () => {
  it('covers every route with an action', async () => {
    const withAction: string[] = [];
    for (const { id, file } of routeModules()) {
      const module = (await import(file)) as { action?: unknown };
      if (module.action) withAction.push(id);
    }
    const missing = withAction.filter((id) => !(id in FUZZ_TARGETS) && !(id in NOT_FUZZED));
    expect(missing.map((id) => `add a fuzz target for route ${id} to tests/fuzz/form-actions.ts`)).toEqual([]);
  });

  for (const routeId of Object.keys(FUZZ_TARGETS)) {
    it(`${routeId}: never a 500, and a rejected input writes nothing (${RUNS} runs)`, async () => {
      const run = runs.find((candidate) => candidate.routeId === routeId)!;
      await fc.assert(run.property, { numRuns: RUNS });
    }, 300_000);
  }
});
