import { z } from 'zod';

export const VOLUNTEER_STATUSES = ['APPLIED', 'SCREENING', 'READY', 'PAUSED', 'LEFT'] as const;
export const volunteerStatusSchema = z.enum(VOLUNTEER_STATUSES);
export type VolunteerStatus = z.infer<typeof volunteerStatusSchema>;

export const VOLUNTEER_TRANSITIONS: Record<VolunteerStatus, readonly VolunteerStatus[]> = {
  APPLIED: ['SCREENING', 'LEFT'],
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
