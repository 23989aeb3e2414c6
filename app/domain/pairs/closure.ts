import type { ParticipantStatus } from '~/domain/participants/status';
import type { EndReason } from './status';

/**
 * What becomes of the participant when their pair ends: completed when the plan was completed
 * (or the ending was planned), withdrawn when they left; back on the waiting list when the
 * volunteer left or the pair is re-matched, so a new pair can be made.
 */
export function participantStatusAfterClosure(endType: 'PLANNED' | 'UNPLANNED', reason: EndReason): ParticipantStatus {
  if (reason === 'REMATCHED' || reason === 'VOLUNTEER_LEFT') return 'ACCEPTED';
  if (reason === 'PLAN_COMPLETED') return 'COMPLETED';
  if (reason === 'PARTICIPANT_WITHDREW') return 'WITHDRAWN';
  return endType === 'PLANNED' ? 'COMPLETED' : 'WITHDRAWN';
}
