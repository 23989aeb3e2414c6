import { describe, expect, it } from 'vitest';
import {
  decisionsFrom,
  eligibility,
  participantEditSchema,
  referralSchema,
  sameName,
  splitList,
} from './referral-form';

describe('eligibility on the referral date', () => {
  it('accepts on the 18th birthday and refuses the day before, with the age', () => {
    expect(eligibility('2008-05-10', '2026-05-10')).toEqual({ eligible: true, age: 18 });
    expect(eligibility('2008-05-10', '2026-05-09')).toEqual({ eligible: false, age: 17, reason: 'tooYoung' });
  });

  it('accepts the day before the 25th birthday and refuses on it', () => {
    expect(eligibility('2001-05-10', '2026-05-09')).toEqual({ eligible: true, age: 24 });
    expect(eligibility('2001-05-10', '2026-05-10')).toEqual({ eligible: false, age: 25, reason: 'tooOld' });
  });

  it('gives someone born 29 February their birthday on 1 March in common years', () => {
    expect(eligibility('2008-02-29', '2026-02-28')).toEqual({ eligible: false, age: 17, reason: 'tooYoung' });
    expect(eligibility('2008-02-29', '2026-03-01')).toEqual({ eligible: true, age: 18 });
    expect(eligibility('2004-02-29', '2029-02-28')).toEqual({ eligible: true, age: 24 });
    expect(eligibility('2004-02-29', '2029-03-01')).toEqual({ eligible: false, age: 25, reason: 'tooOld' });
    // In a leap year the birthday is the day itself.
    expect(eligibility('2004-02-29', '2028-02-29')).toEqual({ eligible: true, age: 24 });
  });
});


describe('lists and names', () => {
  it('splits a comma list and drops empty items', () => {
    expect(splitList(' fotball, musikk ,, ')).toEqual(['fotball', 'musikk']);
  });

  it('treats names as the same regardless of case and spacing', () => {
    expect(sameName({ firstName: 'Åse  Marie', lastName: 'ØSTBY' }, { firstName: 'åse marie', lastName: 'Østby ' })).toBe(true);
    expect(sameName({ firstName: 'Åse', lastName: 'Østby' }, { firstName: 'Åse', lastName: 'Østbye' })).toBe(false);
  });
});

const TODAY = '2026-11-22';
function validForm(overrides: Record<string, unknown> = {}) {
  return {
    firstName: 'Ánde',
    lastName: 'Gáisi 🌲',
    dateOfBirth: '2004-06-01',
    prison: 'Trondheim fengsel',
    expectedReleaseDate: '2027-02-01',
    releaseMunicipality: 'Trondheim',
    interests: 'fotball, musikk',
    consentGiven: 'on',
    consentDate: TODAY,
    consentTakenBy: 'Kontaktbetjent',
    ...overrides,
  };
}

function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
}

describe('the referral schema', () => {
  const schema = referralSchema(TODAY);

  it('accepts Sámi letters and emoji in names and reads the lists', () => {
    const result = schema.safeParse(validForm());
    expect(result.success).toBe(true);
    expect(result.data?.interests).toEqual(['fotball', 'musikk']);
    expect(result.data?.wishedGender).toBe('NONE');
  });

  it('answers each kind of bad input with its own message key', () => {
    const errors = errorsOf(
      schema.safeParse(
        validForm({
          firstName: '<script>alert(1)</script>',
          lastName: 'x'.repeat(10_000),
          dateOfBirth: '1996-01-01',
          expectedReleaseDate: '1990-05-05',
          consentGiven: undefined,
          phone: '123',
          needs: 'y'.repeat(10_000),
        }),
      ),
    );
    expect(errors).toEqual({
      firstName: 'referrals.nameCharacters',
      lastName: 'form.tooLong::{"max":100}',
      dateOfBirth: 'referrals.tooOld::{"age":30}',
      expectedReleaseDate: 'referrals.releaseTooEarly',
      consentGiven: 'referrals.consentRequired',
      phone: 'referrals.invalidPhone',
      needs: 'form.tooLong::{"max":2000}',
    });
  });

  it('refuses impossible dates, a programme ending before it began and an unnamed other programme', () => {
    const errors = errorsOf(
      schema.safeParse(
        validForm({
          dateOfBirth: '2004-02-30',
          programmes: [
            { programme: 'KRIMFOKUS', status: 'COMPLETED', startDate: '2026-05-01', endDate: '2026-04-01' },
            { programme: 'OTHER', status: 'ONGOING' },
          ],
        }),
      ),
    );
    expect(errors).toEqual({
      dateOfBirth: 'form.invalidDate',
      'programmes.0.endDate': 'referrals.endBeforeStart',
      'programmes.1.otherName': 'form.required',
    });
  });

  it('lets the coordinator keep an old release date when editing', () => {
    const edit = participantEditSchema(TODAY).safeParse({ ...validForm(), expectedReleaseDate: '2024-01-01' });
    expect(edit.success).toBe(true);
    expect(schema.safeParse(validForm({ expectedReleaseDate: '2024-01-01' })).success).toBe(false);
  });
});

describe('triage decisions', () => {
  it('follows the status table, but offers none once matched or final', () => {
    expect(decisionsFrom('REFERRED')).toEqual(['ACCEPTED', 'WAITLISTED', 'DECLINED']);
    expect(decisionsFrom('WAITLISTED')).toEqual(['ACCEPTED', 'DECLINED']);
    expect(decisionsFrom('ACCEPTED')).toEqual(['WAITLISTED']);
    expect(decisionsFrom('MATCHED')).toEqual([]);
    expect(decisionsFrom('DECLINED')).toEqual([]);
  });
});
