import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetClock, setClock } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { loader as boardLoader } from '~/routes/volunteers._index';
import { createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { call, getRequest, jsonOf, sessionCookieFor } from '../support/requests';

beforeAll(() => setClock('2027-03-10T09:00:00Z', { running: true }));
afterAll(() => resetClock());

interface Board {
  columns: { stage: string; cards: { id: string; name: string; missing: string[]; trainingHours: number }[] }[];
}

const cards = (board: Board) => board.columns.flatMap((column) => column.cards);

describe('the volunteer board', () => {
  it('says what each card lacks, finds by name or municipality, and keeps the search', async () => {
    const coordinator = await createUser(db, { role: 'COORDINATOR' });
    const cookie = await sessionCookieFor(coordinator.id);
    const interviewed = await createVolunteer(db, {
      firstName: 'Tordis',
      lastName: 'Brettvik',
      municipality: 'Levanger',
      status: 'SCREENING',
    });
    await db.screeningInterview.create({
      data: { volunteerId: interviewed.id, heldOn: '2027-03-01', outcome: 'APPROVED', interviewerId: coordinator.id },
    });
    const other = await createVolunteer(db, { firstName: 'Øyvor', lastName: 'Brettvik', municipality: 'Namsos' });

    const response = await call(boardLoader, getRequest('/volunteers?q=BRETTV', cookie));
    expect(response.status).toBe(200);
    const saved = response.headers.get('set-cookie')!.split(';')[0]!;
    const board = await jsonOf<Board>(response);
    expect(
      cards(board)
        .map((card) => card.id)
        .sort(),
    ).toEqual([interviewed.id, other.id].sort());
    expect(cards(board).find((card) => card.id === interviewed.id)).toMatchObject({
      missing: ['references', 'certificate', 'training'],
      trainingHours: 0,
    });
    expect(cards(board).find((card) => card.id === other.id)?.missing).toEqual(['interview', 'references', 'certificate', 'training']);

    const byPlace = await jsonOf<Board>(await call(boardLoader, getRequest('/volunteers?q=levang', cookie)));
    expect(cards(byPlace).map((card) => card.id)).toEqual([interviewed.id]);

    const bare = await call(boardLoader, getRequest('/volunteers', `${cookie}; ${saved}`));
    expect(bare.status).toBe(302);
    expect(bare.headers.get('location')).toBe('/volunteers?q=BRETTV');
  });
});
