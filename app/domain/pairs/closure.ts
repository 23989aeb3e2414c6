import { z } from 'zod';
import { wholeNumber } from '~/domain/meetings/forms';
import { canChangeParticipantStatus, type ParticipantStatus } from '~/domain/participants/status';
import { errorMessage } from '~/lib/form-errors';
import { isIsoDate, type IsoDate } from '~/lib/time';
import { optionalText } from '~/lib/validation';
import { END_REASONS, END_TYPES, type EndReason } from './status';

export type EndType = (typeof END_TYPES)[number];

/** Whether the closure conversation was held (with its date) or, deliberately, not (with why). */
export const CLOSURE_TALK = ['HELD', 'NOT_HELD'] as const;
export type ClosureTalk = (typeof CLOSURE_TALK)[number];

/**
 * What becomes of the participant when their pair ends: completed when the plan was completed
 * (or the ending was planned), withdrawn when they left; back on the waiting list when the
 * volunteer left or the pair is re-matched, so a new pair can be made.
 */
export function participantStatusAfterClosure(endType: EndType, reason: EndReason): ParticipantStatus {
  if (reason === 'REMATCHED' || reason === 'VOLUNTEER_LEFT') return 'ACCEPTED';
  if (reason === 'PLAN_COMPLETED') return 'COMPLETED';
  if (reason === 'PARTICIPANT_WITHDREW') return 'WITHDRAWN';
  return endType === 'PLANNED' ? 'COMPLETED' : 'WITHDRAWN';
}

export interface ParticipantOutcome {
  from: ParticipantStatus;
  to: ParticipantStatus;
  /** False when another active pair keeps the participant matched, or the change is not allowed. */
  changes: boolean;
}

/** The participant's status after the ending, as the closure will write it and the confirmation says it. */
export function participantOutcome(
  current: ParticipantStatus,
  otherActivePairs: number,
  endType: EndType,
  reason: EndReason,
): ParticipantOutcome {
  const to = participantStatusAfterClosure(endType, reason);
  const changes = otherActivePairs === 0 && current !== to && canChangeParticipantStatus(current, to);
  return { from: current, to: changes ? to : current, changes };
}

// ---------------------------------------------------------------- the form

const closureShape = {
  endType: z.enum(END_TYPES, { error: errorMessage('closure.chooseType') }),
  endReason: z.enum(END_REASONS, { error: errorMessage('closure.chooseReason') }),
  endDate: z.string({ error: errorMessage('closure.endDateRequired') }).refine(isIsoDate, { error: errorMessage('form.invalidDate') }),
  closureTalk: z.enum(CLOSURE_TALK, { error: errorMessage('closure.chooseTalk') }),
  closureTalkDate: z.string().optional(),
  closureTalkNotHeldReason: optionalText(500),
};

const extrasShape = {
  contactAfterClosure: optionalText(500),
  surveyScore: wholeNumber(1, 5).optional(),
  surveyComment: optionalText(1000),
  endNote: optionalText(1000),
};

type ClosureFields = z.output<z.ZodObject<typeof closureShape>>;

function recorded(value: ClosureFields) {
  return {
    endType: value.endType,
    endReason: value.endReason,
    endDate: value.endDate,
    closureTalk: value.closureTalk,
    closureTalkDate: value.closureTalk === 'HELD' ? (value.closureTalkDate ?? null) : null,
    closureTalkNotHeldReason: value.closureTalk === 'NOT_HELD' ? (value.closureTalkNotHeldReason ?? null) : null,
  };
}

/**
 * The dates a closure is checked against: the pair's start (a pair that never got a start date
 * limits nothing) and today.
 */
export function closureRules(pair: { startDate: IsoDate | null }, today: IsoDate): { startDate: IsoDate; today: IsoDate } {
  return { startDate: pair.startDate ?? '0000-01-01', today };
}

/**
 * The closure details' rules: nothing is pre-chosen, so type, reason, end date and what happened
 * to the closure conversation are all required; dates are neither in the future nor before the
 * pair started. Used as they are by the correction of an ended pair.
 */
export function closureSchema(rules: { startDate: IsoDate; today: IsoDate }) {
  return z
    .object(closureShape)
    .superRefine(
      (value, ctx) => {
        for (const issue of closureDateIssues(value, rules)) ctx.addIssue({ code: 'custom', ...issue });
      },
      { when: () => true },
    )
    .transform(recorded);
}

/** The ending itself (first submit and the confirmed one): the closure details and the optional extras. */
export function closePairSchema(rules: { startDate: IsoDate; today: IsoDate }) {
  return z
    .object({ ...closureShape, ...extrasShape })
    .superRefine(
      (value, ctx) => {
        for (const issue of closureDateIssues(value, rules)) ctx.addIssue({ code: 'custom', ...issue });
      },
      { when: () => true },
    )
    .transform((value) => ({
      ...recorded(value),
      contactAfterClosure: value.contactAfterClosure ?? null,
      surveyScore: value.surveyScore ?? null,
      surveyComment: value.surveyComment ?? null,
      endNote: value.endNote ?? null,
    }));
}

export type ClosureDetails = z.output<ReturnType<typeof closureSchema>>;
export type ClosureInput = z.output<ReturnType<typeof closePairSchema>>;

/**
 * The date rules, read defensively from what was typed (other fields may be missing or wrong),
 * so every field's message shows at once.
 */
export function closureDateIssues(
  value: { endDate?: unknown; closureTalk?: unknown; closureTalkDate?: unknown; closureTalkNotHeldReason?: unknown },
  rules: { startDate: IsoDate; today: IsoDate },
): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  if (typeof value.endDate === 'string' && isIsoDate(value.endDate)) {
    if (value.endDate > rules.today) issues.push({ path: ['endDate'], message: errorMessage('closure.endDateFuture') });
    else if (value.endDate < rules.startDate) issues.push({ path: ['endDate'], message: errorMessage('meetings.close.endBeforeStart') });
  }
  if (value.closureTalk === 'HELD') {
    const date = value.closureTalkDate;
    if (typeof date !== 'string' || date === '')
      issues.push({ path: ['closureTalkDate'], message: errorMessage('closure.talkDateRequired') });
    else if (!isIsoDate(date)) issues.push({ path: ['closureTalkDate'], message: errorMessage('form.invalidDate') });
    else if (date > rules.today) issues.push({ path: ['closureTalkDate'], message: errorMessage('closure.talkDateFuture') });
    else if (date < rules.startDate) issues.push({ path: ['closureTalkDate'], message: errorMessage('closure.talkBeforeStart') });
  }
  if (value.closureTalk === 'NOT_HELD') {
    const why = value.closureTalkNotHeldReason;
    if (typeof why !== 'string' || why.trim() === '') {
      issues.push({ path: ['closureTalkNotHeldReason'], message: errorMessage('closure.notHeldReasonRequired') });
    }
  }
  return issues;
}

// ---------------------------------------------------------------- what the confirmation says

export interface ClosureFacts {
  participantStatus: ParticipantStatus;
  /** Active pairs of the same participant besides this one. */
  otherActivePairs: number;
  /** Meetings still planned after now: they are cancelled. */
  plannedMeetings: number;
  volunteer: { name: string };
  /** The probation officers who referred the participant and still have an account. */
  referrers: { name: string; organisation: string | null }[];
}

export interface ClosureRecipient {
  role: 'VOLUNTEER' | 'PROBATION_OFFICER';
  name: string;
  organisation: string | null;
}

export interface ClosureSummary {
  participant: ParticipantOutcome;
  cancelledMeetings: number;
  recipients: ClosureRecipient[];
}

/** Exactly what confirming will do: the participant's new status, the meetings cancelled, who is told. */
export function closureSummary(facts: ClosureFacts, input: { endType: EndType; endReason: EndReason }): ClosureSummary {
  return {
    participant: participantOutcome(facts.participantStatus, facts.otherActivePairs, input.endType, input.endReason),
    cancelledMeetings: facts.plannedMeetings,
    recipients: [
      { role: 'VOLUNTEER', name: facts.volunteer.name, organisation: null },
      ...facts.referrers.map((referrer) => ({
        role: 'PROBATION_OFFICER' as const,
        name: referrer.name,
        organisation: referrer.organisation,
      })),
    ],
  };
}

/** The recorded fields a correction may change, for its before/after audit row (no free text). */
export function closureAuditView(pair: {
  endType: string | null;
  endReason: string | null;
  endDate: string | null;
  closureTalkDate: string | null;
  closureTalkNotHeldReason: string | null;
}) {
  return {
    endType: pair.endType,
    endReason: pair.endReason,
    endDate: pair.endDate,
    closureTalk: pair.closureTalkDate ? 'HELD' : pair.closureTalkNotHeldReason ? 'NOT_HELD' : null,
    closureTalkDate: pair.closureTalkDate,
  };
}
