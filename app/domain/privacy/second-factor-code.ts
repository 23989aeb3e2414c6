import { z } from 'zod';
import { errorMessage } from '~/lib/form-errors';

/** What the second-factor forms take: a six-digit code from an authenticator app or a recovery code. */
export const secondFactorCodeField = z
  .string({ error: errorMessage('form.required') })
  .trim()
  .min(6, { error: errorMessage('privacy.twoFactor.codeInvalid') })
  .max(40, { error: errorMessage('privacy.twoFactor.codeInvalid') });
