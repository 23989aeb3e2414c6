import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import type { ClientLoaderFunctionArgs } from '@remix-run/react';
import { json } from '@remix-run/node';
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import type { ReactNode } from 'react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { HeaderSearch } from '~/components/search';
import { useNonce } from '~/components/nonce';
import { useLanguage, useT } from '~/components/use-translation';
import type { Role } from '~/lib/roles';
import { getUser } from '~/lib/auth.server';
import { env } from '~/lib/env.server';
import { can } from '~/lib/permissions.server';
import { readFlash } from '~/lib/flash.server';
import { isLanguage, type MessageKey } from '~/lib/i18n';
import { loadLanguage } from '~/lib/messages/dictionary';
import { resolveLanguage } from '~/lib/language.server';
import { metaLanguage, titleText } from '~/lib/page-title';
import stylesheet from '~/styles/app.css';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const language = await resolveLanguage(request, user);
  const { flash, clearHeader } = await readFlash(request);
  const canSearch = user ? can(user.role, 'search:use') : false;
  return json(
    { user, language, flash, demoMode: env().DEMO_MODE, canSearch },
    { headers: clearHeader ? { 'Set-Cookie': clearHeader } : undefined },
  );
}

/**
 * The page arrived with only the messages it showed (entry.server.tsx); before anything else
 * renders in the browser (a navigation, a form's reply, a language switch), the whole language.
 */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  try {
    const data = await serverLoader<typeof loader>();
    await loadLanguage(data.language);
    return data;
  } catch (error) {
    const lang = document.documentElement.lang;
    await loadLanguage(isLanguage(lang) ? lang : 'nb');
    throw error;
  }
}

interface NavItem {
  to: string;
  label: MessageKey;
  /** Shown in demo mode only. */
  demo?: boolean;
}

/**
 * Each role's menu: the daily work first, the rest behind a "More" disclosure (a native
 * <details>, so it opens without JavaScript and with the keyboard).
 */
const NAV: Record<Role, { daily: NavItem[]; more: NavItem[] }> = {
  COORDINATOR: {
    daily: [
      { to: '/dashboard', label: 'nav.dashboard' },
      { to: '/referrals', label: 'nav.referrals' },
      { to: '/matching', label: 'nav.matching' },
      { to: '/pairs', label: 'nav.pairs' },
      { to: '/volunteers', label: 'nav.volunteers' },
      { to: '/reports', label: 'nav.reports' },
    ],
    more: [
      { to: '/training', label: 'nav.training' },
      { to: '/settings', label: 'nav.settings' },
      { to: '/users', label: 'nav.users' },
      { to: '/audit', label: 'nav.audit' },
      { to: '/mailbox', label: 'nav.mailbox', demo: true },
      { to: '/texts', label: 'nav.texts', demo: true },
      { to: '/account', label: 'nav.account' },
    ],
  },
  VOLUNTEER: { daily: [{ to: '/me', label: 'nav.me' }], more: [{ to: '/account', label: 'nav.account' }] },
  PROBATION_OFFICER: { daily: [{ to: '/referrals', label: 'nav.referrals' }], more: [{ to: '/account', label: 'nav.account' }] },
};

function MainNav({ role, demoMode }: { role: Role; demoMode: boolean }) {
  const t = useT();
  const { pathname } = useLocation();
  const { daily, more } = NAV[role];
  const shown = more.filter((item) => demoMode || !item.demo);
  // A short "more" (the volunteer's and the officer's account) stays in the row.
  const grouped = shown.length > 1;
  const inMore = shown.some((item) => pathname === item.to || pathname.startsWith(`${item.to}/`));
  const link = (item: NavItem) => (
    <li key={item.to}>
      <NavLink to={item.to}>{t(item.label)}</NavLink>
    </li>
  );
  return (
    <nav aria-label={t('nav.main')} className="main-nav">
      <ul>
        {daily.map(link)}
        {grouped ? (
          <li className="main-nav__more">
            {/* Opened on a page of its own group, so the current page shows in the menu. */}
            <details open={inMore} key={inMore ? 'in' : 'out'}>
              <summary>{t('nav.more')}</summary>
              <ul>{shown.map(link)}</ul>
            </details>
          </li>
        ) : (
          shown.map(link)
        )}
      </ul>
    </nav>
  );
}

function LanguageSwitch({ current }: { current: 'nb' | 'en' }) {
  const location = useLocation();
  const other = current === 'nb' ? 'en' : 'nb';
  return (
    <Form method="post" action="/language" className="language-switch">
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <button type="submit" name="language" value={other} lang={other}>
        {other === 'en' ? 'English' : 'Norsk'}
      </button>
    </Form>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const t = useT();
  const language = useLanguage();
  const user = data?.user;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          {user ? <MainNav role={user.role} demoMode={data.demoMode} /> : null}
          {user && data.canSearch ? <HeaderSearch /> : null}
          <div className="header-tools">
            <LanguageSwitch current={language} />
            {user ? (
              <Form method="post" action="/logout">
                <span className="visually-hidden">{t('nav.signedInAs', { name: user.name })}</span>
                <button type="submit" className="button-link">
                  {t('nav.logout')}
                </button>
              </Form>
            ) : null}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {data?.flash ? (
          <p role="status" className={`flash flash--${data.flash.kind}`}>
            {t(data.flash.key, data.flash.params)}
          </p>
        ) : null}
        {children}
      </main>
    </>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const error = useRouteError();
  const language = useLanguage();
  const nonce = useNonce();
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {data ? null : <title>{titleText(language, 'app.name', error)}</title>}
        <Links />
      </head>
      <body>
        <Shell>{children}</Shell>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

// Each route titles itself (pageTitle); the root's own error page (no root data) is titled in Layout.
export const meta: MetaFunction = ({ data, matches, error }) =>
  data ? [{ title: error === undefined || error === null ? 'Brobygger' : titleText(metaLanguage(matches), 'app.name', error) }] : [];

// The root loader carries the one-time flash message and the signed-in user: it is read again
// on every navigation, so a flash disappears on the next page and a signed-out session shows.
export const shouldRevalidate = () => true;

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
