import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { HOME_BY_ROLE } from '~/lib/roles';
import { getUser } from '~/lib/auth.server';

/** Sends each role to its home and anonymous visitors to the sign-in page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return redirect(user ? HOME_BY_ROLE[user.role] : '/login');
}
