import type { Role } from '~/lib/roles';
import { can, isRunningPair } from '~/lib/permissions.server';

export interface MeetingAccess {
  /** Log, move or cancel the meeting: the pair's volunteer, while the pair is active. */
  canAct: boolean;
  /** The log's private note and the concerns raised with it: the coordinator's. */
  seesNotes: boolean;
}

export function meetingAccess(role: Role, pairStatus: string): MeetingAccess {
  return { canAct: can(role, 'meetings:log') && isRunningPair(pairStatus), seesNotes: can(role, 'meetings:read-notes') };
}
