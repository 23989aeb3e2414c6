import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { Prisma } from '~/generated/prisma/client';
import { participantScope, participantScopeSql, referralScope, referralScopeSql, type Actor } from '~/lib/permissions.server';
import { queryRows } from '~/lib/sql.server';
import { z } from 'zod';
import { loader as searchLoader } from '~/routes/search';
import type { SearchData } from '~/components/search';
import { createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { call, getRequest, jsonOf, sessionCookieFor } from '../support/requests';

// Nothing here depends on the machine's date.
beforeAll(() => setClock('2027-03-10T09:00:00Z', { running: true }));
afterAll(() => resetClock());

async function searchAs(cookie: string, query: string, preview = false) {
  const params = new URLSearchParams({ q: query, ...(preview ? { preview: '1' } : {}) });
  const response = await call(searchLoader, getRequest(`/search?${params.toString()}`, cookie));
  expect(response.status).toBe(200);
  return jsonOf<SearchData>(response);
}

let coordinatorCookie: string;
let officerCookie: string;
let otherOfficerCookie: string;
let volunteerCookie: string;
const actors: Actor[] = [];
const ids: Record<string, string> = {};

beforeAll(async () => {
  const coordinator = await createUser(db, { role: 'COORDINATOR' });
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const otherOfficer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const volunteerUser = await createUser(db, { role: 'VOLUNTEER' });
  coordinatorCookie = await sessionCookieFor(coordinator.id);
  officerCookie = await sessionCookieFor(officer.id);
  otherOfficerCookie = await sessionCookieFor(otherOfficer.id);
  volunteerCookie = await sessionCookieFor(volunteerUser.id);
  actors.push(
    { id: coordinator.id, role: 'COORDINATOR' },
    { id: officer.id, role: 'PROBATION_OFFICER' },
    { id: otherOfficer.id, role: 'PROBATION_OFFICER' },
    { id: volunteerUser.id, role: 'VOLUNTEER' },
  );

  const own = await createParticipant(db, {
    referrerId: officer.id,
    firstName: 'Åsmund André',
    lastName: 'Zyxwøe',
    prison: 'Bjørgvin fengsel',
    releaseMunicipality: 'Stjørdal',
  });
  const others = await createParticipant(db, {
    referrerId: otherOfficer.id,
    firstName: 'Ørnulf',
    lastName: 'Zyxwåe',
    prison: 'Trondheim fengsel',
    releaseMunicipality: 'Malvik',
  });
  const volunteer = await createVolunteer(db, {
    firstName: 'Müller',
    lastName: 'Qvistjord',
    municipality: 'Malvik',
    userId: volunteerUser.id,
  });
  const pair = await createPair(db, { participantId: others.id, volunteerId: volunteer.id, startDate: '2027-01-15' });
  ids.own = own.id;
  ids.others = others.id;
  ids.volunteer = volunteer.id;
  ids.pair = pair.id;
  ids.ownReferral = (await db.referral.findFirstOrThrow({ where: { participantId: own.id } })).id;
  ids.othersReferral = (await db.referral.findFirstOrThrow({ where: { participantId: others.id } })).id;
});

describe('the one search', () => {
  it('finds a participant by part of a name in any case and without accents, with their referral', async () => {
    for (const query of ['zyxwø', 'ZYXWØE', 'andre zyx', 'ANDRÉ', '  åsmund   zyxw ']) {
      const data = await searchAs(coordinatorCookie, query);
      expect(
        data.hits.participants.map((hit) => hit.id),
        query,
      ).toEqual([ids.own]);
      expect(
        data.hits.referrals.map((hit) => hit.id),
        query,
      ).toEqual([ids.ownReferral]);
    }
    // ø, å and æ are letters of their own: "zyxwoe" is not "zyxwøe".
    expect((await searchAs(coordinatorCookie, 'zyxwoe')).hits.participants).toEqual([]);
    expect((await searchAs(coordinatorCookie, 'asmund')).hits.participants).toEqual([]);
  });

  it('finds by municipality and prison, and pairs and volunteers by either name', async () => {
    const byPrison = await searchAs(coordinatorCookie, 'bjørgvin');
    expect(byPrison.hits.participants.map((hit) => hit.id)).toContain(ids.own);
    expect(byPrison.hits.participants.map((hit) => hit.id)).not.toContain(ids.others);

    const byMunicipality = await searchAs(coordinatorCookie, 'STJØR');
    expect(byMunicipality.hits.participants.map((hit) => hit.id)).toEqual([ids.own]);

    const words = await searchAs(coordinatorCookie, 'zyxw malvik');
    expect(words.hits.participants.map((hit) => hit.id)).toEqual([ids.others]);

    const byVolunteer = await searchAs(coordinatorCookie, 'muller qvist');
    expect(byVolunteer.hits.volunteers.map((hit) => hit.id)).toEqual([ids.volunteer]);
    expect(byVolunteer.hits.pairs).toEqual([
      expect.objectContaining({ id: ids.pair, participantName: 'Ørnulf Zyxwåe', volunteerName: 'Müller Qvistjord', status: 'ACTIVE' }),
    ]);
    expect(byVolunteer.kinds).toEqual(['participants', 'referrals', 'pairs', 'volunteers']);
  });

  it('shows an officer their own referrals only, and nothing else', async () => {
    const data = await searchAs(officerCookie, 'zyxw');
    expect(data.kinds).toEqual(['referrals']);
    expect(data.hits.referrals.map((hit) => hit.id)).toEqual([ids.ownReferral]);
    expect(data.hits.participants).toEqual([]);
    expect(data.hits.pairs).toEqual([]);
    expect(data.hits.volunteers).toEqual([]);

    const other = await searchAs(otherOfficerCookie, 'zyxw');
    expect(other.hits.referrals.map((hit) => hit.id)).toEqual([ids.othersReferral]);
    // Not even by the volunteer's name or the other officer's prison.
    expect((await searchAs(officerCookie, 'qvistjord')).hits.referrals).toEqual([]);
    expect((await searchAs(officerCookie, 'trondheim fengsel')).hits.referrals).toEqual([]);
  });

  it('refuses volunteers', async () => {
    const response = await call(searchLoader, getRequest('/search?q=zyxw', volunteerCookie));
    expect(response.status).toBe(403);
  });

  it('finds a renamed person by the new name only, and limits the preview', async () => {
    await db.participant.update({ where: { id: ids.own }, data: { lastName: 'Zyxwnytt' } });
    expect((await searchAs(coordinatorCookie, 'zyxwøe')).hits.participants).toEqual([]);
    expect((await searchAs(coordinatorCookie, 'zyxwnytt')).hits.participants.map((hit) => hit.id)).toEqual([ids.own]);

    const officer = await db.user.findFirstOrThrow({ where: { role: 'PROBATION_OFFICER' } });
    await db.$transaction(async (tx) => {
      for (let index = 0; index < 6; index++) {
        await createParticipant(tx, { referrerId: officer.id, firstName: 'Mange', lastName: `Prøvesen-${index}` });
      }
    });
    const preview = await searchAs(coordinatorCookie, 'prøvesen', true);
    expect(preview.hits.participants).toHaveLength(preview.limit);
    expect(preview.more).toContain('participants');
    const page = await searchAs(coordinatorCookie, 'prøvesen');
    expect(page.hits.participants).toHaveLength(6);
    expect(page.more).not.toContain('participants');
  });

  it('finds a prison or municipality that appeared after the last search', async () => {
    expect((await searchAs(coordinatorCookie, 'qoppa')).hits.participants).toEqual([]);
    const officer = await db.user.findFirstOrThrow({ where: { role: 'PROBATION_OFFICER' } });
    const newcomer = await createParticipant(db, { referrerId: officer.id, prison: 'Qoppavik fengsel', releaseMunicipality: 'Qoppaby' });
    const byPrison = await searchAs(coordinatorCookie, 'qoppavik');
    expect(byPrison.hits.participants.map((hit) => hit.id)).toEqual([newcomer.id]);
    expect((await searchAs(coordinatorCookie, 'qoppaby')).hits.participants.map((hit) => hit.id)).toEqual([newcomer.id]);
  });

  it('answers an empty search with nothing', async () => {
    const data = await searchAs(coordinatorCookie, '   ');
    expect(data.hits).toEqual({ participants: [], referrals: [], pairs: [], volunteers: [] });
  });
});

describe('the scopes in SQL', () => {
  const idRow = z.object({ id: z.string() });
  const sorted = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

  it('reach the same participants and referrals as the Prisma scopes, for every role', async () => {
    const reached = { participants: 0, referrals: 0 };
    for (const actor of actors) {
      const participants = sorted(await db.participant.findMany({ where: participantScope(actor), select: { id: true } }));
      const participantsSql = sorted(
        await queryRows(db, idRow, Prisma.sql`SELECT pt."id" FROM "Participant" pt WHERE ${participantScopeSql(actor, 'pt')}`),
      );
      expect(participantsSql, actor.role).toEqual(participants);
      const referrals = sorted(await db.referral.findMany({ where: referralScope(actor), select: { id: true } }));
      const referralsSql = sorted(
        await queryRows(db, idRow, Prisma.sql`SELECT r."id" FROM "Referral" r WHERE ${referralScopeSql(actor, 'r')}`),
      );
      expect(referralsSql, actor.role).toEqual(referrals);
      reached.participants += participants.length;
      reached.referrals += referrals.length;
    }
    // Each role reaches someone (the volunteer their pair's participant), so the comparison is not of empty lists only.
    expect(reached.participants).toBeGreaterThan(actors.length);
    expect(reached.referrals).toBeGreaterThan(2);
  });
});
