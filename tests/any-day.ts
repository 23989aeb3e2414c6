/**
 * Runs the unit and integration suite again at chosen moments, so that a rule that only breaks
 * on some days breaks here first (`npm run test:any-day`, part of `npm test`):
 * just after midnight Oslo on the 1st of a month, on 29 February, in the changed hour of both
 * DST Sundays, and on New Year's Eve at 23:30 Oslo.
 *
 * With Debian's `faketime` (libfaketime; `.ci/run` installs it) the whole process tree lives at
 * the moment: the app's clock, the tests' own dates and SQLite's. Without it only the app's
 * clock is moved (CLOCK_AT, app/lib/clock.ts) and the script says so.
 *
 *   npm run test:any-day                 # every moment
 *   npm run test:any-day -- new-years-eve # one of them, by name
 */
import { execFileSync, spawnSync } from 'node:child_process';

/** Each moment as a UTC instant; the comment gives it in Oslo time. */
const MOMENTS: Record<string, string> = {
  // 1 January 2028 00:05 Oslo: the first minutes of a month, a half-year and a year.
  'first-of-month': '2027-12-31T23:05:00Z',
  // 29 February 2028 12:00 Oslo.
  'leap-day': '2028-02-29T11:00:00Z',
  // 28 March 2027 03:15 Oslo: the first hour of summer time (02:00–02:59 never happened).
  'spring-dst': '2027-03-28T01:15:00Z',
  // 31 October 2027 02:30 Oslo, the second time that night: the repeated hour.
  'autumn-dst': '2027-10-31T01:30:00Z',
  // 31 December 2027 23:30 Oslo: half an hour before a new year and a new half-year.
  'new-years-eve': '2027-12-31T22:30:00Z',
};

// The form fuzzer is the slowest file and holds no calendar rule; it runs once, in test:unit.
const EXCLUDED = ['tests/integration/fuzz-actions.test.ts'];

function hasFaketime(): boolean {
  try {
    execFileSync('faketime', ['-f', '+0', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in MOMENTS));
if (unknown.length > 0) {
  console.error(`Unknown moment(s): ${unknown.join(', ')}. Known: ${Object.keys(MOMENTS).join(', ')}`);
  process.exit(2);
}
const names = chosen.length > 0 ? chosen : Object.keys(MOMENTS);
const faketime = hasFaketime();
if (!faketime) console.log('faketime is not installed: only the app clock (CLOCK_AT) is moved, not the tests’ own.');

const failed: string[] = [];
for (const [name, instant] of Object.entries(MOMENTS).filter(([moment]) => names.includes(moment))) {
  console.log(`\n=== ${name}: ${instant} ===`);
  const vitest = ['vitest', 'run', '--config', 'tests/vitest.config.ts', ...EXCLUDED.flatMap((file) => ['--exclude', file])];
  // faketime's start time is wall-clock time in TZ; the clock then runs on from it.
  const wallClock = instant.replace('T', ' ').replace('Z', '');
  const [program, args]: [string, string[]] = faketime ? ['faketime', [wallClock, 'npx', ...vitest]] : ['npx', vitest];
  const result = spawnSync(program, args, {
    stdio: 'inherit',
    env: {
      ...process.env,
      TZ: 'UTC',
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
      ...(faketime ? {} : { CLOCK_AT: instant }),
    },
  });
  if (result.status !== 0) failed.push(name);
}

if (failed.length > 0) {
  console.error(`\nThe suite failed at: ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`\nThe suite passed at every moment: ${names.join(', ')}`);
