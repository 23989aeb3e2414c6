import type { nb } from './nb';
import * as common from './common';
import * as matching from './matching';
import * as meetings from './meetings';
import * as plans from './plans';
import * as privacy from './privacy';
import * as recruitment from './recruitment';
import * as referrals from './referrals';
import * as repeats from './repeats';
import * as volunteers from './volunteers';

/** English, the second language. The type makes every key of nb.ts required here. */
export const en: Record<keyof typeof nb, string> = {
  ...common.en,
  ...matching.en,
  ...meetings.en,
  ...plans.en,
  ...privacy.en,
  ...recruitment.en,
  ...referrals.en,
  ...repeats.en,
  ...volunteers.en,
};
