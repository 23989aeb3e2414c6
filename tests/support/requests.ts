import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { db } from '~/lib/db.server';
import { createSession } from '~/lib/session.server';

const BASE = 'http://localhost:3000';

/** A signed-in cookie for a user, made the way the login action makes it. */
export async function sessionCookieFor(userId: string): Promise<string> {
  const setCookie = await createSession(db, userId, new Request(BASE));
  return setCookie.split(';')[0]!; // split always returns at least one part
}

export function getRequest(path: string, cookie?: string): Request {
  return new Request(`${BASE}${path}`, { headers: cookie ? { cookie } : {} });
}

export function postRequest(path: string, fields: Record<string, string | string[]>, cookie?: string): Request {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of ([] as string[]).concat(value)) body.append(key, item);
  }
  return new Request(`${BASE}${path}`, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-brobygger-client-ip': '127.0.0.1',
      ...(cookie ? { cookie } : {}),
    },
  });
}

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<Response> | Response;

/**
 * Calls a loader or action as Remix would and returns its Response, whether it returned or
 * threw one (guards throw redirects and 403/404s).
 */
export async function call(handler: (args: never) => unknown, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    const result = await (handler as Handler)({ request, params, context: {} });
    return result;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export async function jsonOf<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
