/** The most records one bulk action takes: a larger selection is refused with a message, before anything is written. */
export const BULK_LIMIT = 500;

export class TooManySelectedError extends Error {
  constructor(readonly count: number) {
    super(`${count} records selected; a bulk action takes at most ${BULK_LIMIT}`);
  }
}
