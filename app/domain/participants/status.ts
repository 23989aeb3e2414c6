import { z } from 'zod';
import { releaseDateInForce, type ReleaseDates } from './release-date';

export const PARTICIPANT_STATUSES = ['REFERRED', 'ACCEPTED', 'WAITLISTED', 'DECLINED', 'MATCHED', 'COMPLETED', 'WITHDRAWN'] as const;
export const participantStatusSchema = z.enum(PARTICIPANT_STATUSES);
export type ParticipantStatus = z.infer<typeof participantStatusSchema>;

/** Every allowed change of a participant's status; anything else is refused. */
export const PARTICIPANT_TRANSITIONS: Record<ParticipantStatus, readonly ParticipantStatus[]> = {
  REFERRED: ['ACCEPTED', 'WAITLISTED', 'DECLINED', 'WITHDRAWN'],
  WAITLISTED: ['ACCEPTED', 'DECLINED', 'WITHDRAWN'],
  ACCEPTED: ['MATCHED', 'WAITLISTED', 'WITHDRAWN'],
  MATCHED: ['ACCEPTED', 'COMPLETED', 'WITHDRAWN'],
  DECLINED: [],
  COMPLETED: [],
  WITHDRAWN: [],
};

export function canChangeParticipantStatus(from: ParticipantStatus, to: ParticipantStatus): boolean {
  return PARTICIPANT_TRANSITIONS[from].includes(to);
}

/** In prison before the release date in force (releaseDateInForce), in the community from it. */
export type Phase = 'IN_PRISON' | 'IN_COMMUNITY';

export function phaseOn(dates: ReleaseDates, today: string): Phase {
  return today < releaseDateInForce(dates) ? 'IN_PRISON' : 'IN_COMMUNITY';
}
