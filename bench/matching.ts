/**
 * Matching timings: ranking suggestions for one participant over 2,000 volunteers (the first
 * page of them explained, as the suggestions page does), and the best assignment for a 300 × 300 waiting list. Prints the figures (median of repeated runs)
 * and returns them for bench/run.ts. Targets: under 20 ms and under 1 s.
 *
 *   node --import tsx bench/matching.ts
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  computeAssignment,
  rankVolunteers,
  type CandidateVolunteer,
  type WaitingParticipant,
} from '../app/domain/matching/matching.server';
import type { MatchContext } from '../app/domain/matching/score';
import { SUGGESTIONS_PER_PAGE } from '../app/domain/matching/weights';

const INTERESTS = [
  'fotball',
  'musikk',
  'gaming',
  'trening',
  'turgåing',
  'matlaging',
  'fiske',
  'film',
  'sjakk',
  'klatring',
  'hest',
  'tegning',
];
const MUNICIPALITIES = ['Trondheim', 'Malvik', 'Melhus', 'Stjørdal', 'Levanger', 'Steinkjer', 'Orkland', 'Verdal', 'Namsos', 'Oppdal'];
const LANGUAGES = ['norsk', 'engelsk', 'arabisk', 'somali', 'polsk', 'tigrinja'];

/** A small deterministic generator, so every run measures the same instance. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function pickOne<T>(rand: () => number, list: T[]): T {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

function pick<T>(rand: () => number, list: T[], count: number): T[] {
  return Array.from({ length: count }, () => pickOne(rand, list));
}

function volunteers(count: number, rand: () => number): CandidateVolunteer[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `v${i}`,
    firstName: 'Frivillig',
    lastName: String(i),
    status: 'READY',
    dateOfBirth: `${1960 + Math.floor(rand() * 40)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
    gender: rand() < 0.5 ? 'FEMALE' : 'MALE',
    municipality: pickOne(rand, MUNICIPALITIES),
    interests: [...new Set(pick(rand, INTERESTS, 3))],
    languages: ['norsk', ...pick(rand, LANGUAGES, 1)],
    availability: pick(rand, ['WEEKDAY_DAYTIME', 'EVENINGS', 'WEEKENDS'], 2),
    capacity: 1,
    openPairs: 0,
  }));
}

function participants(count: number, rand: () => number): WaitingParticipant[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `p${i}`,
    firstName: 'Deltaker',
    lastName: String(i),
    prison: 'Trondheim fengsel',
    dateOfBirth: `200${2 + Math.floor(rand() * 6)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
    expectedReleaseDate: `2027-0${1 + Math.floor(rand() * 9)}-15`,
    releaseMunicipality: pickOne(rand, MUNICIPALITIES),
    interests: [...new Set(pick(rand, INTERESTS, 3))],
    languages: ['norsk', ...pick(rand, LANGUAGES, 1)],
    wishedGender: rand() < 0.2 ? 'FEMALE' : null,
  }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function time(runs: number, fn: () => unknown): number {
  fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export function benchMatching() {
  const rand = random(42);
  const context: MatchContext = { today: '2026-11-22', minVolunteerAge: 25, endedPairs: new Map() };
  const pool = volunteers(2000, rand);
  const [one] = participants(1, rand);
  if (!one) throw new Error('no participant to rank for');
  const suggestionsMs = time(50, () => rankVolunteers(one, pool, context, SUGGESTIONS_PER_PAGE));
  const waiting = participants(300, rand);
  const slots = volunteers(300, rand);
  const assignmentMs = time(5, () => computeAssignment(waiting, slots, context));
  return { suggestionsOver2000VolunteersMs: suggestionsMs, assignment300x300Ms: assignmentMs };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = benchMatching();
  console.log(`suggestions over 2,000 volunteers: ${result.suggestionsOver2000VolunteersMs.toFixed(2)} ms (target < 20 ms)`);
  console.log(`best assignment 300 × 300:        ${result.assignment300x300Ms.toFixed(1)} ms (target < 1000 ms)`);
}
