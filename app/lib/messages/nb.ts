/**
 * Norwegian bokmål, the default language: every area's messages in one dictionary.
 * Each area keeps its own module with both languages side by side (`{ nb, en }`);
 * add a new area's module here and in en.ts.
 */
import * as closure from './closure';
import * as common from './common';
import * as concerns from './concerns';
import * as costs from './costs';
import * as emails from './emails';
import * as language from './language';
import * as figures from './figures';
import * as firstWeek from './first-week';
import * as localTime from './local-time';
import * as matching from './matching';
import * as participantLinks from './participant-links';
import * as meetings from './meetings';
import * as national from './national';
import * as plans from './plans';
import * as privacy from './privacy';
import * as proposals from './proposals';
import * as recruitment from './recruitment';
import * as referralOverview from './referral-overview';
import * as referrals from './referrals';
import * as release from './release';
import * as repeats from './repeats';
import * as search from './search';
import * as services from './services';
import * as sms from './sms';
import * as volunteers from './volunteers';

export const nb = {
  ...closure.nb,
  ...firstWeek.nb,
  ...common.nb,
  ...concerns.nb,
  ...costs.nb,
  ...emails.nb,
  ...language.nb,
  ...figures.nb,
  ...localTime.nb,
  ...matching.nb,
  ...participantLinks.nb,
  ...meetings.nb,
  ...national.nb,
  ...plans.nb,
  ...privacy.nb,
  ...proposals.nb,
  ...recruitment.nb,
  ...referralOverview.nb,
  ...referrals.nb,
  ...release.nb,
  ...repeats.nb,
  ...search.nb,
  ...services.nb,
  ...sms.nb,
  ...volunteers.nb,
} as const;
