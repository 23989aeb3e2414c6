import { describe, expect, it } from 'vitest';
import { action as loginAction } from '~/routes/login';
import { action as logoutAction } from '~/routes/logout';
import { loader as dashboardLoader } from '~/routes/dashboard';
import { loader as meLoader } from '~/routes/me';
import { loader as indexLoader } from '~/routes/_index';
import { action as usersAction } from '~/routes/users';
import { db } from '~/lib/db.server';
import { createUser } from '../../prisma/fixtures/factories';
import { call, getRequest, postRequest, sessionCookieFor } from '../support/requests';
import { present } from '../support/present';

const PASSWORD = 'a long enough test password';

function cookieFrom(response: Response): string {
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!; // split always returns at least one part
}

describe('sign-in', () => {
  it('signs a coordinator in and sends them to /dashboard with a session cookie', async () => {
    const user = await createUser(db, { role: 'COORDINATOR', password: PASSWORD });
    const response = await call(loginAction, postRequest('/login', { email: user.email.toUpperCase(), password: PASSWORD }));
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/dashboard');
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^bb_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    // The cookie carries a random token; the database keeps only its hash.
    const sessions = await db.session.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
    expect(setCookie).not.toContain(sessions[0]?.id);
    const dashboard = await call(dashboardLoader, getRequest('/dashboard', cookieFrom(response)));
    expect(dashboard.status).toBe(200);
  });

  it('answers a wrong password with 400 and a message in the form, in Norwegian', async () => {
    const user = await createUser(db, { role: 'VOLUNTEER', password: PASSWORD });
    const response = await call(loginAction, postRequest('/login', { email: user.email, password: 'wrong password' }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } };
    expect(body.result.error['']).toEqual(['login.invalid']);
    expect(body.result.initialValue.email).toBe(user.email);
    expect(body.result.initialValue.password).toBeUndefined();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('refuses the 11th quick failure for one account, even with the right password', async () => {
    const user = await createUser(db, { role: 'VOLUNTEER', password: PASSWORD });
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const response = await call(loginAction, postRequest('/login', { email: user.email, password: `wrong-${attempt}` }));
      expect(response.status).toBe(400);
    }
    const refused = await call(loginAction, postRequest('/login', { email: user.email, password: PASSWORD }));
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as { result: { error: Record<string, string[]> } };
    expect(body.result.error['']?.[0]).toMatch(/^login\.rateLimited::\{"minutes":\d+\}$/);
  });

  it('ends the session at logout: the old cookie no longer works', async () => {
    const user = await createUser(db, { role: 'VOLUNTEER', password: PASSWORD });
    const cookie = await sessionCookieFor(user.id);
    expect((await call(meLoader, getRequest('/me', cookie))).status).toBe(200);
    const logout = await call(logoutAction, postRequest('/logout', {}, cookie));
    expect(logout.status).toBe(302);
    const after = await call(meLoader, getRequest('/me', cookie));
    expect(after.status).toBe(302);
    expect(after.headers.get('location')).toMatch(/^\/login\?redirectTo=%2Fme/);
  });

  it('gives a volunteer 403 on /dashboard and sends anonymous visitors from / to /login', async () => {
    const volunteer = await createUser(db, { role: 'VOLUNTEER' });
    const forbidden = await call(dashboardLoader, getRequest('/dashboard', await sessionCookieFor(volunteer.id)));
    expect(forbidden.status).toBe(403);
    const anonymous = await call(indexLoader, getRequest('/'));
    expect(anonymous.headers.get('location')).toBe('/login');
  });

  it('ends a deactivated user’s sessions at once', async () => {
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    const officer = await createUser(db, { role: 'PROBATION_OFFICER', name: 'Åse Ølstad' });
    const officerCookie = await sessionCookieFor(officer.id);
    const response = await call(
      usersAction,
      postRequest('/users', { intent: 'deactivate', userId: officer.id }, await sessionCookieFor(coordinator.id)),
    );
    expect(response.status).toBe(302);
    expect(await db.session.count({ where: { userId: officer.id } })).toBe(0);
    const after = await call(indexLoader, getRequest('/', officerCookie));
    expect(after.headers.get('location')).toBe('/login');
    const login = await call(loginAction, postRequest('/login', { email: officer.email, password: 'correct horse battery staple' }));
    expect(login.status).toBe(400);
  });

  it('checks at most 10 of 40 parallel wrong guesses for one account; the rest get 429 without a check', async () => {
    const user = await createUser(db, { role: 'VOLUNTEER', password: PASSWORD });
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        call(loginAction, fromAddress(postRequest('/login', { email: user.email, password: `wrong-${index}` }), '10.1.0.1')),
      ),
    );
    const statuses = responses.map((response) => response.status);
    // 400 is the domain's answer after the password was checked; 429 is given before it.
    expect(statuses.filter((status) => status === 400).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(30);
    expect(statuses.every((status) => status === 400 || status === 429)).toBe(true);
    expect(await db.rateLimitEvent.count({ where: { bucket: 'login:account', key: user.email } })).toBeLessThanOrEqual(10);
    // The burst and the attempts after it together get exactly ten checks, then the lock.
    let checked = statuses.filter((status) => status === 400).length;
    for (;;) {
      const next = await call(loginAction, fromAddress(postRequest('/login', { email: user.email, password: 'wrong again' }), '10.1.0.1'));
      if (next.status === 429) break;
      expect(next.status).toBe(400);
      checked += 1;
    }
    expect(checked).toBe(10);
    expect(
      (await call(loginAction, fromAddress(postRequest('/login', { email: user.email, password: PASSWORD }), '10.1.0.1'))).status,
    ).toBe(429);
  });

  it('checks at most 50 of 70 parallel wrong guesses from one address over many accounts', async () => {
    const users = await Promise.all(Array.from({ length: 7 }, () => createUser(db, { role: 'VOLUNTEER', password: PASSWORD })));
    const responses = await Promise.all(
      Array.from({ length: 70 }, (_, index) =>
        call(
          loginAction,
          fromAddress(postRequest('/login', { email: present(users[index % 7], 'a user').email, password: `wrong-${index}` }), '10.1.0.2'),
        ),
      ),
    );
    const checked = responses.filter((response) => response.status === 400).length;
    expect(checked).toBeLessThanOrEqual(50);
    expect(responses.every((response) => response.status === 400 || response.status === 429)).toBe(true);
    expect(await db.rateLimitEvent.count({ where: { bucket: 'login:ip', key: '10.1.0.2' } })).toBeLessThanOrEqual(50);
  });

  it('a successful sign-in gives back its place in the address window', async () => {
    const user = await createUser(db, { role: 'VOLUNTEER', password: PASSWORD });
    const response = await call(loginAction, fromAddress(postRequest('/login', { email: user.email, password: PASSWORD }), '10.1.0.3'));
    expect(response.status).toBe(302);
    expect(await db.rateLimitEvent.count({ where: { key: { in: ['10.1.0.3', user.email] } } })).toBe(0);
  });
});

describe('redirectTo after sign-in', () => {
  const cases: Array<[string, string]> = [
    ['/pairs?month=2026-03', '/pairs?month=2026-03'],
    ['/meetings/abc', '/meetings/abc'],
    ['//evil.example', '/me'],
    ['/\\evil.example', '/me'],
    ['/\t/evil.example', '/me'],
    ['/\n/evil.example', '/me'],
    ['/\r\nSet-Cookie: x=1', '/me'],
    ['/ø', '/me'],
    ['/\u2028/evil', '/me'],
    ['/%2f%2fevil.example', '/me'],
    ['/%5Cevil.example', '/me'],
    ['/a//evil.example', '/me'],
    ['/ x', '/me'],
    ['https://evil.example/', '/me'],
    ['me', '/me'],
    ['', '/me'],
  ];

  it.each(cases)('follows %j to %s, never a 500', async (redirectTo, expected) => {
    const user = await createUser(db, { role: 'VOLUNTEER', password: PASSWORD });
    const response = await call(
      loginAction,
      fromAddress(postRequest('/login', { email: user.email, password: PASSWORD, redirectTo }), '10.1.0.4'),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(expected);
  });

  it('passes only a safe target on to the second-factor step', async () => {
    const { safeRedirect } = await import('~/lib/auth.server');
    expect(safeRedirect('/\t/evil.example', '/dashboard')).toBe('/dashboard');
    expect(safeRedirect('/dashboard', '/me')).toBe('/dashboard');
    expect(safeRedirect(null, '/me')).toBe('/me');
  });
});

function fromAddress(request: Request, address: string): Request {
  request.headers.set('x-brobygger-client-ip', address);
  return request;
}
