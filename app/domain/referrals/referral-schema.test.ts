import { describe, expect, it } from 'vitest';
import { participantEditSchema } from '~/domain/participants/participant-form';
import { referralSchema } from './referral-schema';

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
