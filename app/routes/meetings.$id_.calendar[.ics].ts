import type { LoaderFunctionArgs } from '@remix-run/node';
import { meetingCalendarFile } from '~/domain/meetings/calendar.server';
import { requireUser } from '~/lib/auth.server';
import { env } from '~/lib/env.server';
import { notFound } from '~/lib/permissions.server';

/** One meeting as an .ics file, with the same UID and SEQUENCE as in the private feed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'meetings:read' });
  const file = await meetingCalendarFile(user, params.id ?? '', env().PUBLIC_URL);
  if (!file) notFound();
  return new Response(file.body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="brobygger-${file.id}.ics"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
