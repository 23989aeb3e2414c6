import { halfYearOf, halfYearRange, type HalfYearKey } from '~/lib/time';

export const DEFAULT_PAIRS_TARGET = 10;

/** How far into a half-year an instant is, from 0 (its first moment) to 1 (its end). */
export function elapsedShare(halfYear: HalfYearKey, now: Date): number {
  const { start, end } = halfYearRange(halfYear);
  const share = (now.getTime() - start.getTime()) / (end.getTime() - start.getTime());
  return Math.min(1, Math.max(0, share));
}

/** A pair counts for the half-year (Europe/Oslo) in which it became active. */
export function countsForHalfYear(activatedAt: Date): HalfYearKey {
  return halfYearOf(activatedAt);
}

export type TrackStatus = 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK' | 'REACHED';

export interface Projection {
  target: number;
  actual: number;
  /** target × share of the half-year elapsed */
  expectedByNow: number;
  /** Pairs the pipeline can still deliver: waiting participants that free volunteer places can take. */
  pipeline: number;
  status: TrackStatus;
}

/**
 * Whether the half-year is on track: at least as many new pairs as the elapsed share of the
 * target (on track); behind that, but the pipeline of accepted participants and free ready
 * volunteers could still reach the target (at risk); or not even that (off track).
 */
export function project(input: {
  target: number;
  actual: number;
  share: number;
  waitingParticipants: number;
  freeVolunteerPlaces: number;
}): Projection {
  const expectedByNow = Math.round(input.target * input.share * 10) / 10;
  const pipeline = Math.min(input.waitingParticipants, input.freeVolunteerPlaces);
  const status: TrackStatus =
    input.actual >= input.target
      ? 'REACHED'
      : input.actual >= expectedByNow
        ? 'ON_TRACK'
        : input.actual + pipeline >= input.target
          ? 'AT_RISK'
          : 'OFF_TRACK';
  return { target: input.target, actual: input.actual, expectedByNow, pipeline, status };
}
