import { z } from 'zod';

/**
 * Programme-wide settings, stored in the Setting table as JSON, each with a zod schema and a
 * default. Read with getSetting (settings.server.ts); the coordinator changes them at /settings.
 */
export const SETTINGS = {
  /** Volunteers in this programme are at least this old. */
  minVolunteerAge: { schema: z.number().int().min(18).max(99), default: 25 },
  /** The monthly target of meetings per active pair (prorated in the first and last month). */
  meetingsPerMonth: { schema: z.number().int().min(1).max(31), default: 4 },
  /** Participant data is anonymised this many months after the pair ended or the referral was declined. */
  retentionMonths: { schema: z.number().int().min(1).max(240), default: 24 },
  /** The programme-level target group over the project period. */
  programmeTargetParticipants: { schema: z.number().int().min(0).max(100_000), default: 40 },
  /** Minimum training hours before a first match. */
  minTrainingHoursBeforeMatch: { schema: z.number().min(0).max(100), default: 2 },
  /**
   * Whether a re-match (a new pair for a participant who already had an active or ended pair)
   * counts as a new pair towards the half-year target. Re-matches are shown apart either way.
   */
  countRematchesAsNewPairs: { schema: z.boolean(), default: false },
  /** The participant's relationship-quality pulse is issued every this many weeks of an active pair. */
  pulseIntervalWeeks: { schema: z.number().int().min(2).max(26), default: 6 },
  /** A personal survey link (fit check, pulse, closure survey) stays open this many days. */
  participantLinkValidDays: { schema: z.number().int().min(1).max(90), default: 21 },
  /** A pulse whose mean is at or under this (or with any item at 1) alerts the coordinator at once. */
  lowPulseMean: { schema: z.number().int().min(1).max(4), default: 2 },
  /** -- release (#21): weeks a prison visitor clearance takes; matching warns when the release is closer and the volunteer has none. */
  clearanceLeadWeeks: { schema: z.number().int().min(0).max(52), default: 4 },
  // -- first week (#21): the first 30 days after release (meetings/target.ts JUST_RELEASED_DAYS).
  /** The monthly meeting target for a pair's days in the participant's first 30 days out (prorated like the usual one). */
  justReleasedMeetingsPerMonth: { schema: z.number().int().min(1).max(31), default: 6 },
  /** In the first 30 days out, a match-support contact is due this many days after the release or the last one held. */
  justReleasedSupportIntervalDays: { schema: z.number().int().min(1).max(31), default: 7 },
  // -- services (#21): the services tracker's deadlines, days before the release date in force (participants/service-tracker.ts).
  /** NAV is notified this many days before release. */
  serviceDaysBeforeNav: { schema: z.number().int().min(0).max(365), default: 35 },
  /** Housing is settled this many days before release. */
  serviceDaysBeforeHousing: { schema: z.number().int().min(0).max(365), default: 42 },
  /** A GP (fastlege) is in place this many days before release. */
  serviceDaysBeforeGp: { schema: z.number().int().min(0).max(365), default: 21 },
  /** The first probation appointment is booked this many days before release. */
  serviceDaysBeforeProbation: { schema: z.number().int().min(0).max(365), default: 14 },
  /** Valid ID is in hand this many days before release. */
  serviceDaysBeforeId: { schema: z.number().int().min(0).max(365), default: 28 },
  /** A bank account is open this many days before release. */
  serviceDaysBeforeBankAccount: { schema: z.number().int().min(0).max(365), default: 21 },
  /** A working phone is ready this many days before release. */
  serviceDaysBeforePhone: { schema: z.number().int().min(0).max(365), default: 7 },
  /** Own belongings are sorted out this many days before release. */
  serviceDaysBeforeOwnItems: { schema: z.number().int().min(0).max(365), default: 2 },
  // -- sms (#20): texts to participants (app/domain/sms/); edited in their own form on /settings.
  /** Oslo hour the quiet hours start: a text due then waits until they end. */
  smsQuietStartHour: { schema: z.number().int().min(0).max(23), default: 21 },
  /** Oslo hour the quiet hours end. */
  smsQuietEndHour: { schema: z.number().int().min(0).max(23), default: 8 },
  /** At most this many texts to one participant per Oslo day (confirmations of STOP/START aside). */
  smsMaxPerParticipantPerDay: { schema: z.number().int().min(1).max(20), default: 3 },
  /** Besides the reminder the day before, one two hours before the meeting. */
  smsReminderTwoHoursBefore: { schema: z.boolean(), default: false },
  /** Texts may go to a participant who is still in prison (before the release date). */
  smsIntoPrison: { schema: z.boolean(), default: false },
} as const;

export const SETTING_KEYS = Object.keys(SETTINGS) as (keyof typeof SETTINGS)[];

/** The settings that are yes/no (a checkbox on /settings); the others are numbers. */
export const BOOLEAN_SETTING_KEYS: readonly (keyof typeof SETTINGS)[] = [
  'countRematchesAsNewPairs',
  'smsReminderTwoHoursBefore',
  'smsIntoPrison',
];

/** The text-message settings, edited in their own section of /settings. */
export const SMS_SETTING_KEYS = [
  'smsQuietStartHour',
  'smsQuietEndHour',
  'smsMaxPerParticipantPerDay',
  'smsReminderTwoHoursBefore',
  'smsIntoPrison',
] as const satisfies readonly (keyof typeof SETTINGS)[];

/** -- services (#21): the tracker's deadline settings, edited in their own section of /settings. */
export const SERVICE_DEADLINE_SETTING_KEYS = [
  'serviceDaysBeforeNav',
  'serviceDaysBeforeHousing',
  'serviceDaysBeforeGp',
  'serviceDaysBeforeProbation',
  'serviceDaysBeforeId',
  'serviceDaysBeforeBankAccount',
  'serviceDaysBeforePhone',
  'serviceDaysBeforeOwnItems',
] as const satisfies readonly (keyof typeof SETTINGS)[];
