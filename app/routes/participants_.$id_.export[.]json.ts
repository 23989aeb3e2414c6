import type { LoaderFunctionArgs } from '@remix-run/node';
import { participantExport } from '~/domain/privacy/export.server';
import { requireUser } from '~/lib/auth.server';
import { notFound } from '~/lib/permissions.server';
import { currentTime } from '~/lib/clock';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'participants:export' });
  const data = await participantExport(request, user, params.id ?? '');
  if (!data) notFound();
  const body = JSON.stringify(
    { exportedAt: currentTime().toISOString(), exportedBy: { id: user.id, name: user.name }, participant: data },
    null,
    2,
  );
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="brobygger-innsyn-${data.id}.json"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
