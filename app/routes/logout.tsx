import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { audit } from '~/lib/audit.server';
import { getUser } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { destroySession } from '~/lib/session.server';

export function loader() {
  return redirect('/');
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await getUser(request);
  const cookie = await destroySession(db, request);
  if (user) await audit(db, request, { actorId: user.id, action: 'SIGN_OUT', entityType: 'USER', entityId: user.id });
  return redirectWithFlash('/login', { kind: 'info', key: 'login.loggedOut' }, { headers: { 'Set-Cookie': cookie } });
}
