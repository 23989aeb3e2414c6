/**
 * Norwegian bokmål, the default language: every area's messages in one dictionary.
 * Each area keeps its own module with both languages side by side (`{ nb, en }`);
 * add a new area's module here and in en.ts.
 */
import * as common from './common';
import * as matching from './matching';
import * as meetings from './meetings';
import * as plans from './plans';
import * as privacy from './privacy';
import * as recruitment from './recruitment';
import * as referrals from './referrals';
import * as repeats from './repeats';
import * as volunteers from './volunteers';

export const nb = {
  ...common.nb,
  ...matching.nb,
  ...meetings.nb,
  ...plans.nb,
  ...privacy.nb,
  ...recruitment.nb,
  ...referrals.nb,
  ...repeats.nb,
  ...volunteers.nb,
} as const;
