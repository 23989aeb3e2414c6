import { describe, expect, it } from 'vitest';
import { decisionsFrom } from './decision';

describe('triage decisions', () => {
  it('follows the status table, but offers none once matched or final', () => {
    expect(decisionsFrom('REFERRED')).toEqual(['ACCEPTED', 'WAITLISTED', 'DECLINED']);
    expect(decisionsFrom('WAITLISTED')).toEqual(['ACCEPTED', 'DECLINED']);
    expect(decisionsFrom('ACCEPTED')).toEqual(['WAITLISTED']);
    expect(decisionsFrom('MATCHED')).toEqual([]);
    expect(decisionsFrom('DECLINED')).toEqual([]);
  });
});
