import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { checkSecondFactor } from '~/domain/privacy/two-factor.server';
import { createInvitation } from '~/domain/users/invitations.server';
import { db } from '~/lib/db.server';
import { env } from '~/lib/env.server';
import { hashRecoveryCode } from '~/domain/privacy/two-factor';
import { createSession, findSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '~/lib/session.server';
import { action as accountAction, loader as accountLoader } from '~/routes/account';
import { action as setupAction, loader as setupLoader } from '~/routes/account_.two-factor';
import { loader as dashboardLoader } from '~/routes/dashboard';
import { action as inviteAction } from '~/routes/invite.$token';
import { action as loginAction } from '~/routes/login';
import { action as stepAction, loader as stepLoader } from '~/routes/login_.two-factor';
import { loader as meLoader } from '~/routes/me';
import { createUser } from '../../prisma/fixtures/factories';
import { call, getRequest, jsonOf, postRequest, sessionCookieFor } from '../support/requests';
import { present } from '../support/present';

const PASSWORD = 'a long enough test password';
const MINUTE = 60_000;

function cookieFrom(response: Response): string {
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!; // split always returns at least one part
}

function codeAt(secret: string, email: string, at: Date): string {
  return new TOTP({ label: email, secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
}

/** A request carrying a cookie made by createSession at a given (moved) time. */
async function sessionAt(userId: string, at: Date) {
  const setCookie = await createSession(db, userId, new Request('http://localhost:3000'), at);
  return getRequest('/', setCookie.split(';')[0]);
}

describe('session timeouts (moved clock)', () => {
  it('ends a session after 30 minutes without use', async () => {
    const user = await createUser(db, { role: 'VOLUNTEER' });
    const t0 = new Date('2026-11-02T08:00:00Z');
    const request = await sessionAt(user.id, t0);
    expect(await findSession(db, request, new Date(t0.getTime() + 29 * MINUTE))).not.toBeNull();
    // Used at 29 minutes, so idle counts from there.
    expect(await findSession(db, request, new Date(t0.getTime() + 58 * MINUTE))).not.toBeNull();
    expect(await findSession(db, request, new Date(t0.getTime() + 58 * MINUTE + SESSION_IDLE_MS + 1000))).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('ends a session 12 hours after sign-in even when it is used all the time', async () => {
    const user = await createUser(db, { role: 'VOLUNTEER' });
    const t0 = new Date('2026-11-02T06:00:00Z');
    const request = await sessionAt(user.id, t0);
    let at = t0.getTime();
    while (at + 20 * MINUTE < t0.getTime() + SESSION_ABSOLUTE_MS) {
      at += 20 * MINUTE;
      expect(await findSession(db, request, new Date(at))).not.toBeNull();
    }
    expect(await findSession(db, request, new Date(t0.getTime() + SESSION_ABSOLUTE_MS + MINUTE))).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe('sign out everywhere', () => {
  it('ends every session of the user, and only theirs', async () => {
    const user = await createUser(db, { role: 'PROBATION_OFFICER' });
    const other = await createUser(db, { role: 'PROBATION_OFFICER' });
    const laptop = await sessionCookieFor(user.id);
    const phone = await sessionCookieFor(user.id);
    const otherCookie = await sessionCookieFor(other.id);
    const response = await call(accountAction, postRequest('/account', { intent: 'sign-out-everywhere' }, laptop));
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/login');
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await call(accountLoader, getRequest('/account', phone))).status).toBe(302);
    expect((await call(accountLoader, getRequest('/account', otherCookie))).status).toBe(200);
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: 'SIGN_OUT' } })).toBe(1);
  });
});

describe('two-factor sign-in for coordinators', () => {
  async function enable(coordinator: { id: string; email: string }, cookie: string) {
    const setup = await jsonOf<{ pending: { secret: string; qrDataUrl: string } }>(
      await call(setupLoader, getRequest('/account/two-factor', cookie)),
    );
    expect(setup.pending.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const wrong = await call(setupAction, postRequest('/account/two-factor', { intent: 'enable', code: '000000' }, cookie));
    expect(wrong.status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: coordinator.id } })).totpEnabledAt).toBeNull();
    const usedCode = codeAt(setup.pending.secret, coordinator.email, new Date());
    const response = await call(setupAction, postRequest('/account/two-factor', { intent: 'enable', code: usedCode }, cookie));
    expect(response.status).toBe(200);
    const { recoveryCodes } = await jsonOf<{ recoveryCodes: string[] }>(response);
    return { secret: setup.pending.secret, recoveryCodes, usedCode };
  }

  it('enables TOTP with a code, stores recovery codes hashed, and asks for it at the next sign-in', async () => {
    const coordinator = await createUser(db, { role: 'COORDINATOR', password: PASSWORD });
    const { secret, recoveryCodes, usedCode } = await enable(coordinator, await sessionCookieFor(coordinator.id));
    const recoveryCode = present(recoveryCodes[0], 'a recovery code');
    expect(recoveryCodes).toHaveLength(10);
    const row = await db.user.findUniqueOrThrow({ where: { id: coordinator.id } });
    expect(row.totpEnabledAt).not.toBeNull();
    expect(row.recoveryCodes).toEqual(recoveryCodes.map(hashRecoveryCode));
    expect(JSON.stringify(row.recoveryCodes)).not.toContain(recoveryCode);
    expect(await db.auditEvent.count({ where: { actorId: coordinator.id, detail: { equals: { twoFactor: 'enabled' } } } })).toBe(1);

    const login = await call(loginAction, postRequest('/login', { email: coordinator.email, password: PASSWORD }));
    expect(login.headers.get('location')).toBe('/login/two-factor?redirectTo=%2Fdashboard');
    const cookie = cookieFrom(login);
    // Until the second factor is passed, only the step is reachable.
    const blocked = await call(dashboardLoader, getRequest('/dashboard', cookie));
    expect(blocked.headers.get('location')).toBe('/login/two-factor');
    expect((await call(stepLoader, getRequest('/login/two-factor', cookie))).status).toBe(200);

    const wrong = await call(stepAction, postRequest('/login/two-factor', { code: '123456' }, cookie));
    expect(wrong.status).toBe(400);
    // The code used to enable it cannot be replayed.
    const replay = await call(stepAction, postRequest('/login/two-factor', { code: usedCode }, cookie));
    expect(replay.status).toBe(400);

    const passed = await call(
      stepAction,
      postRequest('/login/two-factor', { code: recoveryCode.toUpperCase(), redirectTo: '/dashboard' }, cookie),
    );
    expect(passed.status).toBe(302);
    expect(passed.headers.get('location')).toBe('/dashboard');
    expect((await call(dashboardLoader, getRequest('/dashboard', cookie))).status).toBe(200);
    const session = await db.session.findFirstOrThrow({ where: { userId: coordinator.id, verifiedAt: { not: null } } });
    expect(session.verifiedAt).not.toBeNull();
    expect(((await db.user.findUniqueOrThrow({ where: { id: coordinator.id } })).recoveryCodes as string[]).length).toBe(9);

    // A recovery code works once; a fresh TOTP code (next time step) works.
    const again = cookieFrom(await call(loginAction, postRequest('/login', { email: coordinator.email, password: PASSWORD })));
    expect((await call(stepAction, postRequest('/login/two-factor', { code: recoveryCode }, again))).status).toBe(400);
    const later = new Date(Date.now() + 90_000);
    expect(await checkSecondFactor(coordinator.id, codeAt(secret, coordinator.email, later), later)).toMatchObject({
      ok: true,
      method: 'totp',
    });
  });

  it('locks the step after five wrong codes', async () => {
    const coordinator = await createUser(db, { role: 'COORDINATOR', password: PASSWORD });
    const { recoveryCodes } = await enable(coordinator, await sessionCookieFor(coordinator.id));
    const cookie = cookieFrom(await call(loginAction, postRequest('/login', { email: coordinator.email, password: PASSWORD })));
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await call(stepAction, postRequest('/login/two-factor', { code: 'aaaa-bbbb-cccc' }, cookie))).status).toBe(400);
    }
    expect(
      (await call(stepAction, postRequest('/login/two-factor', { code: present(recoveryCodes[1], 'a second recovery code') }, cookie)))
        .status,
    ).toBe(429);
  });

  it('makes a coordinator set up the second factor first outside demo mode; the demo mode sign-in stays password only', async () => {
    const coordinator = await createUser(db, { role: 'COORDINATOR', password: PASSWORD });
    const volunteer = await createUser(db, { role: 'VOLUNTEER', password: PASSWORD });
    const demoLogin = await call(loginAction, postRequest('/login', { email: coordinator.email, password: PASSWORD }));
    expect(demoLogin.headers.get('location')).toBe('/dashboard');
    const settings = env();
    settings.DEMO_MODE = false;
    try {
      const login = await call(loginAction, postRequest('/login', { email: coordinator.email, password: PASSWORD }));
      expect(login.headers.get('location')).toBe('/account/two-factor');
      const cookie = cookieFrom(login);
      expect((await call(dashboardLoader, getRequest('/dashboard', cookie))).headers.get('location')).toBe('/account/two-factor');
      expect((await call(setupLoader, getRequest('/account/two-factor', cookie))).status).toBe(200);
      // The earlier demo-mode session is held back the same way.
      expect((await call(dashboardLoader, getRequest('/dashboard', cookieFrom(demoLogin)))).status).toBe(302);
      const volunteerLogin = await call(loginAction, postRequest('/login', { email: volunteer.email, password: PASSWORD }));
      expect(volunteerLogin.headers.get('location')).toBe('/me');
      expect((await call(meLoader, getRequest('/me', cookieFrom(volunteerLogin)))).status).toBe(200);
    } finally {
      settings.DEMO_MODE = true;
    }
  });
});

describe('common passwords are refused wherever a password is set', () => {
  it('refuses one at an invitation and creates no account', async () => {
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    const invitation = await createInvitation(db, null, {
      email: 'ny.frivillig@example.no',
      role: 'VOLUNTEER',
      language: 'nb',
      invitedById: coordinator.id,
    });
    const email = await db.outboxEmail.findFirstOrThrow({ where: { idempotencyKey: `invitation:${invitation.id}` } });
    const token = (email.data as { token: string }).token;
    for (const [password, key] of [
      ['passwordpassword1', 'privacy.password.common'],
      ['ny.frivillig-2026!', 'privacy.password.containsEmail'],
    ] as const) {
      const refused = await call(inviteAction, postRequest(`/invite/${token}`, { name: 'Ny Frivillig', password, confirm: password }), {
        token,
      });
      expect(refused.status).toBe(400);
      const body = await jsonOf<{ result: { error: Record<string, string[]> } }>(refused);
      expect(body.result.error.password).toEqual([key]);
    }
    expect(await db.user.count({ where: { email: 'ny.frivillig@example.no' } })).toBe(0);
    const accepted = await call(
      inviteAction,
      postRequest(`/invite/${token}`, {
        name: 'Ny Frivillig',
        password: 'syv grønne sykler i snøen',
        confirm: 'syv grønne sykler i snøen',
      }),
      { token },
    );
    expect(accepted.status).toBe(302);
    expect(await db.user.count({ where: { email: 'ny.frivillig@example.no' } })).toBe(1);
  });

  it('changes the password on /account only to a good one, with the current password, ending other sessions', async () => {
    const user = await createUser(db, { role: 'PROBATION_OFFICER', password: PASSWORD });
    const cookie = await sessionCookieFor(user.id);
    const otherDevice = await sessionCookieFor(user.id);
    const before = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    const common = await call(
      accountAction,
      postRequest(
        '/account',
        { intent: 'password', currentPassword: PASSWORD, password: 'iloveyou123456', confirm: 'iloveyou123456' },
        cookie,
      ),
    );
    expect(common.status).toBe(400);
    expect((await jsonOf<{ result: { error: Record<string, string[]> } }>(common)).result.error.password).toEqual([
      'privacy.password.common',
    ]);
    const wrongCurrent = await call(
      accountAction,
      postRequest(
        '/account',
        { intent: 'password', currentPassword: 'not it', password: 'en helt ny setning her', confirm: 'en helt ny setning her' },
        cookie,
      ),
    );
    expect(wrongCurrent.status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(before);
    const changed = await call(
      accountAction,
      postRequest(
        '/account',
        { intent: 'password', currentPassword: PASSWORD, password: 'en helt ny setning her', confirm: 'en helt ny setning her' },
        cookie,
      ),
    );
    expect(changed.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).not.toBe(before);
    expect((await call(accountLoader, getRequest('/account', cookie))).status).toBe(200);
    expect((await call(accountLoader, getRequest('/account', otherDevice))).status).toBe(302);
    const login = await call(loginAction, postRequest('/login', { email: user.email, password: 'en helt ny setning her' }));
    expect(login.status).toBe(302);
  });
});
