import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/lib/db.server';
import { createAccessWorld, routeModules, routeTarget, VISITORS, type AccessWorld, type Visitor } from '../support/access-world';
import { call, getRequest, postRequest, sessionCookieFor } from '../support/requests';
import { EXPECTATIONS, type Outcome } from './access-matrix.expectations';

const EXPECTATIONS_FILE = 'tests/integration/access-matrix.expectations.ts';

const routeFiles = routeModules();

function outcomeOf(response: Response): Exclude<Outcome, number> | number {
  if (response.status >= 200 && response.status < 300) return 'ok';
  if (response.status >= 300 && response.status < 400) {
    return (response.headers.get('location') ?? '').startsWith('/login') ? 'redirect-login' : 'redirect';
  }
  return response.status;
}

type Handler = (args: never) => unknown;
interface RouteModule {
  loader?: Handler;
  action?: Handler;
}

let world: AccessWorld;
beforeAll(async () => {
  world = await createAccessWorld(db);
});

async function cookieOf(visitor: Visitor): Promise<string | undefined> {
  // A fresh session per cell, so a write that signs out cannot spoil the next cell.
  return visitor === 'anonymous' ? undefined : sessionCookieFor(world.users[visitor]);
}

describe('access matrix', () => {
  it('has an expectation for every route module, loader and action', async () => {
    const problems: string[] = [];
    for (const { file, id } of routeFiles) {
      const expectation = EXPECTATIONS[id];
      if (!expectation) {
        problems.push(`add an expectation for route ${id} (${file}) to ${EXPECTATIONS_FILE}`);
        continue;
      }
      const module = (await import(file)) as RouteModule;
      for (const kind of ['loader', 'action'] as const) {
        if (module[kind] && !expectation[kind]) problems.push(`add an expectation for the ${kind} of route ${id} to ${EXPECTATIONS_FILE}`);
        if (!module[kind] && expectation[kind]) problems.push(`route ${id} has no ${kind}; remove its row from ${EXPECTATIONS_FILE}`);
      }
    }
    for (const id of Object.keys(EXPECTATIONS)) {
      if (!routeFiles.some((route) => route.id === id)) problems.push(`${EXPECTATIONS_FILE} names route ${id}, which no longer exists`);
    }
    expect(problems).toEqual([]);
  });

  it('answers every route, visitor, read and write as the table says, with no unexpected success', async () => {
    const mismatches: string[] = [];
    const unexpectedSuccess: string[] = [];
    let cells = 0;
    // Reads first, then writes, so a successful write cannot change what a read sees.
    for (const kind of ['loader', 'action'] as const) {
      for (const { file, id } of routeFiles) {
        const expectation = EXPECTATIONS[id];
        const handler = ((await import(file)) as RouteModule)[kind];
        const expected = expectation?.[kind];
        if (!handler || !expected) continue;
        const { url, params } = routeTarget(id, world, expectation.params);
        for (const [index, visitor] of VISITORS.entries()) {
          const cookie = await cookieOf(visitor);
          const request = kind === 'loader' ? getRequest(url, cookie) : postRequest(url, expectation.body ?? {}, cookie);
          const actual = outcomeOf(await call(handler, request, params));
          cells += 1;
          const want = expected[index];
          const label = `${kind === 'loader' ? 'GET ' : 'POST'} ${url} as ${visitor}`;
          if (actual !== want) mismatches.push(`${label}: expected ${want}, got ${actual}`);
          if ((actual === 'ok' || actual === 'redirect') && actual !== want) unexpectedSuccess.push(label);
        }
      }
    }
    expect(unexpectedSuccess, 'unexpected successful answers').toEqual([]);
    expect(mismatches).toEqual([]);
    expect(cells).toBeGreaterThan(300);
  });
});
