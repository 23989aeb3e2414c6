/**
 * Values computed once per HTTP page view. Remix runs the root loader and the route's loaders
 * for one GET with separate Request objects, so the scope is opened per HTTP request by the
 * Express middleware below. Only GET and HEAD get a scope: a POST may change what was read
 * (an action signs out, then loaders run), so nothing is shared there.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';

const scope = new AsyncLocalStorage<Map<string, unknown>>();

export const requestScopeMiddleware: RequestHandler = (req, _res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD') scope.run(new Map(), next);
  else next();
};

/** `compute()` once per page view under `key`; outside a GET scope, every time. */
export function oncePerPageView<T>(key: string, compute: () => T): T {
  const store = scope.getStore();
  if (!store) return compute();
  if (!store.has(key)) store.set(key, compute());
  return store.get(key) as T;
}
