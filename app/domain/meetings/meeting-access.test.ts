import { describe, expect, it } from 'vitest';
import { meetingAccess } from './meeting-access';

describe('who may act on a meeting', () => {
  it('is the volunteer of an active pair', () => {
    expect(meetingAccess('VOLUNTEER', 'ACTIVE')).toEqual({ canAct: true, seesNotes: false });
    expect(meetingAccess('VOLUNTEER', 'ENDED')).toEqual({ canAct: false, seesNotes: false });
  });

  it('is not the coordinator, who sees the private note and concerns instead', () => {
    expect(meetingAccess('COORDINATOR', 'ACTIVE')).toEqual({ canAct: false, seesNotes: true });
    expect(meetingAccess('PROBATION_OFFICER', 'ACTIVE')).toEqual({ canAct: false, seesNotes: false });
  });
});
