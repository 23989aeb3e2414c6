import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { closeSession } from '~/domain/users/sessions.server';
import { getUser } from '~/lib/auth.server';
import { redirectWithFlash } from '~/lib/flash.server';

export function loader() {
  return redirect('/');
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await getUser(request);
  const cookie = await closeSession(request, user?.id ?? null);
  return redirectWithFlash('/login', { kind: 'info', key: 'login.loggedOut' }, { headers: { 'Set-Cookie': cookie } });
}
