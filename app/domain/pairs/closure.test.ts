import { describe, expect, it } from 'vitest';
import {
  closePairSchema,
  closureAuditView,
  closureRules,
  closureSchema,
  closureSummary,
  participantOutcome,
  participantStatusAfterClosure,
  type ClosureFacts,
} from './closure';

const rules = { startDate: '2026-06-01', today: '2026-12-01' };

function errorsOf(schema: ReturnType<typeof closePairSchema> | ReturnType<typeof closureSchema>, input: Record<string, unknown>) {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[issue.path.join('.')] ??= []).push(issue.message);
  return errors;
}

const valid = {
  endType: 'PLANNED',
  endReason: 'PLAN_COMPLETED',
  endDate: '2026-11-28',
  closureTalk: 'HELD',
  closureTalkDate: '2026-11-27',
};

describe('the closure form', () => {
  it('asks for every choice when nothing is chosen, each next to its field', () => {
    expect(errorsOf(closePairSchema(rules), {})).toEqual({
      endType: ['closure.chooseType'],
      endReason: ['closure.chooseReason'],
      endDate: ['closure.endDateRequired'],
      closureTalk: ['closure.chooseTalk'],
    });
  });

  it('refuses unknown codes as not chosen', () => {
    const errors = errorsOf(closePairSchema(rules), { ...valid, endType: 'MAYBE', endReason: 'BORED' });
    expect(errors.endType).toEqual(['closure.chooseType']);
    expect(errors.endReason).toEqual(['closure.chooseReason']);
  });

  it('refuses an end date in the future or before the pair started, even while other fields are missing', () => {
    expect(errorsOf(closePairSchema(rules), { ...valid, endDate: '2026-12-02' }).endDate).toEqual(['closure.endDateFuture']);
    expect(errorsOf(closePairSchema(rules), { ...valid, endDate: '2026-05-31' }).endDate).toEqual(['meetings.close.endBeforeStart']);
    expect(errorsOf(closePairSchema(rules), { endDate: '2027-01-01' })).toMatchObject({
      endDate: ['closure.endDateFuture'],
      endType: ['closure.chooseType'],
    });
    expect(errorsOf(closePairSchema(rules), { ...valid, endDate: '2026-02-30' }).endDate).toEqual(['form.invalidDate']);
    // today and the start day itself are allowed
    expect(closePairSchema(rules).safeParse({ ...valid, endDate: rules.today }).success).toBe(true);
    expect(closePairSchema(rules).safeParse({ ...valid, endDate: rules.startDate }).success).toBe(true);
  });

  it('records the conversation only when it was held, with its date, or not held with why', () => {
    expect(errorsOf(closePairSchema(rules), { ...valid, closureTalkDate: undefined }).closureTalkDate).toEqual([
      'closure.talkDateRequired',
    ]);
    expect(errorsOf(closePairSchema(rules), { ...valid, closureTalkDate: '2026-12-05' }).closureTalkDate).toEqual([
      'closure.talkDateFuture',
    ]);
    expect(errorsOf(closePairSchema(rules), { ...valid, closureTalkDate: '2026-01-05' }).closureTalkDate).toEqual([
      'closure.talkBeforeStart',
    ]);
    expect(
      errorsOf(closePairSchema(rules), { ...valid, closureTalk: 'NOT_HELD', closureTalkDate: undefined, closureTalkNotHeldReason: '   ' })
        .closureTalkNotHeldReason,
    ).toEqual(['closure.notHeldReasonRequired']);

    const held = closePairSchema(rules).parse({ ...valid, closureTalkNotHeldReason: 'ignored' });
    expect(held).toMatchObject({
      closureTalkDate: '2026-11-27',
      closureTalkNotHeldReason: null,
      contactAfterClosure: null,
      surveyScore: null,
    });
    const notHeld = closePairSchema(rules).parse({
      ...valid,
      closureTalk: 'NOT_HELD',
      closureTalkNotHeldReason: ' Deltakeren ville ikke. ',
    });
    expect(notHeld).toMatchObject({ closureTalkDate: null, closureTalkNotHeldReason: 'Deltakeren ville ikke.' });
  });

  it('the correction takes the same details and nothing else', () => {
    expect(Object.keys(closureSchema(rules).parse({ ...valid, endNote: 'x' })).sort()).toEqual(
      ['closureTalk', 'closureTalkDate', 'closureTalkNotHeldReason', 'endDate', 'endReason', 'endType'].sort(),
    );
    expect(errorsOf(closureSchema(rules), {})).toHaveProperty('endReason');
  });
});

describe("the participant's status after the ending", () => {
  it('follows the reason', () => {
    expect(participantStatusAfterClosure('PLANNED', 'PLAN_COMPLETED')).toBe('COMPLETED');
    expect(participantStatusAfterClosure('UNPLANNED', 'PARTICIPANT_WITHDREW')).toBe('WITHDRAWN');
    expect(participantStatusAfterClosure('UNPLANNED', 'VOLUNTEER_LEFT')).toBe('ACCEPTED');
    expect(participantStatusAfterClosure('PLANNED', 'REMATCHED')).toBe('ACCEPTED');
    expect(participantStatusAfterClosure('PLANNED', 'OTHER')).toBe('COMPLETED');
    expect(participantStatusAfterClosure('UNPLANNED', 'OTHER')).toBe('WITHDRAWN');
  });

  it('stays as it is while another pair is active, or when the change is not allowed', () => {
    expect(participantOutcome('MATCHED', 0, 'PLANNED', 'PLAN_COMPLETED')).toEqual({ from: 'MATCHED', to: 'COMPLETED', changes: true });
    expect(participantOutcome('MATCHED', 1, 'PLANNED', 'PLAN_COMPLETED')).toEqual({ from: 'MATCHED', to: 'MATCHED', changes: false });
    expect(participantOutcome('WITHDRAWN', 0, 'PLANNED', 'PLAN_COMPLETED')).toEqual({ from: 'WITHDRAWN', to: 'WITHDRAWN', changes: false });
  });
});

describe('what the confirmation says', () => {
  const facts: ClosureFacts = {
    participantStatus: 'MATCHED',
    otherActivePairs: 0,
    plannedMeetings: 3,
    volunteer: { name: 'Marte Frivoll' },
    referrers: [{ name: 'Per Hansen', organisation: 'Trondheim fengsel' }],
  };

  it('names the new status, the meetings cancelled and who is told', () => {
    expect(closureSummary(facts, { endType: 'UNPLANNED', endReason: 'PARTICIPANT_WITHDREW' })).toEqual({
      participant: { from: 'MATCHED', to: 'WITHDRAWN', changes: true },
      cancelledMeetings: 3,
      recipients: [
        { role: 'VOLUNTEER', name: 'Marte Frivoll', organisation: null },
        { role: 'PROBATION_OFFICER', name: 'Per Hansen', organisation: 'Trondheim fengsel' },
      ],
    });
  });

  it('tells only the volunteer when no referrer has an account', () => {
    const summary = closureSummary({ ...facts, referrers: [], plannedMeetings: 0 }, { endType: 'PLANNED', endReason: 'PLAN_COMPLETED' });
    expect(summary.recipients.map((recipient) => recipient.role)).toEqual(['VOLUNTEER']);
    expect(summary.cancelledMeetings).toBe(0);
    expect(summary.participant.to).toBe('COMPLETED');
  });

  it('audits the coded details, and of the free text only whether it was held', () => {
    expect(
      closureAuditView({
        endType: 'PLANNED',
        endReason: 'OTHER',
        endDate: '2026-11-01',
        closureTalkDate: null,
        closureTalkNotHeldReason: 'Syk',
      }),
    ).toEqual({
      endType: 'PLANNED',
      endReason: 'OTHER',
      endDate: '2026-11-01',
      closureTalk: 'NOT_HELD',
      closureTalkDate: null,
    });
  });
});

describe('the dates a closure is checked against', () => {
  it('are the pair’s start and today; a pair without a start date limits nothing', () => {
    expect(closureRules({ startDate: '2026-06-01' }, '2026-12-01')).toEqual(rules);
    const unbounded = closureRules({ startDate: null }, '2026-12-01');
    expect(closureSchema(unbounded).safeParse({ ...valid, endDate: '2001-01-01', closureTalkDate: '2001-01-01' }).success).toBe(true);
    expect(
      closureSchema(closureRules({ startDate: '2026-06-01' }, '2026-12-01')).safeParse({ ...valid, endDate: '2026-05-31' }).success,
    ).toBe(false);
  });
});
