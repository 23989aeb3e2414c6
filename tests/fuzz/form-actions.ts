/**
 * Property-based inputs through every route action that parses a form. Shared by the test
 * suite (tests/integration/fuzz-actions.test.ts, 1,000 runs per action) and the long run
 * (tests/fuzz/run.ts, 10,000). Properties: no answer of 500 or more and no thrown error other
 * than a Response; an input answered with 4xx writes no row in any table.
 */
import fc from 'fast-check';
import type { Db } from '~/lib/db.server';
import { isPostgresUrl } from '~/lib/postgresql-adapter';
import { addDays, todayInOslo } from '~/lib/time';
import {
  createAccessWorld,
  routeModules,
  routeTarget,
  type AccessWorld,
  type SignedInVisitor,
  type WorldKey,
} from '../support/access-world';
import { call, postRequest, sessionCookieFor } from '../support/requests';
import { XSS_CORPUS } from './xss-corpus';

export interface FuzzTarget {
  /** Who submits the form: the visitor the route is for. */
  as: SignedInVisitor | 'anonymous';
  params?: Record<string, WorldKey>;
  intents?: string[];
  fields: string[];
  /** Tables a rejected input may write to by design (rate limiting and audit of failed sign-ins). */
  mayWrite?: string[];
}

/** Actions that take no form input and so are not fuzzed. */
export const NOT_FUZZED: Record<string, string> = {
  logout: 'reads no form fields: it only ends the session',
};

const PLAN_AREA = (i: number) =>
  ['areaKey', 'title', 'future', 'goods', 'strengths', 'opportunities', 'barriers', 'coping'].map((f) => `areas[${i}].${f}`);

export const FUZZ_TARGETS: Record<string, FuzzTarget> = {
  account: {
    as: 'pairVolunteer',
    intents: ['preferences', 'password'],
    fields: ['language', 'notificationMode', 'currentPassword', 'password', 'confirm'],
  },
  'account_.two-factor': { as: 'coordinator', intents: ['enable', 'disable'], fields: ['code'], mayWrite: ['RateLimitEvent'] },
  'login_.two-factor': { as: 'coordinator', fields: ['code'] },
  apply: {
    as: 'anonymous',
    fields: [
      'firstName',
      'lastName',
      'email',
      'phone',
      'dateOfBirth',
      'gender',
      'municipality',
      'interests',
      'languages',
      'availability',
      'experience',
      'motivation',
      'consent',
      'website',
    ],
    mayWrite: ['RateLimitEvent'],
  },
  dashboard: { as: 'coordinator', intents: ['retry-email', 'text-handled'], fields: ['emailId', 'smsId'] },
  // A real, open pulse link: the first valid answer uses it, every later one finds it closed (404).
  'p.$token': {
    as: 'anonymous',
    params: { token: 'participantLinkToken' },
    fields: ['trust', 'myChoice', 'lookForward', 'listens', 'helpsPlan', 'comment'],
    mayWrite: ['RateLimitEvent'],
  },
  'invite.$token': { as: 'anonymous', params: { token: 'badToken' }, fields: ['name', 'password', 'confirm'] },
  language: { as: 'anonymous', fields: ['language', 'redirectTo'] },
  login: { as: 'anonymous', fields: ['email', 'password', 'redirectTo'], mayWrite: ['RateLimitEvent', 'AuditEvent'] },
  'matching.$participantId': {
    as: 'coordinator',
    params: { participantId: 'waitingParticipant' },
    intents: ['propose', 'activate', 'withdraw'],
    fields: ['volunteerId', 'pairId', 'startDate'],
  },
  'matching._index': { as: 'coordinator', fields: ['participantId', 'volunteerId'] },
  me: { as: 'pairVolunteer', intents: ['renew-calendar'], fields: [] },
  'meetings.$id': {
    as: 'pairVolunteer',
    params: { id: 'meeting' },
    intents: ['log', 'move', 'cancel'],
    fields: [
      'outcome',
      'durationMinutes',
      'activity',
      'rating',
      'areas',
      'goods',
      'note',
      'concern',
      'concernUrgent',
      'confirmUrgent',
      'accompaniment',
      'date',
      'time',
      'place',
      'placeType',
      'cancelledBy',
      'reason',
      'confirm',
    ],
  },
  'pairs.$id': {
    as: 'coordinator',
    params: { id: 'pair' },
    intents: ['acknowledge-concern', 'support-contact', 'fit-check', 'issue-participant-link', 'revoke-participant-link'],
    fields: [
      'concernId',
      'withWhom',
      'kind',
      'heldOn',
      'durationMinutes',
      'note',
      'checkedOn',
      'volunteerScore',
      'participantScore',
      'recommendRematch',
      'purpose',
      'linkId',
    ],
  },
  'pairs.$id_.close': {
    as: 'coordinator',
    params: { id: 'pair' },
    intents: ['review', 'edit', 'confirm', 'correct'],
    fields: [
      'endDate',
      'endType',
      'endReason',
      'endNote',
      'closureTalk',
      'closureTalkDate',
      'closureTalkNotHeldReason',
      'contactAfterClosure',
      'surveyScore',
      'surveyComment',
    ],
  },
  'pairs.$id_.hold': {
    as: 'coordinator',
    params: { id: 'pair' },
    intents: ['hold', 'resume'],
    fields: ['reason', 'fromDate', 'note', 'resumeOn', 'confirm'],
  },
  'pairs.bulk': {
    as: 'coordinator',
    intents: ['review', 'confirm'],
    fields: ['bulkAction', 'ids', 'withWhom', 'dueDate', 'note'],
  },
  // -- services (#21): one tracker item per post.
  'participants_.$id_.services': { as: 'coordinator', params: { id: 'participant' }, fields: ['item', 'status', 'owner', 'note'] },
  'participants_.$id_.release': {
    as: 'coordinator',
    params: { id: 'participant' },
    fields: ['earliestReleaseDate', 'expectedReleaseDate', 'actualReleaseDate', 'reason'],
  },
  'volunteers.bulk': {
    as: 'coordinator',
    intents: ['review', 'confirm'],
    fields: ['bulkAction', 'ids', 'courseId', 'subject', 'body', 'token'],
  },
  'me_.proposals.$pairId': { as: 'pairVolunteer', params: { pairId: 'proposal' }, intents: ['accept', 'decline'], fields: ['reason'] },
  'pairs.$id_.concern': { as: 'pairVolunteer', params: { id: 'pair' }, fields: ['text', 'urgent', 'confirmUrgent'] },
  'pairs.$id_.texts': {
    as: 'pairVolunteer',
    params: { id: 'pair' },
    intents: ['review', 'send'],
    fields: ['template', 'templateLanguage', 'body', 'sendToken'],
  },
  texts: { as: 'coordinator', fields: ['phone', 'text'] },
  'pairs.$id_.plan': {
    as: 'pairVolunteer',
    params: { id: 'pair' },
    fields: [
      'meetings[0].date',
      'meetings[0].time',
      'meetings[0].placeType',
      'meetings[0].place',
      'meetings[0].accompaniment',
      'meetings[1].date',
    ],
  },
  'participants.$id._index': {
    as: 'coordinator',
    params: { id: 'participant' },
    intents: ['edit', 'status', 'withdraw-consent'],
    fields: [
      'firstName',
      'lastName',
      'email',
      'phone',
      'gender',
      'prison',
      'prisonUnit',
      'expectedReleaseDate',
      'releaseMunicipality',
      'interests',
      'languages',
      'wishedGender',
      'needs',
      'volunteerWishes',
      'to',
      'reason',
      'expectedStatus',
      'confirm',
    ],
  },
  'participants_.$id_.plan._index': {
    as: 'referringOfficer',
    params: { id: 'participant' },
    intents: ['save', 'review'],
    fields: ['baseVersion', ...PLAN_AREA(0), ...PLAN_AREA(5), 'reviewedOn', 'note', 'items[0].areaKey', 'items[0].status', 'items[0].note'],
  },
  'referrals.$id': { as: 'coordinator', params: { id: 'referral' }, fields: ['decision', 'reason', 'expectedStatus'] },
  'referrals.$id_.withdraw': { as: 'referringOfficer', params: { id: 'referral' }, fields: ['reason', 'confirm'] },
  'referrals.new': {
    as: 'referringOfficer',
    fields: [
      'firstName',
      'lastName',
      'dateOfBirth',
      'gender',
      'email',
      'phone',
      'prison',
      'prisonUnit',
      'expectedReleaseDate',
      'releaseMunicipality',
      'interests',
      'languages',
      'wishedGender',
      'volunteerWishes',
      'needs',
      'note',
      'consentGiven',
      'consentDate',
      'consentTakenBy',
      'sharePlanWithVolunteer',
      'shareContactWithVolunteer',
      'shareAttendanceWithReferrer',
      'smsAllowed',
      'volunteerMayText',
      'confirmDuplicate',
      'programmes[0].programme',
      'programmes[0].status',
    ],
  },
  settings: {
    as: 'coordinator',
    intents: ['targets', 'programme', 'sms'],
    fields: [
      'halfYear',
      'newPairs',
      'newParticipants',
      'newReadyVolunteers',
      'programmeTargetParticipants',
      'minVolunteerAge',
      'meetingsPerMonth',
      'retentionMonths',
      'minTrainingHoursBeforeMatch',
      'smsQuietStartHour',
      'smsQuietEndHour',
      'smsMaxPerParticipantPerDay',
      'smsReminderTwoHoursBefore',
      'smsIntoPrison',
    ],
  },
  'settings_.costs': { as: 'coordinator', intents: ['add', 'delete'], fields: ['halfYear', 'amount', 'category', 'note', 'id'] },
  'training.$id': {
    as: 'coordinator',
    params: { id: 'course' },
    intents: ['session', 'enrol', 'attendance'],
    fields: ['date', 'time', 'hours', 'topic', 'volunteerId', 'sessionId', 'present'],
  },
  'training._index': { as: 'coordinator', fields: ['title', 'description', 'place', 'coLeaders', 'requiredHours'] },
  users: { as: 'coordinator', intents: ['invite', 'deactivate', 'reactivate'], fields: ['email', 'role', 'language', 'userId'] },
  'volunteers.$id': {
    as: 'coordinator',
    params: { id: 'pairVolunteerProfile' },
    intents: ['interview', 'reference', 'reference-outcome', 'certificate', 'capacity', 'pause', 'end', 'resume', 'invite', 'clearance'],
    fields: [
      'heldOn',
      'outcome',
      'note',
      'name',
      'relation',
      'phone',
      'contactedOn',
      'referenceId',
      'issueDate',
      'shownDate',
      'capacity',
      'reason',
      'language',
      // -- release (#21): the visitor clearance form
      'clearanceId',
      'prison',
      'appliedOn',
      'clearedOn',
      'expiresOn',
    ],
  },
};

/** Values a form might plausibly get: the world's ids, enum values, dates, numbers. */
function plausibleValues(world: AccessWorld): string[] {
  const today = todayInOslo();
  return [
    ...Object.values(world.records),
    ...Object.values(world.users),
    today,
    addDays(today, 1),
    addDays(today, -1),
    addDays(today, -400),
    '2001-02-29',
    '1999-12-31',
    '18:00',
    '25:61',
    '0',
    '1',
    '3',
    '5',
    '60',
    '-1',
    '1e3',
    '99999999999999999999',
    'NaN',
    'on',
    'true',
    'false',
    'nb',
    'en',
    'IMMEDIATE',
    'DIGEST',
    'COORDINATOR',
    'VOLUNTEER',
    'PROBATION_OFFICER',
    'MALE',
    'FEMALE',
    'OTHER',
    'NONE',
    'ACCEPTED',
    'WAITLISTED',
    'DECLINED',
    'REFERRED',
    'MATCHED',
    'WITHDRAWN',
    'COMPLETED',
    'HELD',
    'CANCELLED_BY_PARTICIPANT',
    'NO_SHOW',
    'CAFE',
    'PRISON_VISIT',
    'OUTDOORS',
    'PLANNED',
    'UNPLANNED',
    'PLAN_COMPLETED',
    'REMATCHED',
    'APPROVED',
    'POSITIVE',
    'PENDING',
    'PHONE',
    'IN_PERSON',
    'VOLUNTEER',
    'OPEN',
    'DONE',
    'HEALTH',
    'JOY',
    'IN_PROGRESS',
    'ACHIEVED',
    'NETWORK',
    'WORK',
    'HOUSING',
    'ER_VIL_KAN',
    'EVENINGS',
    '2026-H1',
    '2027-H2',
    'Trondheim',
    'Åse Ølstad',
    'Máret Sárá 🙂',
    'ola@example.no',
    'a long enough test password',
    '/dashboard',
    '//evil.example',
    'https://evil.example',
  ];
}

function valueArbitrary(world: AccessWorld): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...plausibleValues(world)) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.constantFrom(...XSS_CORPUS) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u0000', '\u202e', 'x'.repeat(5_001)) },
    // Control characters, NUL inside text, lone surrogates, very long Unicode. (A body over the
    // 1 MB limit never reaches an action: the HTTP layer answers 413, tests/integration/security-headers.test.ts.)
    {
      weight: 1,
      arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 20 }),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((text) => `${text}\u0000${text}`) },
    { weight: 1, arbitrary: fc.constantFrom('\ud800', 'a\udc00b', '\udfff\ud800', 'Æ\ud83d') },
    { weight: 1, arbitrary: fc.constantFrom('æøå🙂'.repeat(3_000), '\u{1F468}\u200D\u{1F469}'.repeat(2_000)) },
    { weight: 1, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String) },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  );
}

export type FormBody = Record<string, string | string[]>;

/** A body: maybe an intent, any subset of the form's fields (single or repeated), maybe a stray field. */
export function bodyArbitrary(target: FuzzTarget, world: AccessWorld): fc.Arbitrary<FormBody> {
  const value = valueArbitrary(world);
  const fieldValue = fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.array(value, { maxLength: 3 }) });
  const fields = fc.record(Object.fromEntries(target.fields.map((name) => [name, fieldValue])), {
    requiredKeys: [],
  }) as fc.Arbitrary<FormBody>;
  const intent = target.intents
    ? fc.option(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...target.intents) }, { weight: 1, arbitrary: value }), { freq: 8 })
    : fc.constant(null);
  const stray = fc.option(fc.tuple(fc.string({ maxLength: 10 }), value), { freq: 5 });
  return fc.tuple(intent, fields, stray).map(([chosenIntent, chosen, extra]) => ({
    ...(extra ? { [extra[0]]: extra[1] } : {}),
    ...chosen,
    ...(chosenIntent === null ? {} : { intent: chosenIntent }),
  }));
}

let tables: string[] | undefined;

/** Row counts of every table, in one query. */
export async function countRows(db: Db): Promise<Record<string, number>> {
  tables ??= (
    await db.$queryRawUnsafe<{ name: string }[]>(
      isPostgresUrl(process.env.DATABASE_URL ?? '')
        ? "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE '_prisma_%' ORDER BY tablename"
        : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma_%' ORDER BY name",
    )
  ).map(({ name }) => name);
  const select = tables.map((name, i) => `(SELECT count(*) FROM "${name}") AS c${i}`).join(', ');
  const [row] = await db.$queryRawUnsafe<Record<string, bigint | number>[]>(`SELECT ${select}`);
  if (!row) throw new Error('the row counts returned no row');
  return Object.fromEntries(tables.map((name, i) => [name, Number(row[`c${i}`])]));
}

type Handler = (args: never) => unknown;

export interface FuzzRun {
  routeId: string;
  property: fc.IAsyncPropertyWithHooks<[FormBody]>;
}

/** The world, then one property per fuzzed action. */
export async function fuzzProperties(db: Db): Promise<FuzzRun[]> {
  const world = await createAccessWorld(db);
  const runs: FuzzRun[] = [];
  for (const [routeId, target] of Object.entries(FUZZ_TARGETS)) {
    const route = routeModules().find((candidate) => candidate.id === routeId);
    if (!route) throw new Error(`fuzz target ${routeId} is not a route in app/routes/`);
    const { action } = (await import(route.file)) as { action?: Handler };
    if (!action) throw new Error(`route ${routeId} has no action to fuzz`);
    const { url, params } = routeTarget(routeId, world, target.params);
    const cookie = target.as === 'anonymous' ? undefined : await sessionCookieFor(world.users[target.as]);
    const property = fc.asyncProperty(bodyArbitrary(target, world), async (body) => {
      const before = await countRows(db);
      let response: Response;
      try {
        response = await call(action, postRequest(url, body, cookie), params);
      } catch (error) {
        throw new Error(`POST ${url} threw ${error instanceof Error ? error.stack : String(error)}`);
      }
      if (response.status >= 500) throw new Error(`POST ${url} answered ${response.status}`);
      if (response.status >= 400) {
        const after = await countRows(db);
        const written = Object.keys(after).filter((table) => after[table] !== before[table] && !target.mayWrite?.includes(table));
        if (written.length > 0) throw new Error(`POST ${url} answered ${response.status} but wrote to ${written.join(', ')}`);
      }
    });
    runs.push({ routeId, property });
  }
  return runs;
}
