import { halfYearOnTrack } from '~/domain/figures/figures.server';
import { volunteerPlaces, volunteersWithFreePlaces, freePlacesTotal } from '~/domain/volunteers/free-places.server';
import { currentTime } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { resetDatabase } from '../support/reset';

beforeEach(async () => {
  await resetDatabase();
});

async function participant() {
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  return createParticipant(db, { referrerId: officer.id, status: 'ACCEPTED' });
}

/** A volunteer with pairs in the given statuses, each with its own participant. */
async function volunteerWith(input: { status?: 'READY' | 'PAUSED'; capacity: number; pairs: ('PROPOSED' | 'ACTIVE' | 'ENDED')[] }) {
  const volunteer = await createVolunteer(db, { status: input.status ?? 'READY', capacity: input.capacity });
  for (const status of input.pairs) await createPair(db, { participantId: (await participant()).id, volunteerId: volunteer.id, status });
  return volunteer;
}

describe('free places', () => {
  it('counts proposed and active pairs against capacity, never ended ones, and never goes below zero', async () => {
    const free = await volunteerWith({ capacity: 2, pairs: ['ACTIVE', 'ENDED'] });
    const full = await volunteerWith({ capacity: 2, pairs: ['ACTIVE', 'PROPOSED'] });
    // Capacity lowered below the pairs already made.
    const over = await volunteerWith({ capacity: 1, pairs: ['ACTIVE', 'PROPOSED'] });
    await volunteerWith({ status: 'PAUSED', capacity: 3, pairs: [] });

    const places = await volunteerPlaces(db);
    const byId = new Map(places.map((row) => [row.id, row]));
    expect(places).toHaveLength(3);
    expect(byId.get(free.id)).toMatchObject({ capacity: 2, openPairs: 1, interests: ['fotball', 'turgåing'], availability: ['EVENINGS'] });
    expect(byId.get(full.id)).toMatchObject({ capacity: 2, openPairs: 2 });
    expect(byId.get(over.id)).toMatchObject({ capacity: 1, openPairs: 2 });

    expect((await volunteersWithFreePlaces(db)).map((row) => row.id)).toEqual([free.id]);
    expect(await freePlacesTotal(db)).toBe(1);
    // The recruitment figure is the same count.
    expect((await halfYearOnTrack(db, currentTime())).freeVolunteerPlaces).toBe(1);
  });

  it('reads one volunteer when asked, and nobody who is not ready', async () => {
    const ready = await volunteerWith({ capacity: 1, pairs: [] });
    const paused = await volunteerWith({ status: 'PAUSED', capacity: 1, pairs: [] });
    expect(await volunteerPlaces(db, { volunteerId: ready.id })).toEqual([expect.objectContaining({ id: ready.id, openPairs: 0 })]);
    expect(await volunteerPlaces(db, { volunteerId: paused.id })).toEqual([]);
  });
});
