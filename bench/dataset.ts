/**
 * A national-scale dataset for the benchmark, written straight into a migrated SQLite file
 * with better-sqlite3 prepared statements in one transaction: 2,000 participants, 1,500
 * volunteers, 1,200 active pairs (and 550 ended ones), about 150,000 meetings over three
 * years with their logs, plans with versions and progress reviews, support contacts and
 * concerns. Values follow the demo seed; the generator is deterministic.
 */
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { sqliteFilePath } from '../app/lib/database-url';
import { isPostgresUrl } from '../app/lib/postgresql-adapter';
import { STANDARD_AREAS, GOODS, REVIEW_STATUSES } from '../app/domain/plans/areas';
import { addDays, addMonths, daysBetween, osloInstant, todayInOslo } from '../app/lib/time';

export const COORDINATOR_EMAIL = 'bench-koordinator@brobygger.example';
export const PASSWORD = 'bench-password-not-secret';
export const volunteerEmail = (index: number) => `frivillig-${index}@bench.example`;

const FIRST_NAMES = [
  'Jonas',
  'Amir',
  'Sara',
  'Mathias',
  'Emil',
  'Noah',
  'Ida',
  'Ibrahim',
  'Thea',
  'Henrik',
  'Lucas',
  'Nora',
  'Filip',
  'Markus',
  'Julie',
  'Kevin',
  'Sander',
  'Oliver',
  'Åse',
  'Ørjan',
  'Mari',
  'Ahmed',
  'Kristin',
  'Per',
  'Silje',
  'Bjørn',
  'Linn',
  'Eirik',
  'Hanne',
  'Jørgen',
];
const LAST_NAMES = [
  'Lie',
  'Haddad',
  'Moen',
  'Eide',
  'Strand',
  'Kristiansen',
  'Nilsen',
  'Berg',
  'Yusuf',
  'Solberg',
  'Aune',
  'Hagen',
  'Lund',
  'Dahl',
  'Vik',
  'Rønning',
  'Fossum',
  'Sæther',
  'Ås',
  'Frivoll',
  'Karimi',
  'Granli',
  'Vollan',
  'Brattli',
  'Mo',
  'Tangen',
  'Rønne',
  'Stavrum',
  'Holt',
  'Bakken',
];
const MUNICIPALITIES = [
  'Trondheim',
  'Malvik',
  'Melhus',
  'Stjørdal',
  'Levanger',
  'Steinkjer',
  'Orkland',
  'Verdal',
  'Namsos',
  'Oppdal',
  'Skaun',
  'Inderøy',
];
const PRISONS = [
  'Trondheim fengsel, avdeling Tunga',
  'Trondheim fengsel, avdeling Leira',
  'Verdal fengsel',
  'Bergen fengsel',
  'Ila fengsel',
  'Bastøy fengsel',
];
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
  'boksing',
  'ski',
  'snekring',
];
const LANGUAGES = ['arabisk', 'somali', 'polsk', 'tigrinja', 'engelsk'];
const ACTIVITIES = [
  'Kaffe og prat om skolestart',
  'Gåtur rundt Lianvatnet',
  'Besøk i fengselet, spilte kort',
  'Trening på Pirbadet',
  'Lagde middag sammen',
  'Fotballkamp på Lerkendal',
  'Var på NAV sammen',
];
const PLACES = ['Café Ni Muser', 'Bymarka', 'Besøksrommet', 'Pirbadet', 'Biblioteket'];
const AVAILABILITY = ['WEEKDAY_DAYTIME', 'EVENINGS', 'WEEKENDS'];

export interface Dataset {
  coordinatorId: string;
  /** The oldest active pair (the most meetings); its volunteer is volunteerEmail(0). */
  busiestPairId: string;
  waitingParticipantId: string;
  /** Active pairs for the write test: pair id and the volunteer's email. */
  writePairs: { pairId: string; email: string }[];
  counts: Record<string, number>;
}

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

let idCounter = 0;
const idPrefix = crypto.randomBytes(4).toString('hex');
/** cuid-shaped, unique in the file. */
function id(): string {
  idCounter += 1;
  return `c${idPrefix}${idCounter.toString(36).padStart(12, '0')}`;
}

function toSql(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value) || (value && typeof value === 'object')) return JSON.stringify(value);
  return value ?? null;
}

export function generateDataset(file: string, passwordHash: string, now = new Date()): Dataset {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  const statements = new Map<string, Database.Statement>();
  const counts: Record<string, number> = {};
  const stamp = now;
  function insert(table: string, row: Record<string, unknown>): string {
    const full: Record<string, unknown> = { id: id(), createdAt: stamp, updatedAt: stamp, ...row };
    const keys = Object.keys(full);
    const key = `${table}:${keys.join(',')}`;
    let statement = statements.get(key);
    if (!statement) {
      statement = sqlite.prepare(
        `INSERT INTO "${table}" (${keys.map((k) => `"${k}"`).join(',')}) VALUES (${keys.map(() => '?').join(',')})`,
      );
      statements.set(key, statement);
    }
    statement.run(...keys.map((k) => toSql(full[k])));
    counts[table] = (counts[table] ?? 0) + 1;
    return full.id as string;
  }

  const rand = random(20261122);
  const pick = <T>(list: readonly T[]): T => {
    const item = list[Math.floor(rand() * list.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  };
  const some = <T>(list: readonly T[], count: number): T[] => [...new Set(Array.from({ length: count }, () => pick(list)))];
  const today = todayInOslo(now);
  const instants = new Map<string, Date>(); // osloInstant is slow; meetings reuse a few thousand
  const at = (date: string, time = '12:00') => {
    const key = `${date}T${time}`;
    if (!instants.has(key)) instants.set(key, osloInstant(date, time));
    return instants.get(key)!;
  };

  let result!: Dataset;
  sqlite.transaction(() => {
    const coordinatorId = insert('User', {
      email: COORDINATOR_EMAIL,
      name: 'Kari Nordmann',
      role: 'COORDINATOR',
      passwordHash,
      organisation: 'Røde Kors',
    });
    const officers = Array.from({ length: 20 }, (_, i) =>
      insert('User', {
        email: `veileder-${i}@kriminalomsorg.example`,
        name: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
        role: 'PROBATION_OFFICER',
        passwordHash,
        organisation: 'Kriminalomsorgen',
      }),
    );
    const courses = Array.from({ length: 8 }, (_, i) => {
      const courseId = insert('TrainingCourse', {
        title: `Grunnkurs for frivillige ${i + 1}`,
        place: 'Røde Kors-huset, Trondheim',
        requiredHours: 6,
      });
      const sessions = [0, 7].map((offset) =>
        insert('TrainingSession', {
          courseId,
          startsAt: at(addDays(today, -1100 + i * 130 + offset), '17:00'),
          hours: 3,
          topic: 'Fengselsbesøk og taushetsplikt',
        }),
      );
      return { courseId, sessions, date: addDays(today, -1100 + i * 130 + 7) };
    });

    // Volunteers: 0-1199 hold the active pairs, 1200-1399 are ready and free, then the pipeline.
    const volunteers = Array.from({ length: 1500 }, (_, i) => {
      const status = i < 1400 ? 'READY' : i < 1430 ? 'APPLIED' : i < 1460 ? 'SCREENING' : i < 1480 ? 'PAUSED' : 'LEFT';
      const userId = insert('User', {
        email: volunteerEmail(i),
        name: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
        role: 'VOLUNTEER',
        passwordHash,
      });
      const volunteerId = insert('VolunteerProfile', {
        userId,
        firstName: pick(FIRST_NAMES),
        lastName: pick(LAST_NAMES),
        email: volunteerEmail(i),
        dateOfBirth: addDays(today, -Math.floor((25 + rand() * 40) * 365)),
        gender: rand() < 0.55 ? 'FEMALE' : 'MALE',
        municipality: pick(MUNICIPALITIES),
        interests: some(INTERESTS, 3),
        languages: ['norsk', ...some(LANGUAGES, 1)],
        availability: some(AVAILABILITY, 2),
        processingConsentAt: at(addDays(today, -1200)),
        status,
        stageChangedAt: at(addDays(today, -Math.floor(rand() * 300))),
        capacity: rand() < 0.1 ? 2 : 1,
      });
      if (status === 'READY' || status === 'PAUSED') {
        const course = pick(courses);
        insert('ScreeningInterview', { volunteerId, heldOn: addDays(course.date, -30), interviewerId: coordinatorId, outcome: 'APPROVED' });
        for (const name of ['Referanse En', 'Referanse To']) {
          insert('VolunteerReference', {
            volunteerId,
            name,
            relation: 'Tidligere leder',
            contactedOn: addDays(course.date, -25),
            outcome: 'POSITIVE',
          });
        }
        insert('PoliceCertificate', {
          volunteerId,
          issueDate: addDays(course.date, -40),
          shownDate: addDays(course.date, -20),
          seenById: coordinatorId,
        });
        insert('Enrolment', { courseId: course.courseId, volunteerId, completedAt: at(course.date) });
        for (const sessionId of course.sessions)
          insert('Attendance', { sessionId, volunteerId, present: true, recordedById: coordinatorId });
      }
      return { userId, volunteerId };
    });
    const volunteerAt = (index: number) => {
      const volunteer = volunteers[index];
      if (!volunteer) throw new RangeError(`No volunteer ${index}`);
      return volunteer;
    };

    function meetingsFor(pair: { pairId: string; userId: string; start: string; end: string | null; release: string }) {
      const last = pair.end ?? addMonths(today, 1);
      for (let month = pair.start; month <= last; month = addMonths(month, 1)) {
        const perMonth = rand() < 0.5 ? 4 : 5;
        for (let k = 0; k < perMonth; k += 1) {
          const date = addDays(month, k * 6 + Math.floor(rand() * 4));
          if (date < pair.start || date > last) continue;
          const startsAt = at(date, pick(['10:00', '12:30', '17:00', '18:30']));
          const past = startsAt < now;
          const recent = past && daysBetween(date, today) < 10;
          const logged = past && (!recent || rand() < 0.7) && !(pair.end === null && daysBetween(date, today) < 3);
          const roll = rand();
          const outcome =
            roll < 0.85 ? 'HELD' : roll < 0.91 ? 'CANCELLED_BY_PARTICIPANT' : roll < 0.95 ? 'CANCELLED_BY_VOLUNTEER' : 'NO_SHOW';
          const placeType = date < pair.release ? 'PRISON_VISIT' : pick(['CAFE', 'OUTDOORS', 'ACTIVITY', 'OTHER']);
          const meetingId = insert('Meeting', {
            pairId: pair.pairId,
            startsAt,
            durationMinutes: 60 + 30 * Math.floor(rand() * 3),
            placeType,
            place: placeType === 'PRISON_VISIT' ? 'Besøksrommet' : pick(PLACES),
            status: logged ? outcome : past && pair.end ? 'CANCELLED' : 'PLANNED',
            sequence: logged ? 1 : 0,
          });
          if (!logged) continue;
          const held = outcome === 'HELD';
          insert('MeetingLog', {
            meetingId,
            outcome,
            durationMinutes: held ? 60 + 15 * Math.floor(rand() * 4) : null,
            activity: held ? pick(ACTIVITIES) : null,
            rating: held ? 2 + Math.floor(rand() * 4) : null,
            areas: held ? some(STANDARD_AREAS, 2) : [],
            goods: held ? some(GOODS, 2) : [],
            note: rand() < 0.2 ? 'Gikk fint, snakket om veien videre.' : null,
            loggedById: pair.userId,
            createdAt: startsAt,
          });
          if (rand() < 0.01) {
            insert('Concern', {
              pairId: pair.pairId,
              meetingId,
              raisedById: pair.userId,
              text: 'Virket stresset, snakket om gamle venner.',
              acknowledgedAt: daysBetween(date, today) > 20 ? at(addDays(date, 1)) : null,
              acknowledgedById: daysBetween(date, today) > 20 ? coordinatorId : null,
            });
          }
        }
      }
    }

    function planFor(participantId: string, since: string) {
      const planId = insert('Plan', { participantId });
      const versions = 1 + Math.floor(rand() * 3);
      for (let number = 1; number <= versions; number += 1) {
        const versionId = insert('PlanVersion', { planId, number, createdById: coordinatorId });
        STANDARD_AREAS.forEach((areaKey, position) =>
          insert('PlanArea', {
            versionId,
            areaKey,
            position,
            future: 'Ha to–tre venner som ikke ruser seg, og egen leilighet innen et år.',
            goods: some(GOODS, 2),
            strengths: 'Lojal, god til å lytte.',
            opportunities: 'Fotballaget i bydelen, NAV-veileder.',
            barriers: 'Gamle venner tar kontakt.',
            coping: 'Avtale faste ting med frivillig på fredager.',
          }),
        );
      }
      for (let r = 0; r < 3; r += 1) {
        const reviewId = insert('PlanReview', {
          planId,
          reviewedOn: addDays(since, 60 + r * 90),
          reviewedById: coordinatorId,
          note: 'Framgang på flere områder.',
        });
        for (const areaKey of STANDARD_AREAS) insert('PlanReviewItem', { reviewId, areaKey, status: pick(REVIEW_STATUSES) });
      }
    }

    function participant(status: string, referralDate: string, release: string) {
      const referrerId = pick(officers);
      const participantId = insert('Participant', {
        firstName: pick(FIRST_NAMES),
        lastName: pick(LAST_NAMES),
        dateOfBirth: addDays(referralDate, -Math.floor((18.2 + rand() * 6.5) * 365)),
        gender: rand() < 0.85 ? 'MALE' : 'FEMALE',
        prison: pick(PRISONS),
        prisonUnit: 'Avdeling B',
        expectedReleaseDate: release,
        releaseMunicipality: pick(MUNICIPALITIES),
        interests: some(INTERESTS, 3),
        languages: ['norsk', ...(rand() < 0.3 ? some(LANGUAGES, 1) : [])],
        wishedGender: rand() < 0.15 ? 'FEMALE' : null,
        needs: rand() < 0.5 ? 'Trenger hjelp med å finne bolig og komme i gang med skole.' : null,
        status,
        statusChangedAt: at(referralDate),
        createdAt: at(referralDate),
      });
      insert('Referral', {
        participantId,
        referrerId,
        referralDate,
        decidedAt: status === 'REFERRED' ? null : at(addDays(referralDate, 5)),
        decidedById: status === 'REFERRED' ? null : coordinatorId,
        decision: status === 'REFERRED' ? null : status === 'DECLINED' ? 'DECLINED' : status === 'WAITLISTED' ? 'WAITLISTED' : 'ACCEPTED',
        createdAt: at(referralDate),
      });
      insert('Consent', {
        participantId,
        consentDate: referralDate,
        takenByName: 'Kontaktbetjent',
        shareContactWithVolunteer: true,
        sharePlanWithVolunteer: rand() < 0.9,
        shareAttendanceWithReferrer: true,
      });
      insert('ParticipantStatusChange', { participantId, toStatus: 'REFERRED', changedById: referrerId, createdAt: at(referralDate) });
      if (status !== 'REFERRED')
        insert('ParticipantStatusChange', {
          participantId,
          fromStatus: 'REFERRED',
          toStatus: status,
          changedById: coordinatorId,
          createdAt: at(addDays(referralDate, 5)),
        });
      insert('ProgrammeParticipation', { participantId, programme: pick(['ER_VIL_KAN', 'RUSSAMTALEN', 'KRIMFOKUS']), status: 'COMPLETED' });
      return participantId;
    }

    function pair(
      participantId: string,
      volunteer: { userId: string; volunteerId: string },
      start: string,
      end: string | null,
      release: string,
    ) {
      const pairId = insert('Pair', {
        participantId,
        volunteerId: volunteer.volunteerId,
        status: end ? 'ENDED' : 'ACTIVE',
        matchScore: 50 + Math.floor(rand() * 45),
        proposedAt: at(addDays(start, -7)),
        startDate: start,
        activatedAt: at(start),
        endDate: end,
        endedAt: end ? at(end) : null,
        endType: end ? (rand() < 0.7 ? 'PLANNED' : 'UNPLANNED') : null,
        endReason: end ? pick(['PLAN_COMPLETED', 'PARTICIPANT_WITHDREW', 'VOLUNTEER_LEFT', 'OTHER']) : null,
        surveyScore: end ? 3 + Math.floor(rand() * 3) : null,
        createdById: coordinatorId,
        createdAt: at(start),
      });
      meetingsFor({ pairId, userId: volunteer.userId, start, end, release });
      const months = Math.min(daysBetween(start, end ?? today) / 30, 40);
      for (let m = 0; m <= months; m += 1) {
        const heldOn = addDays(start, m * 30 + 5);
        if (heldOn > today) break;
        insert('SupportContact', {
          pairId,
          withWhom: m % 2 ? 'PARTICIPANT' : 'VOLUNTEER',
          kind: 'PHONE',
          dueDate: heldOn,
          heldOn,
          durationMinutes: 20,
          coordinatorId,
        });
      }
      if (months >= 1)
        insert('FitCheck', { pairId, checkedOn: addDays(start, 35), volunteerScore: 4, participantScore: 4, byId: coordinatorId });
      return pairId;
    }

    // 1,200 active pairs started over the last three years (the first is the oldest).
    const writePairs: Dataset['writePairs'] = [];
    let busiestPairId = '';
    for (let i = 0; i < 1200; i += 1) {
      const start = addDays(today, -(i === 0 ? 1095 : 20 + Math.floor(rand() * 1075)));
      const release = addDays(start, Math.floor(rand() * 200));
      const participantId = participant('MATCHED', addDays(start, -40), release);
      planFor(participantId, start);
      for (const item of ['HOUSING', 'NAV', 'GP', 'PROBATION_APPOINTMENT', 'PHONE', 'ID']) {
        insert('ReleaseChecklistItem', { participantId, item, status: pick(['OPEN', 'AGREED', 'DONE']), updatedById: coordinatorId });
      }
      const pairId = pair(participantId, volunteerAt(i), start, null, release);
      if (i === 0) busiestPairId = pairId;
      else if (writePairs.length < 50) writePairs.push({ pairId, email: volunteerEmail(i) });
    }
    // 550 ended pairs, with volunteers who are still active or free.
    for (let j = 0; j < 550; j += 1) {
      const start = addDays(today, -(400 + Math.floor(rand() * 700)));
      const end = addDays(start, 180 + Math.floor(rand() * 540));
      const release = addDays(start, Math.floor(rand() * 200));
      const participantId = participant(rand() < 0.7 ? 'COMPLETED' : 'WITHDRAWN', addDays(start, -40), release);
      planFor(participantId, start);
      pair(participantId, volunteerAt(j % 2 ? j : 1200 + (j % 280)), start, end < today ? end : addDays(today, -1), release);
    }
    // The waiting list and the referrals still to triage.
    let waitingParticipantId = '';
    for (let k = 0; k < 250; k += 1) {
      const status = k < 150 ? 'ACCEPTED' : k < 200 ? 'WAITLISTED' : k < 230 ? 'REFERRED' : 'DECLINED';
      const referralDate = addDays(today, -Math.floor(rand() * 120));
      const participantId = participant(status, referralDate, addDays(today, 5 + Math.floor(rand() * 200)));
      if (k === 0) waitingParticipantId = participantId;
    }
    result = { coordinatorId, busiestPairId, waitingParticipantId, writePairs, counts: {} };
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  result.counts = counts;
  return result;
}

/** Past, unlogged meetings for the write test: `perPair` for each pair, the oldest first, in the SQLite file or PostgreSQL database `databaseUrl` names. */
export async function addUnloggedMeetings(
  databaseUrl: string,
  pairIds: string[],
  perPair: number,
  now = new Date(),
): Promise<Map<string, string[]>> {
  const byPair = new Map<string, string[]>();
  const rows: [string, string, Date][] = [];
  for (const pairId of pairIds) {
    const ids: string[] = [];
    for (let k = 0; k < perPair; k += 1) {
      const meetingId = id();
      rows.push([meetingId, pairId, new Date(now.getTime() - (3 * 24 + k) * 3600_000)]);
      ids.push(meetingId);
    }
    byPair.set(pairId, ids);
  }
  const columns = `("id","pairId","startsAt","durationMinutes","placeType","status","sequence","createdAt","updatedAt")`;
  if (isPostgresUrl(databaseUrl)) {
    const client = new pg.Client({ connectionString: databaseUrl, options: '-c TimeZone=UTC' });
    await client.connect();
    try {
      const utc = (date: Date) => date.toISOString().replace('Z', '');
      for (let i = 0; i < rows.length; i += 1000) {
        const chunk = rows.slice(i, i + 1000);
        const values = chunk.flatMap(([meetingId, pairId, startsAt]) => [meetingId, pairId, utc(startsAt)]);
        const stamp = `$${chunk.length * 3 + 1}`;
        const tuples = chunk.map((_, j) => `($${j * 3 + 1},$${j * 3 + 2},$${j * 3 + 3},60,'CAFE','PLANNED',0,${stamp},${stamp})`);
        await client.query(`INSERT INTO "Meeting" ${columns} VALUES ${tuples.join(',')}`, [...values, utc(now)]);
      }
      await client.query('ANALYZE "Meeting"');
    } finally {
      await client.end();
    }
    return byPair;
  }
  const sqlite = new Database(sqliteFilePath(databaseUrl));
  sqlite.pragma('busy_timeout = 5000');
  const statement = sqlite.prepare(`INSERT INTO "Meeting" ${columns} VALUES (?,?,?,60,'CAFE','PLANNED',0,?,?)`);
  sqlite.transaction(() => {
    for (const [meetingId, pairId, startsAt] of rows) statement.run(meetingId, pairId, toSql(startsAt), toSql(now), toSql(now));
  })();
  sqlite.close();
  return byPair;
}
