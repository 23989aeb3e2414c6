import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { addDays, osloInstant, todayInOslo } from '~/lib/time';
import { loader as pairsLoader } from '~/routes/pairs._index';
import { createMeeting, createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { call, getRequest, jsonOf, sessionCookieFor } from '../support/requests';

// A Wednesday in spring; nothing here depends on the machine's date.
beforeAll(() => setClock('2027-03-10T09:00:00Z', { running: true }));
afterAll(() => resetClock());

interface ListData {
  list: { status: string; rows: { id: string; participantFirstName: string; [key: string]: unknown }[] };
  filters: Record<string, unknown>;
  total: number;
  page: number;
  pages: number;
  municipalities: string[];
}

let coordinatorCookie: string;
let volunteerCookie: string;
const pairs: Record<string, string> = {};

async function list(query: string, cookie = coordinatorCookie) {
  const response = await call(pairsLoader, getRequest(`/pairs${query}`, cookie));
  expect(response.status, query).toBe(200);
  return jsonOf<ListData>(response);
}

const names = (data: ListData) => data.list.rows.map((row) => row.participantFirstName);

beforeAll(async () => {
  const coordinator = await createUser(db, { role: 'COORDINATOR' });
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const volunteerUser = await createUser(db, { role: 'VOLUNTEER' });
  coordinatorCookie = await sessionCookieFor(coordinator.id);
  volunteerCookie = await sessionCookieFor(volunteerUser.id);
  const today = todayInOslo();

  async function pair(input: {
    name: string;
    municipality: string;
    release: string;
    volunteer: string;
    start: string;
    status?: 'ACTIVE' | 'ENDED' | 'PROPOSED';
    userId?: string;
  }) {
    const participant = await createParticipant(db, {
      referrerId: officer.id,
      firstName: input.name,
      lastName: 'Listesen',
      releaseMunicipality: input.municipality,
      expectedReleaseDate: input.release,
      status: 'MATCHED',
    });
    const [first = '', last = ''] = input.volunteer.split(' ');
    const volunteer = await createVolunteer(db, { firstName: first, lastName: last, status: 'READY', userId: input.userId ?? null });
    const created = await createPair(db, {
      participantId: participant.id,
      volunteerId: volunteer.id,
      startDate: input.start,
      status: input.status,
    });
    pairs[input.name] = created.id;
    return created;
  }

  // Green: started three days ago and met yesterday. Red: two months without a meeting.
  const green = await pair({
    name: 'Grønn',
    municipality: 'Malvik',
    release: addDays(today, 10),
    volunteer: 'Åse Hansen',
    start: addDays(today, -3),
  });
  await createMeeting(db, { pairId: green.id, startsAt: osloInstant(addDays(today, -1), '12:00'), log: { outcome: 'HELD' } });
  await pair({
    name: 'Rød',
    municipality: 'Trondheim',
    release: addDays(today, -40),
    volunteer: 'Bjørn Olsen',
    start: addDays(today, -60),
    userId: volunteerUser.id,
  });
  await pair({
    name: 'Forslag',
    municipality: 'Malvik',
    release: addDays(today, 50),
    volunteer: 'Cecilie Dahl',
    start: today,
    status: 'PROPOSED',
  });
  const ended = await pair({
    name: 'Ferdig',
    municipality: 'Stjørdal',
    release: addDays(today, -200),
    volunteer: 'Dag Vik',
    start: '2026-01-15',
    status: 'ENDED',
  });
  await db.pair.update({
    where: { id: ended.id },
    data: {
      endDate: '2026-10-20',
      endedAt: osloInstant('2026-10-20', '12:00'),
      endType: 'PLANNED',
      endReason: 'PLAN_COMPLETED',
      surveyScore: 5,
      closureTalkDate: '2026-10-20',
    },
  });
  const early = await pair({
    name: 'Brudd',
    municipality: 'Stjørdal',
    release: addDays(today, -100),
    volunteer: 'Eva Berg',
    start: '2026-09-01',
    status: 'ENDED',
  });
  await db.pair.update({
    where: { id: early.id },
    data: { endDate: '2026-11-05', endedAt: osloInstant('2026-11-05', '12:00'), endType: 'UNPLANNED', endReason: 'PARTICIPANT_WITHDREW' },
  });
});

describe('/pairs filters, sorts and pages', () => {
  it('shows active pairs by default, oldest first, and proposals or ended pairs on request', async () => {
    expect(names(await list('?status=ACTIVE'))).toEqual(['Rød', 'Grønn']);
    const proposed = await list('?status=PROPOSED');
    expect(proposed.list.status).toBe('PROPOSED');
    expect(names(proposed)).toEqual(['Forslag']);
  });

  it('keeps a history of ended pairs with their outcome, newest end first', async () => {
    const ended = await list('?status=ENDED');
    expect(ended.list.status).toBe('ENDED');
    expect(ended.list.rows).toEqual([
      expect.objectContaining({
        participantFirstName: 'Brudd',
        endType: 'UNPLANNED',
        endReason: 'PARTICIPANT_WITHDREW',
        months: 2,
        surveyScore: null,
        closureTalkHeld: false,
      }),
      expect.objectContaining({
        participantFirstName: 'Ferdig',
        endType: 'PLANNED',
        endReason: 'PLAN_COMPLETED',
        months: 9,
        surveyScore: 5,
        closureTalkHeld: true,
      }),
    ]);
    expect(names(await list('?status=ENDED&sort=started'))).toEqual(['Ferdig', 'Brudd']);
  });

  it('filters by red/amber/green, municipality, volunteer and release window', async () => {
    expect(names(await list('?status=ACTIVE&health=RED'))).toEqual(['Rød']);
    expect(names(await list('?status=ACTIVE&health=GREEN'))).toEqual(['Grønn']);
    expect(names(await list('?status=ACTIVE&sort=health'))).toEqual(['Rød', 'Grønn']);
    expect(names(await list('?status=ACTIVE&municipality=Malvik'))).toEqual(['Grønn']);
    expect(names(await list('?status=PROPOSED&municipality=Malvik'))).toEqual(['Forslag']);
    // The volunteer by part of the name, in any case and without the ring.
    expect(names(await list('?status=ACTIVE&volunteer=BJØRN'))).toEqual(['Rød']);
    expect(names(await list('?status=ACTIVE&volunteer=hans'))).toEqual(['Grønn']);
    expect(names(await list('?status=ACTIVE&release=next14'))).toEqual(['Grønn']);
    expect(names(await list('?status=ACTIVE&release=past90'))).toEqual(['Rød']);
    expect(names(await list('?status=ACTIVE&release=next14&health=RED'))).toEqual([]);
    expect((await list('?status=ACTIVE')).municipalities).toEqual(['Malvik', 'Stjørdal', 'Trondheim']);
    // Unreadable values are no filter, and a sort that does not fit the status is its default.
    expect(names(await list('?status=NONSENSE&health=PURPLE&sort=ended'))).toEqual(['Rød', 'Grønn']);
  });

  it('sorts by name, release and the last meeting', async () => {
    expect(names(await list('?status=ACTIVE&sort=participant'))).toEqual(['Grønn', 'Rød']);
    expect(names(await list('?status=ACTIVE&sort=release'))).toEqual(['Rød', 'Grønn']);
    expect(names(await list('?status=ACTIVE&sort=lastMeeting'))).toEqual(['Rød', 'Grønn']);
    // Bjørn before Åse: Å is the alphabet's last letter.
    expect(names(await list('?status=ACTIVE&sort=volunteer'))).toEqual(['Rød', 'Grønn']);
  });

  it('shows a volunteer their own pairs only', async () => {
    expect(names(await list('?status=ACTIVE', volunteerCookie))).toEqual(['Rød']);
    expect(names(await list('?status=ENDED', volunteerCookie))).toEqual([]);
  });

  it('pages 50 at a time without repeating a pair', async () => {
    const officer = await db.user.findFirstOrThrow({ where: { role: 'PROBATION_OFFICER' } });
    await db.$transaction(async (tx) => {
      for (let index = 0; index < 55; index++) {
        const participant = await createParticipant(tx, {
          referrerId: officer.id,
          firstName: `Side${String(index).padStart(2, '0')}`,
          releaseMunicipality: 'Orkland',
        });
        const volunteer = await createVolunteer(tx, { status: 'READY' });
        await createPair(tx, { participantId: participant.id, volunteerId: volunteer.id, startDate: '2027-02-01' });
      }
    });
    const first = await list('?status=ACTIVE&municipality=Orkland&sort=participant');
    expect(first).toMatchObject({ total: 55, page: 1, pages: 2 });
    expect(first.list.rows).toHaveLength(50);
    const second = await list('?status=ACTIVE&municipality=Orkland&sort=participant&page=2');
    expect(second.list.rows).toHaveLength(5);
    expect(names(second)).toEqual(['Side50', 'Side51', 'Side52', 'Side53', 'Side54']);
    expect(new Set([...names(first), ...names(second)]).size).toBe(55);
    // Beyond the last page is the last page; red-first sorting pages too.
    expect((await list('?status=ACTIVE&municipality=Orkland&page=9')).page).toBe(2);
    const byHealth = await list('?status=ACTIVE&sort=health&page=2');
    expect(byHealth).toMatchObject({ total: 57, page: 2, pages: 2 });
    expect(byHealth.list.rows).toHaveLength(7);
  });

  it("keeps each user's last view and forgets it on reset", async () => {
    const response = await call(pairsLoader, getRequest('/pairs?status=ENDED&sort=started', coordinatorCookie));
    const saved = response.headers.get('set-cookie')!.split(';')[0]!;
    expect(saved).toMatch(/^bb_lists=/);
    const cookie = `${coordinatorCookie}; ${saved}`;

    const bare = await call(pairsLoader, getRequest('/pairs', cookie));
    expect(bare.status).toBe(302);
    expect(bare.headers.get('location')).toBe('/pairs?status=ENDED&sort=started');
    // A navigation in the browser asks with Remix's _data parameter: still the bare list.
    const data = await call(pairsLoader, getRequest('/pairs?_data=routes%2Fpairs._index', cookie));
    expect(data.headers.get('location')).toBe('/pairs?status=ENDED&sort=started');

    // Another user in the same browser does not get it.
    const other = await call(pairsLoader, getRequest('/pairs', `${volunteerCookie}; ${saved}`));
    expect(other.status).toBe(200);

    const reset = await call(pairsLoader, getRequest('/pairs?reset=1', cookie));
    expect(reset.status).toBe(302);
    expect(reset.headers.get('location')).toBe('/pairs');
    const cleared = reset.headers.get('set-cookie')!.split(';')[0]!;
    const after = await call(pairsLoader, getRequest('/pairs', `${coordinatorCookie}; ${cleared}`));
    expect(after.status).toBe(200);
    expect((await jsonOf<ListData>(after)).list.status).toBe('ACTIVE');
  });
});
