import type { nb } from './nb';
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

/** English, the second language. The type makes every key of nb.ts required here. */
export const en: Record<keyof typeof nb, string> = {
  ...closure.en,
  ...firstWeek.en,
  ...common.en,
  ...concerns.en,
  ...costs.en,
  ...emails.en,
  ...language.en,
  ...figures.en,
  ...localTime.en,
  ...matching.en,
  ...participantLinks.en,
  ...meetings.en,
  ...national.en,
  ...plans.en,
  ...privacy.en,
  ...proposals.en,
  ...recruitment.en,
  ...referralOverview.en,
  ...referrals.en,
  ...release.en,
  ...repeats.en,
  ...search.en,
  ...services.en,
  ...sms.en,
  ...volunteers.en,
};
