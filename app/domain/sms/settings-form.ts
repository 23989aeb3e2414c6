import { z } from 'zod';
import { errorMessage } from '~/lib/form-errors';

function hour() {
  const message = errorMessage('sms.settings.invalidHour');
  return z.coerce.number({ error: message }).int({ error: message }).min(0, { error: message }).max(23, { error: message });
}

/** The SMS section of /settings (app/domain/settings/definitions.ts holds the values' rules). */
export const smsSettingsSchema = z.object({
  intent: z.literal('sms'),
  smsQuietStartHour: hour(),
  smsQuietEndHour: hour(),
  smsMaxPerParticipantPerDay: z.coerce
    .number({ error: errorMessage('settings.invalidNumber', { min: 1, max: 20 }) })
    .int({ error: errorMessage('settings.invalidNumber', { min: 1, max: 20 }) })
    .min(1, { error: errorMessage('settings.invalidNumber', { min: 1, max: 20 }) })
    .max(20, { error: errorMessage('settings.invalidNumber', { min: 1, max: 20 }) }),
  // Checkboxes: "on" when ticked, absent when not.
  smsReminderTwoHoursBefore: z.preprocess((value) => value === 'on', z.boolean()),
  smsIntoPrison: z.preprocess((value) => value === 'on', z.boolean()),
});
