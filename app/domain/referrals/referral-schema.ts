import { z } from 'zod';
import { errorMessage } from '~/lib/form-errors';
import { addDays, type IsoDate } from '~/lib/time';
import { optionalText, requiredText } from '~/lib/validation';
import { dateField, participantFields, programmeRow, PROGRAMMES } from '~/domain/participants/participant-form';

/** The referral form; `today` (Oslo) is the referral date eligibility is judged on. */
export function referralSchema(today: IsoDate) {
  return z.object({
    ...participantFields(today),
    programmes: z.array(programmeRow(today)).max(PROGRAMMES.length).default([]),
    // A ticked checkbox posts "on"; a literal (not an optional boolean) keeps the rule when
    // conform coerces the form data.
    consentGiven: z.literal('on', { error: errorMessage('referrals.consentRequired') }),
    consentDate: dateField((date) => {
      if (date > today) return errorMessage('referrals.dateInFuture');
      if (date < addDays(today, -365)) return errorMessage('referrals.consentTooOld');
      return null;
    }),
    consentTakenBy: requiredText(100),
    shareContactWithVolunteer: z.boolean().default(false),
    sharePlanWithVolunteer: z.boolean().default(false),
    shareAttendanceWithReferrer: z.boolean().default(false),
    smsAllowed: z.boolean().default(false),
    volunteerMayText: z.boolean().default(false),
    note: optionalText(2000),
    confirmDuplicate: z.boolean().default(false),
  });
}
export type ReferralInput = z.infer<ReturnType<typeof referralSchema>>;
