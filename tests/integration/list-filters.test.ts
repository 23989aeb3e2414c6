import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitingFiltersFromUrl, waitingListPage } from '~/domain/matching/waiting-list.server';
import { filtersFromUrl, listReferrals, referralFilterOptions } from '~/domain/referrals/referral-list.server';
import { currentTime, resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import type { Actor } from '~/lib/permissions.server';
import { roleSchema } from '~/lib/roles';
import { addDays, todayInOslo } from '~/lib/time';
import * as referralsRoute from '~/routes/referrals._index';
import * as matchingRoute from '~/routes/matching._index';
import { createParticipant, createUser } from '../../prisma/fixtures/factories';
import { call, getRequest, jsonOf, sessionCookieFor } from '../support/requests';

/** The filters, sorts and kept views of /referrals and /matching (#22). */

// A Thursday in autumn; nothing here depends on the machine's date.
beforeAll(() => setClock('2027-10-14T09:00:00Z', { running: true }));
afterAll(() => resetClock());

const asActor = (user: { id: string; role: string }): Actor => ({ id: user.id, role: roleSchema.parse(user.role) });
const unique = () => Math.random().toString(36).slice(2, 8);
const filters = (query: string) => filtersFromUrl(new URL(`http://localhost/referrals?${query}`));

describe('the referral list filters', () => {
  it('narrows by municipality, referring officer, office, release window and age, and sorts three ways', async () => {
    const tag = unique();
    const today = todayInOslo();
    const officer = await createUser(db, { role: 'PROBATION_OFFICER', name: `Olga ${tag}`, organisation: 'Friomsorgen Molde' });
    const other = await createUser(db, { role: 'PROBATION_OFFICER', name: `Per ${tag}` });
    const coordinator = asActor(await createUser(db, { role: 'COORDINATOR' }));
    const municipality = `Molde-${tag}`;
    const early = await createParticipant(db, {
      referrerId: officer.id,
      lastName: `Tidlig${tag}`,
      releaseMunicipality: municipality,
      expectedReleaseDate: addDays(today, 10),
      referralDate: addDays(today, -120),
      createdAt: new Date(currentTime().getTime() - 120 * 86_400_000),
    });
    const recent = await createParticipant(db, {
      referrerId: officer.id,
      lastName: `Ny${tag}`,
      releaseMunicipality: municipality,
      expectedReleaseDate: addDays(today, 200),
      referralDate: addDays(today, -3),
      createdAt: new Date(currentTime().getTime() - 3 * 86_400_000),
    });
    const theirs = await createParticipant(db, {
      referrerId: other.id,
      lastName: `Annen${tag}`,
      releaseMunicipality: municipality,
      expectedReleaseDate: addDays(today, 60),
      referralDate: addDays(today, -40),
      createdAt: new Date(currentTime().getTime() - 40 * 86_400_000),
    });
    await db.referral.updateMany({ where: { participantId: recent.id }, data: { office: `Molde kontor ${tag}` } });
    // A decided referral waits no longer: "waiting longest" puts it after the undecided.
    await db.referral.updateMany({ where: { participantId: early.id }, data: { decidedAt: currentTime(), decision: 'ACCEPTED' } });

    const ids = async (query: string, actor = coordinator) =>
      (await listReferrals(db, actor, filters(query))).map((row) => row.participantId);
    const m = `municipality=${encodeURIComponent(municipality)}`;
    expect(await ids(m)).toEqual([recent.id, theirs.id, early.id]); // newest first
    expect(await ids(`${m}&sort=release`)).toEqual([early.id, theirs.id, recent.id]);
    expect(await ids(`${m}&sort=waiting`)).toEqual([theirs.id, recent.id, early.id]);
    expect(await ids(`${m}&referrer=${other.id}`)).toEqual([theirs.id]);
    expect(await ids(`${m}&office=${encodeURIComponent(`Molde kontor ${tag}`)}`)).toEqual([recent.id]);
    expect(await ids(`${m}&release=next14`)).toEqual([early.id]);
    expect(await ids(`${m}&release=next90`)).toEqual([theirs.id, early.id]);
    expect(await ids(`${m}&age=week`)).toEqual([recent.id]);
    expect(await ids(`${m}&age=quarter`)).toEqual([recent.id, theirs.id]);
    expect(await ids(`${m}&age=older`)).toEqual([early.id]);
    // Unreadable values are no filter; an officer's filters never reach past their own referrals.
    expect(await ids(`${m}&age=ever&release=soon&sort=x`)).toEqual([recent.id, theirs.id, early.id]);
    expect(await ids(`${m}&referrer=${other.id}`, asActor(officer))).toEqual([]);

    const options = await referralFilterOptions(asActor(officer));
    expect(options.municipalities).toContain(municipality);
    expect(options.offices).toEqual([`Molde kontor ${tag}`]);
    expect(options.referrers).toEqual([{ id: officer.id, name: `Olga ${tag} (Friomsorgen Molde)` }]);
  });

  it('keeps the view: the bare list brings back the last one, the count is the rows that match, and reset forgets it', async () => {
    const tag = unique();
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
    for (let index = 0; index < 3; index++) {
      await createParticipant(db, { referrerId: officer.id, lastName: `Husk${tag}`, releaseMunicipality: `Ørsta-${tag}` });
    }
    const session = await sessionCookieFor(coordinator.id);
    const query = `municipality=${encodeURIComponent(`Ørsta-${tag}`)}&sort=release`;
    const first = await call(referralsRoute.loader, getRequest(`/referrals?${query}`, session));
    expect(first.status).toBe(200);
    const body = await jsonOf<{ total: number; referrals: unknown[] }>(first);
    expect(body.total).toBe(3);
    expect(body.referrals).toHaveLength(3);
    const kept = first.headers.get('set-cookie')!.split(';')[0]!;
    const cookie = `${session}; ${kept}`;

    const bare = await call(referralsRoute.loader, getRequest('/referrals', cookie));
    expect(bare.status).toBe(302);
    expect(bare.headers.get('location')).toBe(`/referrals?${query}`);
    // Another user on the same browser does not get it.
    const stranger = await sessionCookieFor((await createUser(db, { role: 'COORDINATOR' })).id);
    expect((await call(referralsRoute.loader, getRequest('/referrals', `${stranger}; ${kept}`))).status).toBe(200);

    const reset = await call(referralsRoute.loader, getRequest('/referrals?reset=1', cookie));
    expect(reset.headers.get('location')).toBe('/referrals');
    const forgotten = `${session}; ${reset.headers.get('set-cookie')!.split(';')[0]!}`;
    expect((await call(referralsRoute.loader, getRequest('/referrals', forgotten))).status).toBe(200);
  });
});

describe('the waiting list filters', () => {
  it('narrows the waiting list by prison, municipality, release window, language and interest, sorts by waiting time, and keeps its view', async () => {
    const tag = unique();
    const today = todayInOslo();
    const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
    const prison = `Ila-${tag}`;
    const base = { referrerId: officer.id, status: 'ACCEPTED' as const, prison };
    const soonLong = await createParticipant(db, {
      ...base,
      lastName: `A${tag}`,
      expectedReleaseDate: addDays(today, 20),
      languages: ['norsk', `tigrinja-${tag}`],
      interests: ['sjakk'],
      createdAt: new Date(currentTime().getTime() - 50 * 86_400_000),
    });
    const laterNew = await createParticipant(db, {
      ...base,
      lastName: `B${tag}`,
      expectedReleaseDate: addDays(today, 80),
      releaseMunicipality: `Bærum-${tag}`,
      interests: [`klatring-${tag}`],
      createdAt: new Date(currentTime().getTime() - 5 * 86_400_000),
    });
    const laterOld = await createParticipant(db, {
      ...base,
      lastName: `C${tag}`,
      expectedReleaseDate: addDays(today, 85),
      createdAt: new Date(currentTime().getTime() - 90 * 86_400_000),
    });
    const page = async (query: string) => {
      const list = await waitingListPage(waitingFiltersFromUrl(new URL(`http://localhost/matching?prison=${prison}&${query}`)));
      expect(list.total).toBe(list.waiting.length); // one page here: the count is the rows shown
      return list.waiting.map((row) => row.id);
    };
    expect(await page('')).toEqual([soonLong.id, laterNew.id, laterOld.id]); // release date first
    expect(await page('sort=waiting')).toEqual([laterOld.id, soonLong.id, laterNew.id]);
    expect(await page('release=next30')).toEqual([soonLong.id]);
    expect(await page(`municipality=Bærum-${tag}`)).toEqual([laterNew.id]);
    expect(await page(`language=tigrinja-${tag}`)).toEqual([soonLong.id]);
    expect(await page(`interest=klatring-${tag}`)).toEqual([laterNew.id]);
    const all = await waitingListPage(waitingFiltersFromUrl(new URL('http://localhost/matching')));
    expect(all.options.prisons).toContain(prison);
    expect(all.options.languages).toContain(`tigrinja-${tag}`);

    const coordinator = await sessionCookieFor((await createUser(db, { role: 'COORDINATOR' })).id);
    const first = await call(matchingRoute.loader, getRequest(`/matching?prison=${prison}&sort=waiting`, coordinator));
    expect((await jsonOf<{ total: number }>(first)).total).toBe(3);
    const cookie = `${coordinator}; ${first.headers.get('set-cookie')!.split(';')[0]!}`;
    const bare = await call(matchingRoute.loader, getRequest('/matching', cookie));
    expect(bare.headers.get('location')).toBe(`/matching?prison=${prison}&sort=waiting`);
  });
});
