import { z } from 'zod';
import { errorMessage } from '~/lib/form-errors';

/** The most records one bulk action takes: a larger selection is refused with a message, before anything is written. */
export const BULK_LIMIT = 500;

export class TooManySelectedError extends Error {
  constructor(readonly count: number) {
    super(`${count} records selected; a bulk action takes at most ${BULK_LIMIT}`);
  }
}

/** The selected ids of a bulk form (volunteers or pairs): at least one, at most BULK_LIMIT. */
export const selectedIdsField = z
  .array(z.string().min(1))
  .default([])
  .refine((ids) => ids.length > 0, { error: errorMessage('bulk.noneSelected') })
  .refine((ids) => new Set(ids).size <= BULK_LIMIT, { error: errorMessage('bulk.tooMany', { max: BULK_LIMIT }) });
