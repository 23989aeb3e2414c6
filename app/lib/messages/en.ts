import type { nb } from './nb';
import * as common from './common';
import * as referrals from './referrals';

/** English, the second language. The type makes every key of nb.ts required here. */
export const en: Record<keyof typeof nb, string> = {
  ...common.en,
  ...referrals.en,
};
