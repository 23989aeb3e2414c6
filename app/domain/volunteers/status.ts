import { z } from 'zod';

export const VOLUNTEER_STATUSES = ['APPLIED', 'SCREENING', 'READY', 'PAUSED', 'LEFT'] as const;
export const volunteerStatusSchema = z.enum(VOLUNTEER_STATUSES);
export type VolunteerStatus = z.infer<typeof volunteerStatusSchema>;

export const VOLUNTEER_TRANSITIONS: Record<VolunteerStatus, readonly VolunteerStatus[]> = {
  APPLIED: ['SCREENING', 'PAUSED', 'LEFT'],
  SCREENING: ['READY', 'PAUSED', 'LEFT'],
  READY: ['PAUSED', 'LEFT', 'SCREENING'],
  PAUSED: ['READY', 'SCREENING', 'LEFT'],
  LEFT: [],
};

export function canChangeVolunteerStatus(from: VolunteerStatus, to: VolunteerStatus): boolean {
  return VOLUNTEER_TRANSITIONS[from].includes(to);
}

export const AVAILABILITY = ['WEEKDAY_DAYTIME', 'EVENINGS', 'WEEKENDS'] as const;
export type Availability = (typeof AVAILABILITY)[number];

/**
 * The status the records call for. PAUSED and LEFT are the coordinator's decisions and stay;
 * otherwise a volunteer is READY exactly when the readiness rule holds, and in SCREENING once
 * screening has started.
 */
export function statusFor(current: VolunteerStatus, input: { ready: boolean; screeningStarted: boolean }): VolunteerStatus {
  if (current === 'PAUSED' || current === 'LEFT') return current;
  if (input.ready) return 'READY';
  if (current === 'APPLIED' && !input.screeningStarted) return 'APPLIED';
  return 'SCREENING';
}

/** The status a paused volunteer returns to. */
export function resumeStatus(ready: boolean): VolunteerStatus {
  return ready ? 'READY' : 'SCREENING';
}

export const INTERVIEW_OUTCOMES = ['APPROVED', 'FOLLOW_UP', 'NOT_APPROVED'] as const;
export const REFERENCE_OUTCOMES = ['PENDING', 'POSITIVE', 'NEGATIVE'] as const;
