import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestAssignment } from './assignment';
import { computeAssignment, type CandidateVolunteer, type WaitingParticipant } from './matching.server';
import { scoreMatch, type MatchContext } from './score';
import { MIN_ASSIGNMENT_SCORE } from './weights';

/** The best total by trying every way to give each participant a distinct slot or none. */
function bruteForce(weights: (number | null)[][], slotCount: number, minScore: number): number {
  const usable = (w: number | null) => (w !== null && w >= minScore ? w : 0);
  const rec = (i: number, used: Set<number>): number => {
    if (i === weights.length) return 0;
    let best = rec(i + 1, used);
    for (let j = 0; j < slotCount; j += 1) {
      if (used.has(j)) continue;
      const w = usable(weights[i]?.[j] ?? null);
      if (w <= 0) continue;
      used.add(j);
      best = Math.max(best, w + rec(i + 1, used));
      used.delete(j);
    }
    return best;
  };
  return rec(0, new Set());
}

const instance = fc
  .record({ rows: fc.integer({ min: 0, max: 6 }), cols: fc.integer({ min: 0, max: 6 }), minScore: fc.integer({ min: 0, max: 60 }) })
  .chain(({ rows, cols, minScore }) =>
    fc.record({
      weights: fc.array(
        fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: 4 }), { minLength: cols, maxLength: cols }),
        {
          minLength: rows,
          maxLength: rows,
        },
      ),
      cols: fc.constant(cols),
      minScore: fc.constant(minScore),
    }),
  );

describe('best assignment', () => {
  it('equals the brute-force optimum on random small instances', () => {
    fc.assert(
      fc.property(instance, ({ weights, cols, minScore }) => {
        const result = bestAssignment({ weights, slotCount: cols, minScore });
        expect(result.total).toBe(bruteForce(weights, cols, minScore));
        // Every slot is used at most once, and only for allowed pairs at or above the minimum.
        const used = result.slotOf.filter((slot) => slot >= 0);
        expect(new Set(used).size).toBe(used.length);
        result.slotOf.forEach((slot, i) => {
          if (slot >= 0) expect(weights[i]?.[slot]).toBeGreaterThanOrEqual(minScore);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('beats the greedy choice where greedy is wrong', () => {
    // Greedy takes 90 (row 0 → slot 0) and leaves row 1 with 10; the optimum is 80 + 80.
    const result = bestAssignment({
      weights: [
        [90, 80],
        [80, 10],
      ],
      slotCount: 2,
      minScore: 0,
    });
    expect(result.total).toBe(160);
    expect(result.slotOf).toEqual([1, 0]);
  });

  it('leaves a participant unassigned rather than below the minimum score', () => {
    const result = bestAssignment({ weights: [[20], [50]], slotCount: 1, minScore: 30 });
    expect(result.slotOf).toEqual([-1, 0]);
  });
});

const context: MatchContext = { today: '2026-11-22', minVolunteerAge: 25, endedPairs: new Map([['p0', new Set(['v0'])]]) };
const interests = fc.uniqueArray(fc.constantFrom('fotball', 'musikk', 'fiske', 'sjakk'), { maxLength: 3 });
const municipality = fc.constantFrom('Trondheim', 'Malvik', 'Oppdal');
const waitingList = fc.record({
  participants: fc.array(
    fc.record({ interests, municipality, born: fc.integer({ min: 1998, max: 2007 }), wishedGender: fc.constantFrom(null, 'FEMALE') }),
    { maxLength: 5 },
  ),
  volunteers: fc.array(
    fc.record({
      interests,
      municipality,
      born: fc.integer({ min: 1950, max: 2004 }),
      gender: fc.constantFrom('FEMALE', 'MALE'),
      capacity: fc.integer({ min: 1, max: 2 }),
      openPairs: fc.integer({ min: 0, max: 2 }),
    }),
    { maxLength: 5 },
  ),
});

describe('best assignment for a waiting list', () => {
  it('equals the brute-force optimum over one slot per free place, though volunteers nobody can take are left out', () => {
    fc.assert(
      fc.property(waitingList, (world) => {
        const participants: WaitingParticipant[] = world.participants.map((p, i) => ({
          id: `p${i}`,
          firstName: 'P',
          lastName: String(i),
          prison: 'Trondheim fengsel',
          dateOfBirth: `${p.born}-05-01`,
          expectedReleaseDate: '2027-03-01',
          releaseMunicipality: p.municipality,
          interests: p.interests,
          languages: ['norsk'],
          wishedGender: p.wishedGender,
        }));
        const volunteers: CandidateVolunteer[] = world.volunteers.map((v, i) => ({
          id: `v${i}`,
          firstName: 'V',
          lastName: String(i),
          status: 'READY',
          dateOfBirth: `${v.born}-05-01`,
          gender: v.gender,
          municipality: v.municipality,
          interests: v.interests,
          languages: ['norsk'],
          availability: ['EVENINGS'],
          capacity: v.capacity,
          openPairs: v.openPairs,
        }));
        const slots = volunteers.flatMap((v) => Array.from({ length: Math.max(0, v.capacity - v.openPairs) }, () => v));
        const weights = participants.map((p) =>
          slots.map((v) => {
            const score = scoreMatch(p, v, context);
            return score.eligible ? score.total : null;
          }),
        );
        const result = computeAssignment(participants, volunteers, context);
        expect(result.total).toBe(bruteForce(weights, slots.length, MIN_ASSIGNMENT_SCORE));
        // No volunteer gets more pairs than their free places, and every row's score is its pair's.
        for (const volunteer of volunteers) {
          const given = result.rows.filter((row) => row.volunteer?.id === volunteer.id).length;
          expect(given).toBeLessThanOrEqual(Math.max(0, volunteer.capacity - volunteer.openPairs));
        }
        for (const row of result.rows) {
          if (row.volunteer)
            expect(scoreMatch(row.participant, row.volunteer, context)).toMatchObject({ eligible: true, total: row.total });
          // The wish for the volunteer's gender is a hard rule, in the assignment too.
          if (row.volunteer && row.participant.wishedGender) expect(row.volunteer.gender).toBe(row.participant.wishedGender);
        }
      }),
      { numRuns: 300 },
    );
  });
});
