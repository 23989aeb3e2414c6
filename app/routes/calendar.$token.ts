import type { LoaderFunctionArgs } from '@remix-run/node';
import { feedForToken } from '~/domain/meetings/calendar.server';
import { env } from '~/lib/env.server';
import { notFound } from '~/lib/permissions.server';

/** `/calendar/<token>.ics`: a volunteer's private feed; the token is the only key, so no sign-in. */
export async function loader({ params }: LoaderFunctionArgs) {
  const token = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(params.token ?? '')?.[1];
  if (!token) notFound();
  const body = await feedForToken(token, env().PUBLIC_URL);
  if (body === null) notFound();
  return new Response(body, {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, no-store' },
  });
}
