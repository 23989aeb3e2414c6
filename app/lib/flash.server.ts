import { createCookie, redirect } from '@remix-run/node';
import type { MessageKey } from './i18n';
import { env } from './env.server';

/** A one-time message shown on the next page after a successful action (Post/Redirect/Get). */
export interface Flash {
  kind: 'success' | 'info' | 'error';
  key: MessageKey;
  params?: Record<string, string | number>;
}

const flashCookie = createCookie('bb_flash', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secure: env().secureCookies,
  secrets: [env().SESSION_SECRET],
  maxAge: 60,
});

export async function readFlash(request: Request): Promise<{ flash: Flash | null; clearHeader: string | null }> {
  const value = (await flashCookie.parse(request.headers.get('cookie'))) as Flash | null;
  if (!value || typeof value !== 'object' || typeof value.key !== 'string') {
    return { flash: null, clearHeader: null };
  }
  return { flash: value, clearHeader: await flashCookie.serialize('', { maxAge: 0, expires: new Date(0) }) };
}

export async function redirectWithFlash(url: string, flash: Flash, init: { headers?: HeadersInit } = {}) {
  const headers = new Headers(init.headers);
  headers.append('Set-Cookie', await flashCookie.serialize(flash));
  return redirect(url, { headers });
}
