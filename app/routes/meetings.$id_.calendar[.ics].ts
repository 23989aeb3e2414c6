import type { LoaderFunctionArgs } from '@remix-run/node';
import { MEETING_SELECT, meetingsCalendar } from '~/domain/meetings/calendar.server';
import { requireUser } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { env } from '~/lib/env.server';
import { isLanguage } from '~/lib/i18n';
import { meetingScope, notFound } from '~/lib/permissions.server';

/** One meeting as an .ics file, with the same UID and SEQUENCE as in the private feed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'meetings:read' });
  const meeting = await db.meeting.findFirst({ where: { id: params.id ?? '', ...meetingScope(user) }, select: MEETING_SELECT });
  if (!meeting) notFound();
  const language = isLanguage(user.language) ? user.language : 'nb';
  const body = meetingsCalendar([meeting], language, env().PUBLIC_URL, 'Brobygger');
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="brobygger-${meeting.id}.ics"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
