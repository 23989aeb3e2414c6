import { z } from 'zod';

/** How pressing a concern is: URGENT when someone may be in danger now. */
export const CONCERN_SEVERITIES = ['NORMAL', 'URGENT'] as const;
export const concernSeveritySchema = z.enum(CONCERN_SEVERITIES);
export type ConcernSeverity = z.infer<typeof concernSeveritySchema>;

/**
 * Norway's emergency numbers, shown before an urgent concern is sent: the app tells the
 * coordinator, but it is no emergency service.
 */
export const EMERGENCY_NUMBERS = [
  { number: '112', service: 'POLICE' },
  { number: '113', service: 'MEDICAL' },
  { number: '110', service: 'FIRE' },
] as const;
export type EmergencyNumber = (typeof EMERGENCY_NUMBERS)[number];

export function severityOf(urgent: boolean): ConcernSeverity {
  return urgent ? 'URGENT' : 'NORMAL';
}

/** An urgent concern is sent only once the emergency numbers have been shown and confirmed. */
export function needsUrgentConfirmation(severity: ConcernSeverity, confirmed: boolean): boolean {
  return severity === 'URGENT' && !confirmed;
}
