import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listReferrals } from '~/domain/referrals/referral-list.server';
import { roleSchema } from '~/lib/roles';
import { currentTime, resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { smtpTransport } from '~/lib/email-transport.server';
import { sendDueEmails } from '~/lib/outbox-sender.server';
import type { Actor } from '~/lib/permissions.server';
import { addDays, todayInOslo } from '~/lib/time';
import * as listRoute from '~/routes/referrals._index';
import { loader as referralLoader } from '~/routes/referrals.$id';
import { action as withdrawAction, loader as withdrawLoader } from '~/routes/referrals.$id_.withdraw';
import { createMeeting, createPair, createParticipant, createPlan, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { call, getRequest, jsonOf, postRequest, sessionCookieFor } from '../support/requests';
import { renderRoute } from '../support/render-route';
import { useSmtpServer } from '../support/smtp-server';
import { present } from '../support/present';

const smtp = useSmtpServer();

// A Wednesday in spring; nothing here depends on the machine's date.
beforeAll(() => setClock('2027-03-10T09:00:00Z', { running: true }));
afterAll(() => resetClock());

const asActor = (user: { id: string; role: string }): Actor => ({ id: user.id, role: roleSchema.parse(user.role) });

interface ListData {
  referrals: { id: string; participantName: string; status: string }[];
  total: number;
  page: number;
  pages: number;
  filters: Record<string, unknown>;
}

async function listAs(cookie: string, query = '') {
  const response = await call(listRoute.loader, getRequest(`/referrals${query}`, cookie));
  expect(response.status).toBe(200);
  return jsonOf<ListData>(response);
}

async function officerWithCookie(name?: string) {
  const officer = await createUser(db, { role: 'PROBATION_OFFICER', name, organisation: 'Kriminalomsorgen Trondheim' });
  return { officer, cookie: await sessionCookieFor(officer.id) };
}

async function referralOf(participantId: string) {
  return db.referral.findFirstOrThrow({ where: { participantId } });
}

const unique = () => Math.random().toString(36).slice(2, 8);

describe('the referral list at scale', () => {
  it('pages 120 referrals 50 at a time, newest first, without repeating or skipping one', async () => {
    const { officer, cookie } = await officerWithCookie();
    const start = currentTime().getTime() - 200 * 3_600_000;
    await db.$transaction(async (tx) => {
      for (let index = 0; index < 120; index++) {
        await createParticipant(tx, {
          referrerId: officer.id,
          firstName: 'Side',
          lastName: `Nummer-${String(index).padStart(3, '0')}`,
          createdAt: new Date(start + index * 3_600_000),
        });
      }
    });

    const first = await listAs(cookie);
    expect(first).toMatchObject({ total: 120, page: 1, pages: 3 });
    expect(first.referrals).toHaveLength(50);
    expect(first.referrals[0]?.participantName).toBe('Side Nummer-119');
    const second = await listAs(cookie, '?page=2');
    expect(second.referrals).toHaveLength(50);
    const third = await listAs(cookie, '?page=3');
    expect(third).toMatchObject({ page: 3, pages: 3 });
    expect(third.referrals).toHaveLength(20);
    expect(third.referrals.at(-1)!.participantName).toBe('Side Nummer-000');
    const all = [...first.referrals, ...second.referrals, ...third.referrals].map((row) => row.id);
    expect(new Set(all).size).toBe(120);

    // A page beyond the last shows the last; nonsense shows the first.
    expect((await listAs(cookie, '?page=99')).page).toBe(3);
    expect((await listAs(cookie, '?page=abc')).page).toBe(1);
  });

  it('finds part of a name in any case, æøå and composed or not, and only what the user may see', async () => {
    const tag = unique();
    const { officer: mine, cookie: mineCookie } = await officerWithCookie();
    const { officer: theirs, cookie: theirsCookie } = await officerWithCookie();
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    const coordinatorCookie = await sessionCookieFor(coordinator.id);
    const oyvind = await createParticipant(db, { referrerId: mine.id, firstName: 'Øyvind', lastName: `Bjørnæs${tag}` });
    const aase = await createParticipant(db, { referrerId: mine.id, firstName: 'Åse', lastName: `Ærlig${tag}`, status: 'ACCEPTED' });
    const other = await createParticipant(db, { referrerId: theirs.id, firstName: 'Åsmund', lastName: `Bjørnæs${tag}` });

    const names = (data: ListData) => data.referrals.map((row) => row.participantName).sort();
    expect(names(await listAs(coordinatorCookie, `?q=${encodeURIComponent(`BJØRNÆS${tag}`)}`))).toEqual(
      [`Øyvind Bjørnæs${tag}`, `Åsmund Bjørnæs${tag}`].sort(),
    );
    expect(names(await listAs(coordinatorCookie, `?q=${encodeURIComponent(`øyv bjørnæs${tag.toUpperCase()}`)}`))).toEqual([
      `Øyvind Bjørnæs${tag}`,
    ]);
    // Å typed as A + combining ring, and in capitals.
    expect(names(await listAs(coordinatorCookie, `?q=${encodeURIComponent(`A\u030ASE ærlig${tag}`)}`))).toEqual([`Åse Ærlig${tag}`]);
    // ø is not o.
    expect((await listAs(coordinatorCookie, `?q=${encodeURIComponent(`Oyvind Bjornaes${tag}`)}`)).total).toBe(0);

    // The officer searching the same name sees their own only; the other officer theirs only.
    const mineFound = await listAs(mineCookie, `?q=${encodeURIComponent(`bjørnæs${tag}`)}`);
    expect(mineFound.referrals.map((row) => row.id)).toEqual([(await referralOf(oyvind.id)).id]);
    expect(mineFound.total).toBe(1);
    expect((await listAs(theirsCookie, `?q=${encodeURIComponent(`bjørnæs${tag}`)}`)).referrals.map((row) => row.id)).toEqual([
      (await referralOf(other.id)).id,
    ]);
    expect((await listAs(theirsCookie, `?q=${encodeURIComponent(`ærlig${tag}`)}`)).total).toBe(0);
    // The scope holds in the query itself, not only in the route.
    expect(await listReferrals(db, asActor(theirs), { q: `Ærlig${tag}` })).toEqual([]);

    // Status filter, alone and with the search.
    expect(names(await listAs(mineCookie, `?status=ACCEPTED&q=${tag}`))).toEqual([`Åse Ærlig${tag}`]);
    expect(names(await listAs(mineCookie, `?status=REFERRED&q=${tag}`))).toEqual([`Øyvind Bjørnæs${tag}`]);
    const accepted = await listAs(mineCookie, '?status=ACCEPTED');
    expect(accepted.referrals.every((row) => row.status === 'ACCEPTED')).toBe(true);
    expect(accepted.referrals.map((row) => row.id)).toContain((await referralOf(aase.id)).id);

    // LIKE's wildcards are no patterns: "%" alone is no search at all, "%" inside splits words.
    expect((await listAs(coordinatorCookie, '?q=%25')).total).toBe((await listAs(coordinatorCookie)).total);
    expect(names(await listAs(coordinatorCookie, `?q=${encodeURIComponent(`øyv%bjørnæs${tag}`)}`))).toEqual([`Øyvind Bjørnæs${tag}`]);

    // A rename (here by hand, as any other write path would) is found by the new name only.
    await db.participant.update({ where: { id: oyvind.id }, data: { lastName: `Østerås${tag}` } });
    expect(names(await listAs(mineCookie, `?q=${encodeURIComponent(`østerås${tag}`)}`))).toEqual([`Øyvind Østerås${tag}`]);
    expect((await listAs(mineCookie, `?q=${encodeURIComponent(`bjørnæs${tag}`)}`)).total).toBe(0);
  });

  it('renders the search and filter in a GET form with labels, keeping the values, with the count and a pager that keeps them', async () => {
    const tag = unique();
    const { officer, cookie } = await officerWithCookie();
    await db.$transaction(async (tx) => {
      for (let index = 0; index < 55; index++) {
        await createParticipant(tx, { referrerId: officer.id, firstName: 'Ærlend', lastName: `Søk${tag}-${index}` });
      }
    });
    const query = `?q=${encodeURIComponent(`ærlend søk${tag}`)}&status=REFERRED`;
    const { status, html } = await renderRoute(getRequest(`/referrals${query}`, cookie), listRoute as never, 'referrals');
    expect(status).toBe(200);
    expect(html).toContain('<form method="get"');
    expect(html).toMatch(/<label for="filter-q">Søk etter navn<\/label><input id="filter-q" name="q" type="search"[^>]*value="ærlend søk/);
    expect(html).toMatch(/<option value="REFERRED" selected="">Henvist<\/option>/);
    expect(html).toContain('Henvisninger som passer: 55');
    expect(html).toContain('Side 1 av 2');
    expect(html).toContain(
      `href="/referrals?q=${encodeURIComponent(`ærlend søk${tag}`).replace(/%20/g, '+')}&amp;status=REFERRED&amp;page=2"`,
    );
  });
});

describe('the referrer sees what they submitted and may withdraw it while undecided', () => {
  async function setup() {
    const { officer, cookie } = await officerWithCookie('Ola Henviser');
    const coordinators = [
      await createUser(db, { role: 'COORDINATOR', language: 'nb' }),
      await createUser(db, { role: 'COORDINATOR', language: 'en' }),
    ];
    const participant = await createParticipant(db, {
      referrerId: officer.id,
      firstName: 'Ståle',
      lastName: `Øvrebø-${unique()}`,
      prison: 'Trondheim fengsel',
      prisonUnit: 'Avdeling C',
      expectedReleaseDate: addDays(todayInOslo(), 30),
      releaseMunicipality: 'Malvik',
      interests: ['sjakk', 'klatring'],
      languages: ['norsk', 'tigrinja'],
      needs: 'Trenger hjelp med gjeld.',
      programmes: [{ programme: 'KRIMFOKUS', status: 'ONGOING', startDate: addDays(todayInOslo(), -40) }],
    });
    await db.participant.update({
      where: { id: participant.id },
      data: { phone: '+4791234567', email: 'staale@example.no', volunteerWishes: 'Noen som liker sjakk' },
    });
    const referral = await referralOf(participant.id);
    return { officer, cookie, coordinators, participant, referral };
  }

  it('shows identity, contact, prison, release, wishes, needs, programmes, consent and plan — never the volunteer’s notes', async () => {
    const { officer, cookie, participant, referral } = await setup();
    await createPlan(db, {
      participantId: participant.id,
      createdById: officer.id,
      areas: [{ areaKey: 'HOUSING', future: 'Egen leilighet i Malvik', goods: ['AUTONOMY'] }],
    });
    const volunteer = await createVolunteer(db, {});
    const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, startDate: addDays(todayInOslo(), -20) });
    await createMeeting(db, {
      pairId: pair.id,
      startsAt: new Date(currentTime().getTime() - 5 * 86_400_000),
      log: { outcome: 'HELD', note: 'Hemmelig notat fra frivillig' },
    });

    const rendered = await renderRoute(
      getRequest(`/referrals/${referral.id}`, cookie),
      (await import('~/routes/referrals.$id')) as never,
      'referrals/:id',
    );
    expect(rendered.status).toBe(200);
    const html = rendered.html.replaceAll('<!-- -->', '');
    for (const text of [
      `Ståle ${participant.lastName}`,
      '912 34 567',
      'staale@example.no',
      'Trondheim fengsel, Avdeling C',
      'Malvik',
      'sjakk, klatring',
      'norsk, tigrinja',
      'Noen som liker sjakk',
      'Trenger hjelp med gjeld.',
      'Krimfokus – Pågår',
      'tatt imot av Kontaktbetjent',
      'Egen leilighet i Malvik',
      'Versjon 1',
    ]) {
      expect(html, text).toContain(text);
    }
    // Dates in words, no ISO dates and no enum codes.
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(html).not.toMatch(/>(KRIMFOKUS|ONGOING|REFERRED|HOUSING|AUTONOMY|MALE)</);
    expect(html).not.toContain('Hemmelig notat');
    expect(html).toContain(`href="/referrals/${referral.id}/withdraw"`);

    // Once the participant withdraws consent, the officer sees the status and no more.
    await db.consent.updateMany({ where: { participantId: participant.id }, data: { withdrawnAt: currentTime() } });
    const afterWithdrawal = await jsonOf<{ referral: { details: unknown; status: string } }>(
      await call(referralLoader, getRequest(`/referrals/${referral.id}`, cookie), { id: referral.id }),
    );
    expect(afterWithdrawal.referral).toMatchObject({ details: null, status: 'REFERRED' });
    expect(JSON.stringify(afterWithdrawal)).not.toContain('gjeld');
  });

  it('withdraws an undecided own referral after a reason and a confirmation, audits it and tells the coordinators by email', async () => {
    const { officer, cookie, coordinators, participant, referral } = await setup();
    const path = `/referrals/${referral.id}/withdraw`;
    const page = await jsonOf<{ referral: { mayWithdraw: boolean } }>(
      await call(withdrawLoader, getRequest(path, cookie), { id: referral.id }),
    );
    expect(page.referral.mayWithdraw).toBe(true);

    // Without a reason or without the tick nothing happens and the typed reason stays.
    const noReason = await call(withdrawAction, postRequest(path, { confirm: 'on' }, cookie), { id: referral.id });
    expect(noReason.status).toBe(400);
    expect((await jsonOf<{ result: { error: Record<string, string[]> } }>(noReason)).result.error.reason).toEqual(['form.required']);
    const noTick = await call(withdrawAction, postRequest(path, { reason: 'Ønsker ikke lenger' }, cookie), { id: referral.id });
    expect(noTick.status).toBe(400);
    const noTickReply = await jsonOf<{ result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } }>(noTick);
    expect(noTickReply.result.error.confirm).toEqual(['referralWithdraw.confirmRequired']);
    expect(noTickReply.result.initialValue.reason).toBe('Ønsker ikke lenger');
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).status).toBe('REFERRED');

    const done = await call(
      withdrawAction,
      postRequest(path, { reason: 'Deltakeren ønsker ikke lenger å delta.', confirm: 'on' }, cookie),
      {
        id: referral.id,
      },
    );
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe(`/referrals/${referral.id}`);
    const after = await db.participant.findUniqueOrThrow({
      where: { id: participant.id },
      include: { statusChanges: { orderBy: { createdAt: 'asc' } } },
    });
    expect(after.status).toBe('WITHDRAWN');
    expect(after.statusChanges.at(-1)).toMatchObject({
      fromStatus: 'REFERRED',
      toStatus: 'WITHDRAWN',
      reason: 'Deltakeren ønsker ikke lenger å delta.',
      changedById: officer.id,
    });
    const audits = await db.auditEvent.findMany({ where: { entityType: 'REFERRAL', entityId: referral.id, action: 'UPDATE' } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorId: officer.id,
      participantId: participant.id,
      detail: { from: 'REFERRED', to: 'WITHDRAWN', by: 'REFERRER' },
    });

    // The officer's own timeline shows their reason; the page no longer offers withdrawal.
    const view = await jsonOf<{ referral: { mayWithdraw: boolean; timeline: { status: string; reason: string | null }[] } }>(
      await call(referralLoader, getRequest(`/referrals/${referral.id}`, cookie), { id: referral.id }),
    );
    expect(view.referral.mayWithdraw).toBe(false);
    expect(view.referral.timeline.at(-1)).toEqual(
      expect.objectContaining({ status: 'WITHDRAWN', reason: 'Deltakeren ønsker ikke lenger å delta.' }),
    );

    const queued = await db.outboxEmail.findMany({ where: { template: 'referral-withdrawn', participantId: participant.id } });
    const active = await db.user.findMany({ where: { role: 'COORDINATOR', deactivatedAt: null } });
    expect(queued.map((email) => email.toAddress).sort()).toEqual(active.map((user) => user.email).sort());

    await sendDueEmails(db, smtpTransport(smtp.url, 'Brobygger <noreply@brobygger.example>'), {
      owner: 'test',
      publicUrl: 'http://localhost:3000',
      now: currentTime,
    });
    const [nb] = await smtp.waitFor(
      (mail) => mail.to.includes(present(coordinators[0], 'a coordinator').email) && mail.subject === 'En henvisning er trukket tilbake',
    );
    const [en] = await smtp.waitFor(
      (mail) =>
        mail.to.includes(present(coordinators[1], 'a second coordinator').email) && mail.subject === 'A referral has been withdrawn',
    );
    for (const mail of [nb, en]) {
      expect(mail?.text).toContain(`/referrals/${referral.id}`);
      expect(mail?.text).not.toContain(participant.lastName);
      expect(mail?.text).not.toContain('ønsker ikke lenger');
      expect(mail?.text).not.toContain('Trondheim fengsel');
    }

    // Withdrawn is final: a second try changes nothing.
    const again = await call(withdrawAction, postRequest(path, { reason: 'Igjen', confirm: 'on' }, cookie), { id: referral.id });
    expect(again.status).toBe(409);
    expect(await db.participantStatusChange.count({ where: { participantId: participant.id, toStatus: 'WITHDRAWN' } })).toBe(1);
  });

  it('refuses a decided referral with a message and no write, another officer’s with 404, the coordinator with 403', async () => {
    const { cookie, participant, referral } = await setup();
    await db.participant.update({ where: { id: participant.id }, data: { status: 'ACCEPTED' } });
    const path = `/referrals/${referral.id}/withdraw`;
    const page = await jsonOf<{ referral: { mayWithdraw: boolean } }>(
      await call(withdrawLoader, getRequest(path, cookie), { id: referral.id }),
    );
    expect(page.referral.mayWithdraw).toBe(false);
    const { html } = await renderRoute(
      getRequest(path, cookie),
      (await import('~/routes/referrals.$id_.withdraw')) as never,
      'referrals/:id/withdraw',
    );
    expect(html).toContain('Henvisningen er allerede vurdert og kan ikke trekkes tilbake her.');
    expect(html).not.toContain('<textarea');

    const auditsBefore = await db.auditEvent.count({ where: { participantId: participant.id, action: 'UPDATE' } });
    const refused = await call(withdrawAction, postRequest(path, { reason: 'Feil', confirm: 'on' }, cookie), { id: referral.id });
    expect(refused.status).toBe(409);
    expect((await jsonOf<{ result: { error: Record<string, string[]> } }>(refused)).result.error['']).toEqual([
      'referralWithdraw.notWithdrawable',
    ]);
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).status).toBe('ACCEPTED');
    expect(await db.auditEvent.count({ where: { participantId: participant.id, action: 'UPDATE' } })).toBe(auditsBefore);
    expect(await db.outboxEmail.count({ where: { participantId: participant.id, template: 'referral-withdrawn' } })).toBe(0);

    const { cookie: strangerCookie } = await officerWithCookie();
    const fresh = await setup();
    const strangerPath = `/referrals/${fresh.referral.id}/withdraw`;
    expect((await call(withdrawLoader, getRequest(strangerPath, strangerCookie), { id: fresh.referral.id })).status).toBe(404);
    const strangerPost = await call(withdrawAction, postRequest(strangerPath, { reason: 'Feil', confirm: 'on' }, strangerCookie), {
      id: fresh.referral.id,
    });
    expect(strangerPost.status).toBe(404);
    expect((await db.participant.findUniqueOrThrow({ where: { id: fresh.participant.id } })).status).toBe('REFERRED');

    const coordinatorCookie = await sessionCookieFor(present(fresh.coordinators[0], 'a coordinator').id);
    expect(
      (
        await call(withdrawAction, postRequest(strangerPath, { reason: 'Feil', confirm: 'on' }, coordinatorCookie), {
          id: fresh.referral.id,
        })
      ).status,
    ).toBe(403);
    expect((await db.participant.findUniqueOrThrow({ where: { id: fresh.participant.id } })).status).toBe('REFERRED');
  });
});
