/**
 * The one source of "now" for the app, its jobs and its tests.
 *
 * In demo and test mode the clock can be moved so that a whole running app lives at a chosen
 * moment: `CLOCK_AT` (an ISO instant, e.g. `2027-03-28T00:45:00Z`) starts the clock there when
 * the process starts, and it runs on from that instant; with `CLOCK_FROZEN=true` it stays
 * there. Outside demo and test mode both are refused at start-up (env.server.ts). Tests may
 * also pin it in-process with `setClock`.
 *
 * The browser never reads this module's settings: it has its own real clock, and pages take
 * "now" from their loader where it matters.
 */

type ClockState = { origin: number; realOrigin: number; frozen: boolean } | null;

function fromEnvironment(): ClockState {
  const source = typeof process === 'undefined' ? undefined : process.env;
  const at = source?.CLOCK_AT;
  if (!at) return null;
  const origin = Date.parse(at);
  if (Number.isNaN(origin)) throw new RangeError(`CLOCK_AT is not an instant: ${at}`);
  const frozen = ['true', '1', 'yes', 'on'].includes(source?.CLOCK_FROZEN ?? '');
  return { origin, realOrigin: Date.now(), frozen };
}

let state: ClockState = fromEnvironment();

/** The current instant, as the programme sees it. */
export function currentTime(): Date {
  return new Date(currentTimeMs());
}

/** The current instant in milliseconds since the epoch. */
export function currentTimeMs(): number {
  if (!state) return Date.now();
  return state.frozen ? state.origin : state.origin + (Date.now() - state.realOrigin);
}

/** Tests only: move the clock to `instant` (frozen there unless `running` is set). */
export function setClock(instant: Date | string, options: { running?: boolean } = {}): void {
  const origin = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(origin)) throw new RangeError(`Not an instant: ${String(instant)}`);
  state = { origin, realOrigin: Date.now(), frozen: !options.running };
}

/** Tests only: back to the clock the environment describes. */
export function resetClock(): void {
  state = fromEnvironment();
}

/** Whether the clock has been moved from the machine's own. */
export function clockIsMoved(): boolean {
  return state !== null;
}
