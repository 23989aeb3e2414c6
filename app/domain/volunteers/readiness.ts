import { addMonths, daysBetween, type IsoDate } from '~/lib/time';
import type { VolunteerStatus } from './status';

/** A police certificate is accepted only if it was issued at most this many months before it was shown. */
export const CERTIFICATE_MAX_AGE_MONTHS = 3;
export const REFERENCES_REQUIRED = 2;

export const READINESS_STEPS = ['interview', 'references', 'certificate', 'training'] as const;
export type ReadinessStep = (typeof READINESS_STEPS)[number];

export type CertificateProblem = 'shownInFuture' | 'issuedAfterShown' | 'tooOld';

/**
 * Whether a certificate was at most three months old on the day it was shown. Counted back from
 * that day: on 31 December, three months back is 30 September (there is no 31 September), so a
 * certificate from that day is still fresh enough.
 */
export function freshWhenShown(issueDate: IsoDate, shownDate: IsoDate): boolean {
  return issueDate <= shownDate && issueDate >= addMonths(shownDate, -CERTIFICATE_MAX_AGE_MONTHS);
}

/** Why a certificate cannot be recorded, or null when it is acceptable. */
export function certificateProblem(input: { issueDate: IsoDate; shownDate: IsoDate; today: IsoDate }): CertificateProblem | null {
  if (input.shownDate > input.today) return 'shownInFuture';
  if (input.issueDate > input.shownDate) return 'issuedAfterShown';
  if (!freshWhenShown(input.issueDate, input.shownDate)) return 'tooOld';
  return null;
}

export interface CourseProgress {
  requiredHours: number;
  attendedHours: number;
}

/** A course is completed when the hours attended reach the course's requirement. */
export function courseCompleted(course: CourseProgress): boolean {
  return course.attendedHours >= course.requiredHours;
}

/**
 * The hours the training step asks of this volunteer: the requirement of the easiest course
 * they are enrolled in (completing any one course counts), and never less than the programme's
 * minimum before a first match. Null when they are not enrolled in a course yet.
 */
export function requiredTrainingHours(courses: readonly { requiredHours: number }[], minTrainingHoursBeforeMatch: number): number | null {
  if (courses.length === 0) return null;
  return Math.max(minTrainingHoursBeforeMatch, Math.min(...courses.map((course) => course.requiredHours)));
}

export interface ReadinessInput {
  interviews: { outcome: string }[];
  references: { outcome: string }[];
  certificates: { issueDate: IsoDate; shownDate: IsoDate }[];
  /** One entry per course the volunteer is enrolled in. */
  courses: CourseProgress[];
  minTrainingHoursBeforeMatch: number;
}

export interface Readiness {
  ready: boolean;
  done: Record<ReadinessStep, boolean>;
  missing: ReadinessStep[];
  positiveReferences: number;
  trainingHours: number;
}

/**
 * The one rule for READY: an approved interview, two positive references and no negative
 * one, a certificate that was fresh when shown, and a completed course with at least the
 * programme's minimum hours of training.
 */
export function assessReadiness(input: ReadinessInput): Readiness {
  const positiveReferences = input.references.filter((r) => r.outcome === 'POSITIVE').length;
  const negativeReference = input.references.some((r) => r.outcome === 'NEGATIVE');
  const trainingHours = input.courses.reduce((sum, c) => sum + c.attendedHours, 0);
  const done: Record<ReadinessStep, boolean> = {
    interview: input.interviews.some((i) => i.outcome === 'APPROVED') && !input.interviews.some((i) => i.outcome === 'NOT_APPROVED'),
    references: positiveReferences >= REFERENCES_REQUIRED && !negativeReference,
    certificate: input.certificates.some((c) => freshWhenShown(c.issueDate, c.shownDate)),
    training: input.courses.some(courseCompleted) && trainingHours >= input.minTrainingHoursBeforeMatch,
  };
  const missing = READINESS_STEPS.filter((step) => !done[step]);
  return { ready: missing.length === 0, done, missing, positiveReferences, trainingHours };
}

export const BOARD_STAGES = ['applied', 'screening', 'certificate', 'training', 'ready', 'matched', 'paused', 'left'] as const;
export type BoardStage = (typeof BOARD_STAGES)[number];

/** Where a volunteer stands on the pipeline board, derived from status, readiness and pairs. */
export function boardStage(input: { status: VolunteerStatus; readiness: Readiness; hasInterview: boolean; openPairs: number }): BoardStage {
  if (input.status === 'LEFT') return 'left';
  if (input.status === 'PAUSED') return 'paused';
  if (input.openPairs > 0) return 'matched';
  if (input.status === 'READY') return 'ready';
  const { done } = input.readiness;
  if (!input.hasInterview) return 'applied';
  if (!done.interview || !done.references) return 'screening';
  if (!done.certificate) return 'certificate';
  if (!done.training) return 'training';
  return 'ready';
}

/** Days a volunteer has been in a stage, counted in Oslo calendar days. */
export function daysInStage(since: IsoDate, today: IsoDate): number {
  return Math.max(0, daysBetween(since, today));
}

export const STUCK_AFTER_DAYS = 14;
/** Stages where the coordinator is expected to move things on; the others can last. */
export const WORKING_STAGES: readonly BoardStage[] = ['applied', 'screening', 'certificate', 'training'];

export function isStuck(stage: BoardStage, days: number): boolean {
  return WORKING_STAGES.includes(stage) && days > STUCK_AFTER_DAYS;
}
