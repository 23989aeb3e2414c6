import { createCookie, redirect } from '@remix-run/node';
import { env } from './env.server';

/**
 * Each user's last view of a list (its filters, sorting and page), kept in one signed cookie
 * per browser and tied to the user who saved it, so a shared computer never shows one
 * coordinator's view to the next. Opening a list without a query string brings the saved view
 * back; `?reset=1` forgets it.
 */
const listViewCookie = createCookie('bb_lists', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secure: env().secureCookies,
  secrets: [env().SESSION_SECRET],
  maxAge: 180 * 24 * 60 * 60,
});

export type ListName = 'pairs' | 'volunteers' | 'referrals' | 'matching';

interface Saved {
  userId: string;
  views: Partial<Record<ListName, string>>;
}

/** A saved view is a query string; anything longer than this is not kept. */
const MAX_VIEW_LENGTH = 500;

async function readSaved(request: Request, userId: string): Promise<Saved> {
  const value: unknown = await listViewCookie.parse(request.headers.get('cookie'));
  if (value && typeof value === 'object' && 'userId' in value && value.userId === userId && 'views' in value) {
    const views = value.views;
    if (views && typeof views === 'object') return { userId, views: views };
  }
  return { userId, views: {} };
}

/**
 * The list's view for this request. Throws a redirect to the saved view when the list is
 * opened bare, or to the bare list after `?reset=1`; otherwise returns the headers that save
 * the request's view (none when it is already the saved one).
 */
export async function listView(request: Request, user: { id: string }, list: ListName): Promise<{ headers: Headers }> {
  const url = new URL(request.url);
  const saved = await readSaved(request, user.id);
  const headers = new Headers();
  const save = async (query: string) => {
    const views = { ...saved.views };
    if (query === '') delete views[list];
    else views[list] = query;
    headers.append('Set-Cookie', await listViewCookie.serialize({ userId: user.id, views }));
  };
  if (url.searchParams.has('reset')) {
    await save('');
    throw redirect(url.pathname, { headers });
  }
  // Remix's own parameters of a data request (a navigation in the browser) are no view.
  const params = new URLSearchParams(url.searchParams);
  params.delete('_data');
  params.delete('index');
  const query = params.toString();
  if (query === '') {
    const view = saved.views[list];
    if (view) throw redirect(`${url.pathname}?${view}`);
    return { headers };
  }
  if (query.length <= MAX_VIEW_LENGTH && saved.views[list] !== query) await save(query);
  return { headers };
}
