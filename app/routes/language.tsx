import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { saveLanguage } from '~/domain/users/accounts.server';
import { getUser, safeRedirect } from '~/lib/auth.server';
import { isLanguage } from '~/lib/i18n';
import { languageCookie } from '~/lib/language.server';

export function loader() {
  return redirect('/');
}

/** Switches the UI language: remembered in a cookie, and on the account when signed in. */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const language = formData.get('language');
  const target = safeRedirect(formData.get('redirectTo'), '/');
  if (!isLanguage(language)) return redirect(target);
  const user = await getUser(request);
  if (user) await saveLanguage(user.id, language);
  return redirect(target, { headers: { 'Set-Cookie': await languageCookie.serialize(language) } });
}
