/**
 * Demo data: realistic and clearly fake. Trøndelag municipalities, Norwegian prisons,
 * plausible interests and plans; every email address is on the reserved .example domain.
 * Dates are relative to the day the seed runs, so the demo always looks current.
 */
import { lockTransaction, type Db, type Tx } from '~/lib/db.server';
import { DEMO_LOGINS, DEMO_PASSWORD } from '~/domain/users/demo-logins';
import type { Good } from '~/domain/plans/areas';
import type { ParticipantStatus } from '~/domain/participants/status';
import type { Programme } from '~/domain/participants/participant-form';
import type { LogOutcome, PlaceType } from '~/domain/meetings/constants';
import { supportSchedule } from '~/domain/pairs/support';
import { addDays, halfYearOf, osloInstant, previousHalfYear, todayInOslo } from '~/lib/time';
import {
  completeScreening,
  createCourse,
  createMeeting,
  createPair,
  createParticipant,
  createPlan,
  createPlanReview,
  createUser,
  createVolunteer,
  earlierToday,
  createParticipantAnswer,
} from './fixtures/factories';
import { deliverParticipantLink } from '~/domain/participant-links/delivery.server';
import { issueLink } from '~/domain/participant-links/links.server';
import { currentTime } from '~/lib/clock';
import { SETTINGS } from '~/domain/settings/definitions';
import { daysBeforeFrom, DEFAULT_OWNERS, trackerDeadline, TRACKER_ITEMS } from '~/domain/participants/service-tracker';
import { TRACKED_STATUSES } from '~/domain/participants/service-tracker.server';
import { planSms } from '~/domain/sms/encoding';

/** The item at an index the seed chose in one of its fixed lists, or a clear failure. */
function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new RangeError(`The demo data has no item ${index} in a list of ${list.length}`);
  return item;
}

const [COORDINATOR_LOGIN, VOLUNTEER_LOGIN, OFFICER_LOGIN] = [nth(DEMO_LOGINS, 0), nth(DEMO_LOGINS, 1), nth(DEMO_LOGINS, 2)];

const PRISONS = [
  'Trondheim fengsel, avdeling Tunga',
  'Trondheim fengsel, avdeling Leira',
  'Verdal fengsel',
  'Trondheim fengsel, avdeling Leira',
];

interface DemoParticipant {
  firstName: string;
  lastName: string;
  age: number;
  gender: 'MALE' | 'FEMALE';
  status: ParticipantStatus;
  /** days from today; negative = already released */
  release: number;
  municipality: string;
  interests: string[];
  languages?: string[];
  wishedGender?: 'MALE' | 'FEMALE';
  needs?: string;
  sharePlan?: boolean;
}

const PARTICIPANTS: DemoParticipant[] = [
  // matched, with active pairs (the first belongs to the demo volunteer)
  {
    firstName: 'Jonas',
    lastName: 'Lie',
    age: 21,
    gender: 'MALE',
    status: 'MATCHED',
    release: -40,
    municipality: 'Trondheim',
    interests: ['fotball', 'gaming', 'trening'],
    needs: 'Trenger hjelp med å finne bolig og komme i gang med skole.',
  },
  {
    firstName: 'Amir',
    lastName: 'Haddad',
    age: 22,
    gender: 'MALE',
    status: 'MATCHED',
    release: 25,
    municipality: 'Trondheim',
    interests: ['boksing', 'musikk'],
    languages: ['norsk', 'arabisk'],
  },
  {
    firstName: 'Sara',
    lastName: 'Moen',
    age: 20,
    gender: 'FEMALE',
    status: 'MATCHED',
    release: -75,
    municipality: 'Stjørdal',
    interests: ['hest', 'matlaging', 'turgåing'],
    wishedGender: 'FEMALE',
  },
  {
    firstName: 'Mathias',
    lastName: 'Eide',
    age: 23,
    gender: 'MALE',
    status: 'MATCHED',
    release: 10,
    municipality: 'Steinkjer',
    interests: ['fiske', 'bil og motor'],
  },
  {
    firstName: 'Emil',
    lastName: 'Strand',
    age: 19,
    gender: 'MALE',
    status: 'MATCHED',
    release: -120,
    municipality: 'Levanger',
    interests: ['gaming', 'data', 'sjakk'],
    sharePlan: false,
  },
  {
    firstName: 'Noah',
    lastName: 'Kristiansen',
    age: 24,
    gender: 'MALE',
    status: 'MATCHED',
    release: -20,
    municipality: 'Malvik',
    interests: ['klatring', 'turgåing'],
  },
  {
    firstName: 'Aleksander',
    lastName: 'Nilsen',
    age: 22,
    gender: 'MALE',
    status: 'MATCHED',
    release: 45,
    municipality: 'Trondheim',
    interests: ['basketball', 'musikk', 'film'],
  },
  {
    firstName: 'Ida',
    lastName: 'Berg',
    age: 21,
    gender: 'FEMALE',
    status: 'MATCHED',
    release: -5,
    municipality: 'Melhus',
    interests: ['tegning', 'yoga'],
    wishedGender: 'FEMALE',
  },
  // waiting for a volunteer
  {
    firstName: 'Ibrahim',
    lastName: 'Yusuf',
    age: 20,
    gender: 'MALE',
    status: 'ACCEPTED',
    release: 30,
    municipality: 'Trondheim',
    interests: ['fotball', 'trening'],
    languages: ['norsk', 'somali'],
  },
  {
    firstName: 'Thea',
    lastName: 'Solberg',
    age: 23,
    gender: 'FEMALE',
    status: 'ACCEPTED',
    release: 55,
    municipality: 'Orkland',
    interests: ['hund', 'turgåing', 'matlaging'],
  },
  {
    firstName: 'Henrik',
    lastName: 'Aune',
    age: 19,
    gender: 'MALE',
    status: 'ACCEPTED',
    release: 12,
    municipality: 'Verdal',
    interests: ['snekring', 'fiske'],
  },
  {
    firstName: 'Lucas',
    lastName: 'Hagen',
    age: 22,
    gender: 'MALE',
    status: 'WAITLISTED',
    release: 150,
    municipality: 'Namsos',
    interests: ['musikk', 'gitar'],
  },
  {
    firstName: 'Sander',
    lastName: 'Lund',
    age: 24,
    gender: 'MALE',
    status: 'WAITLISTED',
    release: 200,
    municipality: 'Oppdal',
    interests: ['ski', 'friluftsliv'],
  },
  // new referrals for triage
  {
    firstName: 'Oliver',
    lastName: 'Ås',
    age: 18,
    gender: 'MALE',
    status: 'REFERRED',
    release: 70,
    municipality: 'Trondheim',
    interests: ['fotball', 'rap'],
  },
  {
    firstName: 'Nora',
    lastName: 'Dahl',
    age: 21,
    gender: 'FEMALE',
    status: 'REFERRED',
    release: 90,
    municipality: 'Skaun',
    interests: ['trening', 'sminke', 'musikk'],
  },
  {
    firstName: 'Filip',
    lastName: 'Vik',
    age: 20,
    gender: 'MALE',
    status: 'REFERRED',
    release: 40,
    municipality: 'Trondheim',
    interests: ['gaming', 'basketball'],
  },
  // ended
  {
    firstName: 'Tobias',
    lastName: 'Ness',
    age: 24,
    gender: 'MALE',
    status: 'DECLINED',
    release: 20,
    municipality: 'Bergen',
    interests: ['fotball'],
  },
  {
    firstName: 'Markus',
    lastName: 'Rønning',
    age: 23,
    gender: 'MALE',
    status: 'COMPLETED',
    release: -260,
    municipality: 'Trondheim',
    interests: ['trening', 'matlaging'],
  },
  {
    firstName: 'Julie',
    lastName: 'Fossum',
    age: 22,
    gender: 'FEMALE',
    status: 'COMPLETED',
    release: -220,
    municipality: 'Stjørdal',
    interests: ['hest', 'tegning'],
  },
  {
    firstName: 'Kevin',
    lastName: 'Sæther',
    age: 21,
    gender: 'MALE',
    status: 'WITHDRAWN',
    release: -150,
    municipality: 'Trondheim',
    interests: ['bil og motor'],
  },
];

interface DemoVolunteer {
  firstName: string;
  lastName: string;
  age: number;
  gender: 'MALE' | 'FEMALE';
  municipality: string;
  interests: string[];
  languages?: string[];
  availability: string[];
  stage: 'APPLIED' | 'SCREENING' | 'READY' | 'PAUSED' | 'LEFT';
  daysInStage: number;
  capacity?: number;
}

const VOLUNTEERS: DemoVolunteer[] = [
  // ready and matched (the first is the demo volunteer)
  {
    firstName: 'Marte',
    lastName: 'Frivoll',
    age: 34,
    gender: 'FEMALE',
    municipality: 'Trondheim',
    interests: ['fotball', 'trening', 'film'],
    availability: ['EVENINGS', 'WEEKENDS'],
    stage: 'READY',
    daysInStage: 120,
    capacity: 2,
  },
  {
    firstName: 'Ahmed',
    lastName: 'Karimi',
    age: 41,
    gender: 'MALE',
    municipality: 'Trondheim',
    interests: ['boksing', 'musikk', 'matlaging'],
    languages: ['norsk', 'arabisk', 'engelsk'],
    availability: ['EVENINGS'],
    stage: 'READY',
    daysInStage: 90,
  },
  {
    firstName: 'Hanne',
    lastName: 'Granli',
    age: 52,
    gender: 'FEMALE',
    municipality: 'Stjørdal',
    interests: ['hest', 'turgåing'],
    availability: ['WEEKDAY_DAYTIME', 'WEEKENDS'],
    stage: 'READY',
    daysInStage: 200,
  },
  {
    firstName: 'Per',
    lastName: 'Vollan',
    age: 61,
    gender: 'MALE',
    municipality: 'Steinkjer',
    interests: ['fiske', 'bil og motor', 'snekring'],
    availability: ['WEEKDAY_DAYTIME'],
    stage: 'READY',
    daysInStage: 150,
  },
  {
    firstName: 'Eirik',
    lastName: 'Brattli',
    age: 29,
    gender: 'MALE',
    municipality: 'Levanger',
    interests: ['sjakk', 'data', 'gaming'],
    availability: ['EVENINGS'],
    stage: 'READY',
    daysInStage: 210,
  },
  {
    firstName: 'Kristin',
    lastName: 'Mo',
    age: 38,
    gender: 'FEMALE',
    municipality: 'Malvik',
    interests: ['klatring', 'ski'],
    availability: ['WEEKENDS'],
    stage: 'READY',
    daysInStage: 100,
  },
  {
    firstName: 'Jørgen',
    lastName: 'Tangen',
    age: 27,
    gender: 'MALE',
    municipality: 'Trondheim',
    interests: ['basketball', 'film', 'musikk'],
    availability: ['EVENINGS', 'WEEKENDS'],
    stage: 'READY',
    daysInStage: 60,
  },
  {
    firstName: 'Silje',
    lastName: 'Rønne',
    age: 45,
    gender: 'FEMALE',
    municipality: 'Melhus',
    interests: ['yoga', 'tegning', 'matlaging'],
    availability: ['WEEKDAY_DAYTIME', 'EVENINGS'],
    stage: 'READY',
    daysInStage: 80,
  },
  // ready, free
  {
    firstName: 'Bjørn',
    lastName: 'Stavrum',
    age: 48,
    gender: 'MALE',
    municipality: 'Trondheim',
    interests: ['fotball', 'friluftsliv', 'fiske'],
    availability: ['EVENINGS', 'WEEKENDS'],
    stage: 'READY',
    daysInStage: 20,
  },
  {
    firstName: 'Linn',
    lastName: 'Holt',
    age: 31,
    gender: 'FEMALE',
    municipality: 'Orkland',
    interests: ['hund', 'turgåing', 'matlaging'],
    availability: ['WEEKENDS'],
    stage: 'READY',
    daysInStage: 12,
  },
  // in the pipeline
  {
    firstName: 'Camilla',
    lastName: 'Sve',
    age: 36,
    gender: 'FEMALE',
    municipality: 'Trondheim',
    interests: ['musikk', 'gitar'],
    availability: ['EVENINGS'],
    stage: 'SCREENING',
    daysInStage: 21,
  },
  {
    firstName: 'Anders',
    lastName: 'Kvam',
    age: 26,
    gender: 'MALE',
    municipality: 'Verdal',
    interests: ['snekring', 'trening'],
    availability: ['WEEKENDS'],
    stage: 'SCREENING',
    daysInStage: 6,
  },
  {
    firstName: 'Tone',
    lastName: 'Bakken',
    age: 57,
    gender: 'FEMALE',
    municipality: 'Namsos',
    interests: ['strikking', 'turgåing'],
    availability: ['WEEKDAY_DAYTIME'],
    stage: 'APPLIED',
    daysInStage: 3,
  },
  {
    firstName: 'Mohammed',
    lastName: 'Ali',
    age: 33,
    gender: 'MALE',
    municipality: 'Trondheim',
    interests: ['fotball', 'matlaging'],
    languages: ['norsk', 'somali', 'engelsk'],
    availability: ['EVENINGS'],
    stage: 'APPLIED',
    daysInStage: 17,
  },
  {
    firstName: 'Geir',
    lastName: 'Lyng',
    age: 64,
    gender: 'MALE',
    municipality: 'Oppdal',
    interests: ['ski', 'friluftsliv'],
    availability: ['WEEKDAY_DAYTIME'],
    stage: 'PAUSED',
    daysInStage: 40,
  },
];

/** In-prison programmes taken before referral, rotated over the demo participants. */
const PROGRAMME_HISTORY: [Programme, 'ONGOING' | 'COMPLETED' | 'INTERRUPTED'][][] = [
  [['ER_VIL_KAN', 'COMPLETED']],
  [
    ['ER_VIL_KAN', 'COMPLETED'],
    ['RUSSAMTALEN', 'COMPLETED'],
  ],
  [['KRIMFOKUS', 'INTERRUPTED']],
  [
    ['ER_VIL_KAN', 'ONGOING'],
    ['VAGA_VALJA', 'COMPLETED'],
  ],
];

const OFFICERS = [
  { email: OFFICER_LOGIN.email, name: 'Ola Nordmann', organisation: 'Kriminalomsorgen, Trondheim fengsel' },
  { email: 'siri.hansen@kriminalomsorg.example', name: 'Siri Hansen', organisation: 'Kriminalomsorgen, friomsorgen Trøndelag' },
  { email: 'jon.berg@kriminalomsorg.example', name: 'Jon Berg', organisation: 'Kriminalomsorgen, Verdal fengsel' },
  { email: 'mette.aune@kriminalomsorg.example', name: 'Mette Aune', organisation: 'Kriminalomsorgen, Trondheim fengsel' },
];

const PLAN_TEXT: Record<
  string,
  { future: string; goods: Good[]; strengths: string; opportunities: string; barriers: string; coping: string }
> = {
  NETWORK: {
    future: 'Ha to–tre venner som ikke ruser seg, og ha bedre kontakt med lillesøster.',
    goods: ['BELONGING', 'JOY'],
    strengths: 'Lojal, god til å lytte, glad i familien.',
    opportunities: 'Fotballaget i bydelen, frivillig fra Brobygger, storesøster.',
    barriers: 'Gamle venner tar kontakt når jeg kommer ut.',
    coping: 'Bytte telefonnummer, avtale faste ting med frivillig på fredager.',
  },
  ACTIVITY_DIET: {
    future: 'Trene tre ganger i uka og spise frokost hver dag.',
    goods: ['HEALTH', 'MASTERY'],
    strengths: 'Sterk vilje når jeg har et mål.',
    opportunities: 'Treningssenter med rabatt via NAV, løpegruppe.',
    barriers: 'Døgnrytmen blir fort snudd.',
    coping: 'Fast tid å stå opp, trene sammen med frivillig.',
  },
  WORK_EDUCATION: {
    future: 'Fullføre fagbrev som tømrer.',
    goods: ['MASTERY', 'MEANING', 'AUTONOMY'],
    strengths: 'Flink med hendene, har tatt to fag i fengselet.',
    opportunities: 'Opplæringskontor, NAV-veileder, skolen i fengselet.',
    barriers: 'Lite tro på meg selv på skole.',
    coping: 'Ta ett fag om gangen, be om leksehjelp.',
  },
  FINANCES: {
    future: 'Ha oversikt over gjelda og en nedbetalingsplan.',
    goods: ['INNER_PEACE', 'AUTONOMY'],
    strengths: 'Ærlig om hvordan det står til.',
    opportunities: 'Gjeldsrådgiver i kommunen.',
    barriers: 'Unngår å åpne brev.',
    coping: 'Åpne post sammen med noen jeg stoler på.',
  },
  HOUSING: {
    future: 'Egen leilighet innen et år.',
    goods: ['INNER_PEACE', 'AUTONOMY'],
    strengths: 'Har bodd alene før og klarte meg.',
    opportunities: 'Kommunal bolig, startlån senere.',
    barriers: 'Ingen bolig klar ved løslatelse.',
    coping: 'Søke tidlig, bo hos søster i overgangen.',
  },
};

function dateOfBirthForAge(age: number, today: string): string {
  return addDays(today, -(age * 365 + Math.floor(age / 4) + 40));
}

export async function seedDemoData(db: Db, now = currentTime(), onlyIfEmpty = false): Promise<boolean> {
  const today = todayInOslo(now);
  return db.$transaction(
    async (tx: Tx) => {
      if (onlyIfEmpty) {
        // Two instances starting at once: the second waits here for the first's seed, then finds
        // it (SQLite's write transactions are serial already, docs/decisions/014-postgresql.md).
        await lockTransaction(tx, 'demo-seed');
        if ((await tx.user.count()) > 0) return false;
      }
      const coordinator = await createUser(tx, {
        role: 'COORDINATOR',
        email: COORDINATOR_LOGIN.email,
        name: 'Kari Nordmann',
        password: DEMO_PASSWORD,
        organisation: 'Røde Kors Trøndelag',
      });
      const officers = [];
      for (const officer of OFFICERS) {
        officers.push(await createUser(tx, { role: 'PROBATION_OFFICER', ...officer, password: DEMO_PASSWORD }));
      }
      const volunteerUser = await createUser(tx, {
        role: 'VOLUNTEER',
        email: VOLUNTEER_LOGIN.email,
        name: 'Marte Frivoll',
        password: DEMO_PASSWORD,
      });

      const pastCourse = await createCourse(tx, {
        title: 'Grunnkurs for frivillige – høst',
        sessions: [
          { date: addDays(today, -240), hours: 3, topic: 'Hva det vil si å være frivillig for unge etter soning' },
          { date: addDays(today, -233), hours: 3, topic: 'Fengselsbesøk, taushetsplikt og grenser' },
          { date: addDays(today, -226), hours: 2, topic: 'Er-Vil-Kan og de sju godene' },
        ],
      });
      const springCourse = await createCourse(tx, {
        title: 'Grunnkurs for frivillige – vår',
        sessions: [
          { date: addDays(today, 2), hours: 3, topic: 'Hva det vil si å være frivillig for unge etter soning' },
          { date: addDays(today, 9), hours: 3, topic: 'Fengselsbesøk, taushetsplikt og grenser' },
        ],
      });

      const volunteers = [];
      for (const [index, v] of VOLUNTEERS.entries()) {
        const stageChangedAt = new Date(now.getTime() - v.daysInStage * 86_400_000);
        const volunteer = await createVolunteer(tx, {
          firstName: v.firstName,
          lastName: v.lastName,
          email: index === 0 ? VOLUNTEER_LOGIN.email : `${v.firstName}.${v.lastName}`.toLowerCase().replace(/[^a-z.]/g, '') + '@example.no',
          dateOfBirth: dateOfBirthForAge(v.age, today),
          gender: v.gender,
          municipality: v.municipality,
          interests: v.interests,
          languages: v.languages ?? ['norsk', 'engelsk'],
          availability: v.availability,
          status: v.stage,
          capacity: v.capacity ?? 1,
          userId: index === 0 ? volunteerUser.id : null,
          stageChangedAt,
          createdAt: new Date(stageChangedAt.getTime() - 40 * 86_400_000),
        });
        if (v.stage === 'READY' || v.stage === 'PAUSED') {
          await completeScreening(tx, {
            volunteerId: volunteer.id,
            coordinatorId: coordinator.id,
            courseId: pastCourse.id,
            on: addDays(today, -Math.max(v.daysInStage, 30)),
          });
        }
        if (v.stage === 'SCREENING') {
          await tx.screeningInterview.create({
            data: { volunteerId: volunteer.id, heldOn: addDays(today, -v.daysInStage), interviewerId: coordinator.id, outcome: 'APPROVED' },
          });
          // Those screened recently have their references in and wait for the certificate.
          if (v.daysInStage < 10) {
            for (const name of ['Referanse En', 'Referanse To']) {
              await tx.volunteerReference.create({
                data: {
                  volunteerId: volunteer.id,
                  name,
                  relation: 'Tidligere kollega',
                  contactedOn: addDays(today, -v.daysInStage),
                  outcome: 'POSITIVE',
                },
              });
            }
          }
          await tx.enrolment.create({ data: { courseId: springCourse.id, volunteerId: volunteer.id } });
        }
        volunteers.push(volunteer);
      }

      const participants = [];
      for (const [index, p] of PARTICIPANTS.entries()) {
        const referrer = nth(officers, index % officers.length);
        const referredDaysAgo = p.status === 'REFERRED' ? 3 + index : 60 + index * 9;
        const referralDate = addDays(today, -referredDaysAgo);
        const participant = await createParticipant(tx, {
          referrerId: referrer.id,
          firstName: p.firstName,
          lastName: p.lastName,
          dateOfBirth: dateOfBirthForAge(p.age, referralDate),
          gender: p.gender,
          status: p.status,
          prison: PRISONS[index % PRISONS.length],
          prisonUnit: `Avdeling ${'ABCD'[index % 4]}`,
          expectedReleaseDate: addDays(today, p.release),
          releaseMunicipality: p.municipality,
          interests: p.interests,
          languages: p.languages ?? ['norsk'],
          wishedGender: p.wishedGender ?? null,
          needs: p.needs,
          referralDate,
          // -- sms (#20): every demo participant has a (fake) mobile number; the first three may be texted.
          phone: `+479000${String(1000 + index).slice(-4)}`,
          consent: { sharePlan: p.sharePlan ?? true, sms: index < 3, volunteerMayText: index < 3 },
          programmes: nth(PROGRAMME_HISTORY, index % PROGRAMME_HISTORY.length).map(([programme, status]) => ({
            programme,
            status,
            startDate: addDays(referralDate, -150),
            endDate: status === 'ONGOING' ? undefined : addDays(referralDate, -30),
          })),
          createdAt: osloInstant(referralDate, '10:00'),
        });
        if (p.status !== 'REFERRED') {
          const decision = p.status === 'DECLINED' ? 'DECLINED' : p.status === 'WAITLISTED' ? 'WAITLISTED' : 'ACCEPTED';
          await tx.referral.updateMany({
            where: { participantId: participant.id },
            data: {
              decision,
              decidedAt: osloInstant(addDays(referralDate, 4), '13:00'),
              decidedById: coordinator.id,
              decisionReason: decision === 'DECLINED' ? 'Skal bosette seg utenfor Trøndelag.' : null,
            },
          });
          await tx.participantStatusChange.create({
            data: {
              participantId: participant.id,
              fromStatus: 'REFERRED',
              toStatus: decision,
              changedById: coordinator.id,
              createdAt: osloInstant(addDays(referralDate, 4), '13:00'),
            },
          });
        }
        if (p.status !== 'REFERRED' && p.status !== 'DECLINED') {
          const plan = await createPlan(tx, {
            participantId: participant.id,
            createdById: referrer.id,
            areas: Object.entries(PLAN_TEXT).map(([areaKey, text]) => ({ areaKey, ...text })),
          });
          if (p.status === 'MATCHED') {
            await createPlanReview(tx, {
              planId: plan.id,
              reviewedOn: addDays(today, -21),
              reviewedById: coordinator.id,
              note: 'Gjennomgått sammen med deltaker og frivillig.',
              items: [
                { areaKey: 'NETWORK', status: 'IN_PROGRESS', note: 'Trener med fotballaget.' },
                { areaKey: 'ACTIVITY_DIET', status: 'IN_PROGRESS' },
                { areaKey: 'WORK_EDUCATION', status: 'NOT_STARTED', note: 'Venter på svar fra opplæringskontoret.' },
                { areaKey: 'FINANCES', status: 'IN_PROGRESS' },
                { areaKey: 'HOUSING', status: index % 2 === 0 ? 'ACHIEVED' : 'PAUSED' },
              ],
            });
          }
        }
        participants.push(participant);
      }

      // Eight active pairs, with a few months of weekly meetings each.
      for (let i = 0; i < 8; i += 1) {
        const participant = nth(participants, i);
        const volunteer = nth(volunteers, i);
        const startDate = addDays(today, -(30 + ((i * 17) % 110)));
        const pair = await createPair(tx, {
          participantId: participant.id,
          volunteerId: volunteer.id,
          startDate,
          createdById: coordinator.id,
        });
        await tx.participantStatusChange.create({
          data: {
            participantId: participant.id,
            fromStatus: 'ACCEPTED',
            toStatus: 'MATCHED',
            changedById: coordinator.id,
            createdAt: osloInstant(startDate, '12:00'),
          },
        });
        await seedMeetings(tx, {
          pairId: pair.id,
          startDate,
          today,
          releaseDate: participant.expectedReleaseDate,
          loggedById: i === 0 ? volunteerUser.id : undefined,
          variant: i,
        });
        // The coordinator's support contacts so far; pair 4 is behind on them.
        const dueContacts = supportSchedule(startDate, 12).filter((date) => date <= today);
        for (const [n, date] of dueContacts.slice(0, i === 4 ? 1 : undefined).entries()) {
          await tx.supportContact.create({
            data: {
              pairId: pair.id,
              withWhom: n % 2 === 0 ? 'VOLUNTEER' : 'PARTICIPANT',
              kind: n % 3 === 0 ? 'IN_PERSON' : 'PHONE',
              dueDate: date,
              heldOn: date,
              durationMinutes: 20,
              coordinatorId: coordinator.id,
            },
          });
        }
        await seedParticipantVoice(tx, { pairId: pair.id, startDate, today, variant: i });
        if (i === 0) {
          // The demo volunteer has two meetings waiting for their log: yesterday's and earlier today's.
          await createMeeting(tx, {
            pairId: pair.id,
            startsAt: osloInstant(addDays(today, -1), '17:30'),
            placeType: 'OUTDOORS',
            place: 'Bymarka',
          });
          await createMeeting(tx, {
            pairId: pair.id,
            startsAt: earlierToday(2, now),
            placeType: 'CAFE',
            place: 'Café Ni Muser',
          });
        }
        if (i === 0 || i === 2)
          await seedTexts(tx, {
            pairId: pair.id,
            participantId: participant.id,
            phone: participant.phone!,
            volunteerUserId: i === 0 ? volunteerUser.id : null,
            now,
            unread: i === 2,
          });
      }

      await seedReleaseAndHolds(tx, { participants, volunteers, coordinatorId: coordinator.id, today });

      // Two pairs that ended: one completed as planned, one where the participant withdrew.
      for (const [participantIndex, volunteerIndex, reason] of [
        [17, 8, 'PLAN_COMPLETED'],
        [19, 9, 'PARTICIPANT_WITHDREW'],
      ] as const) {
        const startDate = addDays(today, -300);
        const pair = await createPair(tx, {
          participantId: nth(participants, participantIndex).id,
          volunteerId: nth(volunteers, volunteerIndex).id,
          startDate,
          createdById: coordinator.id,
        });
        const endDate = addDays(today, reason === 'PLAN_COMPLETED' ? -40 : -150);
        await seedMeetings(tx, {
          pairId: pair.id,
          startDate,
          today: endDate,
          releaseDate: nth(participants, participantIndex).expectedReleaseDate,
          variant: participantIndex,
        });
        await tx.pair.update({
          where: { id: pair.id },
          data: {
            status: 'ENDED',
            endDate,
            endedAt: osloInstant(endDate, '15:00'),
            endType: reason === 'PLAN_COMPLETED' ? 'PLANNED' : 'UNPLANNED',
            endReason: reason,
            closureTalkDate: endDate,
            contactAfterClosure: reason === 'PLAN_COMPLETED' ? 'Avtalt en kaffe om tre måneder.' : null,
            surveyScore: reason === 'PLAN_COMPLETED' ? 5 : 3,
          },
        });
        if (reason === 'PLAN_COMPLETED') {
          await createParticipantAnswer(tx, {
            pairId: pair.id,
            purpose: 'CLOSURE_SURVEY',
            scores: { overall: 5 },
            comment: 'Takk for alle turene.',
            answeredAt: osloInstant(addDays(endDate, 3), '18:00'),
          });
        }
      }
      const julie = nth(participants, 18);
      const endedPair = await createPair(tx, {
        participantId: julie.id,
        volunteerId: nth(volunteers, 2).id,
        startDate: addDays(today, -400),
        createdById: coordinator.id,
      });
      await tx.pair.update({
        where: { id: endedPair.id },
        data: {
          status: 'ENDED',
          endDate: addDays(today, -190),
          endedAt: osloInstant(addDays(today, -190), '15:00'),
          endType: 'PLANNED',
          endReason: 'PLAN_COMPLETED',
          surveyScore: 4,
        },
      });
      // As closing the pair records it: the participant's status change carries the end reason's code.
      await tx.participantStatusChange.create({
        data: {
          participantId: julie.id,
          fromStatus: 'MATCHED',
          toStatus: 'COMPLETED',
          reason: 'PLAN_COMPLETED',
          changedById: coordinator.id,
          createdAt: osloInstant(addDays(today, -190), '15:00'),
        },
      });

      // Targets for this and the previous half-year.
      const current = halfYearOf(now);
      await tx.halfYearTarget.create({ data: { halfYear: current, newPairs: 10, newParticipants: 12, newReadyVolunteers: 10 } });
      await tx.halfYearTarget.create({
        data: { halfYear: previousHalfYear(current), newPairs: 10, newParticipants: 12, newReadyVolunteers: 10 },
      });
      // -- outcomes (#22): the programme's costs, for the cost per pair in the reports (amounts in øre).
      await tx.programmeCost.createMany({
        data: [
          { halfYear: current, amountOre: 42_000_000, category: 'STAFF', note: 'Koordinator, 60 %', recordedById: coordinator.id },
          { halfYear: current, amountOre: 6_000_000, category: 'PREMISES', note: null, recordedById: coordinator.id },
          { halfYear: previousHalfYear(current), amountOre: 40_000_000, category: 'STAFF', note: null, recordedById: coordinator.id },
          {
            halfYear: previousHalfYear(current),
            amountOre: 1_850_050,
            category: 'TRAVEL',
            note: 'Reiser til fengslene',
            recordedById: coordinator.id,
          },
        ],
      });
      // -- services (#21): the services trackers of the participants released lately or soon.
      const officerIds: string[] = officers.map((officer) => officer.id);
      await seedServiceTrackers(tx, {
        participants: participants.map((participant, index) => ({
          id: participant.id,
          status: nth(PARTICIPANTS, index).status,
          releaseDate: participant.expectedReleaseDate,
          referrerId: nth(officerIds, index % officerIds.length),
        })),
        coordinatorId: coordinator.id,
        today,
      });
      return true;
    },
    { timeout: 120_000 },
  );
}

/**
 * The participant's own answers through personal links: the fit check after the first month,
 * a pulse every six weeks (pair 4's latest is low, so the coordinator has an alert to follow),
 * and the newest pulse still open on the pair page, waiting to be handed over.
 */
async function seedParticipantVoice(tx: Tx, input: { pairId: string; startDate: string; today: string; variant: number }) {
  const { pairId, startDate, today, variant } = input;
  const at = (date: string) => osloInstant(date, '19:00');
  if (variant === 0) await issueLink(tx, { pairId, purpose: 'NEXT_MEETINGS', issuedById: null }, at(addDays(today, -3)));
  const fitDay = addDays(startDate, 33);
  if (fitDay < today) {
    await createParticipantAnswer(tx, {
      pairId,
      purpose: 'FIT_CHECK',
      scores: { fitGood: 3 + (variant % 3) },
      comment: variant % 2 === 0 ? 'Hun er grei å prate med.' : undefined,
      answeredAt: at(fitDay),
    });
  }
  for (let round = 1; addDays(startDate, round * 42) <= today; round += 1) {
    const answerDay = addDays(startDate, round * 42 + 2);
    const latest = addDays(startDate, (round + 1) * 42) > today;
    if (latest && variant === 1) {
      const link = await issueLink(
        tx,
        { pairId, purpose: 'PULSE', issuedById: null, dueKey: `pulse:${pairId}:${round}` },
        at(addDays(startDate, round * 42)),
      );
      if (link) await deliverParticipantLink(tx, link);
      continue;
    }
    if (answerDay >= today) continue;
    const low = latest && variant === 4;
    const base = low ? 2 : 3 + ((variant + round) % 3);
    await createParticipantAnswer(tx, {
      pairId,
      purpose: 'PULSE',
      scores: {
        trust: low ? 1 : base,
        myChoice: base,
        lookForward: Math.min(5, base + 1),
        listens: base,
        helpsPlan: Math.max(1, base - 1),
      },
      comment: low ? 'Vi møtes nesten aldri lenger.' : round === 1 ? 'Fint å ha noen å gå tur med.' : undefined,
      answeredAt: at(answerDay),
      lowScore: low,
    });
  }
}

/**
 * -- services (#21): a tracker for every participant on the way through (TRACKED_STATUSES) released in the last 90
 * days or to be released: each item whose deadline (the default settings) has passed is done,
 * confirmed three days before it by its owner (the officer, else the coordinator on their
 * behalf), with a few exceptions that show the states: Ibrahim's housing is arranged but not done
 * (overdue: the one item in "needs action today"), Noah needs no bank account, Ida's belongings
 * were sorted out the day after release (not done by release day), and Ibrahim's GP is arranged.
 */
async function seedServiceTrackers(
  tx: Tx,
  input: {
    participants: { id: string; status: ParticipantStatus; releaseDate: string; referrerId: string }[];
    coordinatorId: string;
    today: string;
  },
) {
  const { today } = input;
  const daysBefore = daysBeforeFrom(
    Object.fromEntries(Object.entries(SETTINGS).map(([key, definition]) => [key, definition.default])) as Parameters<
      typeof daysBeforeFrom
    >[0],
  );
  for (const [index, participant] of input.participants.entries()) {
    if (!(TRACKED_STATUSES as readonly string[]).includes(participant.status)) continue;
    if (participant.releaseDate < addDays(today, -90)) continue;
    const firstName = nth(PARTICIPANTS, index).firstName;
    for (const item of TRACKER_ITEMS) {
      const deadline = trackerDeadline(participant.releaseDate, daysBefore[item]);
      const owner = DEFAULT_OWNERS[item];
      const confirmer = owner === 'OFFICER' ? participant.referrerId : input.coordinatorId;
      const confirmedOn = (date: string) => osloInstant(date, '10:00');
      let row: { status: string; note?: string; confirmedAt?: Date } | null = null;
      if (firstName === 'Ibrahim' && item === 'HOUSING') row = { status: 'AGREED', note: 'Visning hos boligkontoret er avtalt.' };
      else if (firstName === 'Ibrahim' && item === 'GP') row = { status: 'AGREED', note: 'Står på venteliste hos legekontoret.' };
      else if (firstName === 'Noah' && item === 'BANK_ACCOUNT')
        row = { status: 'NOT_NEEDED', confirmedAt: confirmedOn(addDays(deadline, -5)) };
      else if (firstName === 'Ida' && item === 'OWN_ITEMS')
        row = { status: 'DONE', confirmedAt: confirmedOn(addDays(participant.releaseDate, 1)) };
      else if (deadline < today) {
        row = {
          status: 'DONE',
          confirmedAt: confirmedOn(addDays(deadline, -3)),
          ...(item === 'NAV' && { note: 'Varsel sendt til NAV-kontoret.' }),
        };
      }
      if (!row) continue;
      const settled = row.status === 'DONE' || row.status === 'NOT_NEEDED';
      await tx.releaseChecklistItem.create({
        data: {
          participantId: participant.id,
          item,
          status: row.status,
          note: row.note ?? null,
          updatedById: confirmer,
          confirmedById: settled ? confirmer : null,
          confirmedAt: settled ? (row.confirmedAt ?? null) : null,
        },
      });
    }
  }
}

/**
 * -- release (#21): Amir's release moved earlier on parole (a history of two rows, one prison
 * visit now after the release and flagged for re-planning), Noah's pair on hold since he went
 * back into custody, and two volunteers' visitor clearances expiring within the lead time (so
 * the reminder shows in "needs action today").
 */
async function seedReleaseAndHolds(
  tx: Tx,
  input: {
    participants: readonly { id: string; expectedReleaseDate: string }[];
    volunteers: readonly { id: string }[];
    coordinatorId: string;
    today: string;
  },
) {
  const { today } = input;
  const amir = nth(input.participants, 1);
  const referral = await tx.referral.findFirstOrThrow({
    where: { participantId: amir.id },
    select: { referrerId: true, referralDate: true },
  });
  const firstExpected = addDays(amir.expectedReleaseDate, 30);
  await tx.releaseDateChange.create({
    data: {
      participantId: amir.id,
      expectedDate: firstExpected,
      fromDate: null,
      toDate: firstExpected,
      reason: 'REFERRAL',
      changedById: referral.referrerId,
      createdAt: osloInstant(referral.referralDate, '10:00'),
    },
  });
  const earliest = addDays(amir.expectedReleaseDate, -5);
  await tx.releaseDateChange.create({
    data: {
      participantId: amir.id,
      earliestDate: earliest,
      expectedDate: amir.expectedReleaseDate,
      fromDate: firstExpected,
      toDate: amir.expectedReleaseDate,
      reason: 'Prøveløslatelse innvilget etter to tredjedeler av tiden.',
      changedById: referral.referrerId,
      createdAt: osloInstant(addDays(today, -10), '11:15'),
    },
  });
  await tx.participant.update({ where: { id: amir.id }, data: { earliestReleaseDate: earliest } });
  const amirPair = await tx.pair.findFirstOrThrow({ where: { participantId: amir.id, status: 'ACTIVE' }, select: { id: true } });
  // Planned as a prison visit before the date moved; it now falls after the release.
  await tx.meeting.create({
    data: {
      pairId: amirPair.id,
      startsAt: osloInstant(addDays(amir.expectedReleaseDate, 3), '14:00'),
      durationMinutes: 60,
      placeType: 'PRISON_VISIT',
      place: 'Besøksrommet',
      status: 'PLANNED',
      replanReason: 'PRISON_AFTER_RELEASE',
      replanFlaggedAt: osloInstant(addDays(today, -10), '11:15'),
    },
  });

  const noah = nth(input.participants, 5);
  const noahPair = await tx.pair.findFirstOrThrow({ where: { participantId: noah.id, status: 'ACTIVE' }, select: { id: true } });
  await tx.pair.update({ where: { id: noahPair.id }, data: { status: 'ON_HOLD' } });
  await tx.pairHold.create({
    data: {
      pairId: noahPair.id,
      reason: 'CUSTODY',
      note: 'Tilbake i varetekt. Koordinator holder kontakt med friomsorgen.',
      fromDate: addDays(today, -6),
      startedById: input.coordinatorId,
      createdAt: osloInstant(addDays(today, -6), '09:30'),
    },
  });

  // Visitor clearances expiring within the lead time (4 weeks by default): Mathias's volunteer
  // (Mathias is released in ten days) and Sara's.
  for (const [participantIndex, days] of [
    [3, 18],
    [2, 9],
  ] as const) {
    const participant = await tx.participant.findUniqueOrThrow({
      where: { id: nth(input.participants, participantIndex).id },
      select: { prison: true },
    });
    await tx.visitorClearance.updateMany({
      where: { volunteerId: nth(input.volunteers, participantIndex).id, prison: participant.prison },
      data: { appliedOn: addDays(today, -200), clearedOn: addDays(today, -180), expiresOn: addDays(today, days) },
    });
  }
}

async function seedMeetings(
  tx: Tx,
  input: { pairId: string; startDate: string; today: string; releaseDate: string; loggedById?: string; variant: number },
) {
  const places: { type: PlaceType; place: string; activity: string }[] = [
    { type: 'CAFE', place: 'Café Ni Muser', activity: 'Kaffe og prat om uka som var' },
    { type: 'OUTDOORS', place: 'Bymarka', activity: 'Tur rundt Theisendammen' },
    { type: 'ACTIVITY', place: 'Pirbadet', activity: 'Svømming' },
    { type: 'CAFE', place: 'Bakeriet på Solsiden', activity: 'Så på stillingsannonser sammen' },
  ];
  let date = addDays(input.startDate, 2);
  let n = 0;
  while (date <= addDays(input.today, 14)) {
    const inPrison = date < input.releaseDate;
    const place = nth(places, (n + input.variant) % places.length);
    const startsAt = osloInstant(date, inPrison ? '14:00' : '17:30');
    const past = date < input.today;
    // Every seventh meeting was cancelled, a few of the newest are not logged yet.
    const outcome: LogOutcome = n % 7 === 6 ? 'CANCELLED_BY_PARTICIPANT' : n % 11 === 10 ? 'NO_SHOW' : 'HELD';
    const unlogged = past && date >= addDays(input.today, -4 - (input.variant % 3) * 5) && input.variant % 2 === 1;
    await createMeeting(tx, {
      pairId: input.pairId,
      startsAt,
      placeType: inPrison ? 'PRISON_VISIT' : place.type,
      place: inPrison ? 'Besøksrommet' : place.place,
      durationMinutes: inPrison ? 60 : 90,
      log:
        past && !unlogged
          ? {
              outcome,
              rating: 3 + ((n + input.variant) % 3),
              activity: inPrison ? 'Samtale i besøksrommet' : place.activity,
              areas: n % 3 === 0 ? ['NETWORK'] : n % 3 === 1 ? ['WORK_EDUCATION'] : ['ACTIVITY_DIET', 'HOUSING'],
              goods: n % 2 === 0 ? ['BELONGING'] : ['MASTERY', 'JOY'],
              loggedById: input.loggedById,
            }
          : undefined,
    });
    date = addDays(date, (input.variant % 4) + 6);
    n += 1;
  }
}

/**
 * -- sms (#20): a few texts, so the pair page and /texts show something: a reminder that was
 * delivered and answered, the volunteer's message and the reply, and (unread) one for the
 * coordinators' inbox.
 */
async function seedTexts(
  tx: Tx,
  input: { pairId: string; participantId: string; phone: string; volunteerUserId: string | null; now: Date; unread: boolean },
) {
  const hoursAgo = (hours: number) => new Date(input.now.getTime() - hours * 3600_000);
  const text = (
    direction: 'IN' | 'OUT',
    kind: string,
    body: string,
    hours: number,
    extra: { status: string; sentById?: string | null },
  ) => {
    const plan = planSms(body);
    return tx.smsMessage.create({
      data: {
        direction,
        kind,
        body,
        phone: input.phone,
        participantId: input.participantId,
        pairId: input.pairId,
        encoding: plan.encoding,
        segments: plan.segments,
        status: extra.status,
        sentById: extra.sentById ?? null,
        idempotencyKey: direction === 'OUT' ? `demo:${input.pairId}:${hours}` : null,
        dueAt: direction === 'OUT' ? hoursAgo(hours) : null,
        nextAttemptAt: hoursAgo(hours),
        sentAt: hoursAgo(hours),
        receiptStatus: direction === 'OUT' ? 'DELIVRD' : null,
        receiptAt: direction === 'OUT' ? hoursAgo(hours - 0.01) : null,
        createdAt: hoursAgo(hours),
      },
    });
  };
  await text(
    'OUT',
    'MEETING_REMINDER',
    'Hei! Påminnelse: du møter den frivillige din i morgen kl. 17:30, Bymarka. Svar JA (1) hvis du kommer, NEI (2) hvis du ikke kan. Brobygger',
    48,
    { status: 'DELIVERED' },
  );
  await text('IN', 'ANSWER', 'JA', 47, { status: 'RECEIVED' });
  if (input.volunteerUserId) {
    await text('OUT', 'VOLUNTEER_MESSAGE', 'Hei! Jeg er på plass og venter på deg.', 26, {
      status: 'DELIVERED',
      sentById: input.volunteerUserId,
    });
    await text('IN', 'REPLY', 'Kommer om 5 min!', 25.9, { status: 'RECEIVED' });
  }
  if (input.unread) await text('IN', 'UNRECOGNISED', 'Kan vi flytte neste gang til fredag?', 5, { status: 'NEEDS_ATTENTION' });
}

/** In demo mode an empty database is filled once, at start-up. */
export async function seedDemoDataIfEmpty(db: Db): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  return seedDemoData(db, currentTime(), true);
}
