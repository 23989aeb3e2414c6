import { z } from 'zod';
import { errorMessage } from '~/lib/form-errors';
import { addMonths, daysBetween, type IsoDate } from '~/lib/time';
import { optionalText } from '~/lib/validation';

/** What a personal link is for; each link serves one. */
export const LINK_PURPOSES = ['FIT_CHECK', 'PULSE', 'CLOSURE_SURVEY', 'NEXT_MEETINGS'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];
export const linkPurposeSchema = z.enum(LINK_PURPOSES);

/** The purposes answered with a survey; each such link takes one answer. */
export const SURVEY_PURPOSES = ['FIT_CHECK', 'PULSE', 'CLOSURE_SURVEY'] as const;
export type SurveyPurpose = (typeof SURVEY_PURPOSES)[number];

export function isSurvey(purpose: LinkPurpose): purpose is SurveyPurpose {
  return purpose !== 'NEXT_MEETINGS';
}

/** The questions of each survey (message keys `participantLinks.item.<key>`), answered 1-5. */
export const SURVEY_ITEMS = {
  FIT_CHECK: ['fitGood'],
  PULSE: ['trust', 'myChoice', 'lookForward', 'listens', 'helpsPlan'],
  CLOSURE_SURVEY: ['overall'],
} as const satisfies Record<SurveyPurpose, readonly string[]>;
export type SurveyItem = (typeof SURVEY_ITEMS)[SurveyPurpose][number];

export const SCORES = [1, 2, 3, 4, 5] as const;

/** "My next meetings" is read again and again; it lives longer than a survey link. */
export const NEXT_MEETINGS_VALID_DAYS = 90;

const score = z.coerce
  .number({ error: errorMessage('participantLinks.chooseOne') })
  .int({ error: errorMessage('participantLinks.chooseOne') })
  .min(1, { error: errorMessage('participantLinks.chooseOne') })
  .max(5, { error: errorMessage('participantLinks.chooseOne') });

/** The answer form of a survey: every item 1-5 and an optional comment. */
export function answerSchema(purpose: SurveyPurpose) {
  const items = Object.fromEntries(SURVEY_ITEMS[purpose].map((item) => [item, score])) as Record<SurveyItem, typeof score>;
  return z.object({ ...items, comment: optionalText(1000) });
}

/** A press of "I'm coming" or "I can't come" on the participant's list of meetings. */
export const meetingAnswerSchema = z.object({ meetingId: z.string().min(1).max(40), answer: z.enum(['CONFIRMED', 'CANT_COME']) });

export type SurveyScores = Partial<Record<SurveyItem, number>>;

export function meanScore(scores: SurveyScores): number {
  const values = Object.values(scores).filter((value): value is number => typeof value === 'number');
  return values.length === 0 ? 0 : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100;
}

/** A pulse asks for the coordinator at once when its mean is at or under the threshold, or any item is 1. */
export function isLowPulse(scores: SurveyScores, meanThreshold: number): boolean {
  const values = Object.values(scores).filter((value): value is number => typeof value === 'number');
  return values.length > 0 && (values.some((value) => value === 1) || meanScore(scores) <= meanThreshold);
}

/**
 * The pulse round due on `today` for a pair that started on `startDate`: round n is due from
 * n × interval weeks after the start (round 0, the start itself, has none).
 */
export function pulseRound(startDate: IsoDate, today: IsoDate, intervalWeeks: number): number {
  const days = daysBetween(startDate, today);
  return days < 0 ? 0 : Math.floor(days / (intervalWeeks * 7));
}

/** The participant's fit check is due a month after the start, and offered for two months more. */
export function fitCheckDue(startDate: IsoDate, today: IsoDate): boolean {
  return addMonths(startDate, 1) <= today && today < addMonths(startDate, 3);
}

/** The closure survey is offered for a month after the pair ended. */
export function closureSurveyDue(endDate: IsoDate, today: IsoDate): boolean {
  return endDate <= today && today < addMonths(endDate, 1);
}
