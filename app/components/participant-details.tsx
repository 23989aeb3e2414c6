import { useLanguage, useT } from './use-translation';
import type { MessageKey } from '~/lib/i18n';
import { formatDate } from '~/lib/time';

interface ProgrammeRow {
  id: string;
  programme: string;
  otherName: string | null;
  status: string;
  startDate: string | null;
  endDate: string | null;
}

/** In-prison programme history, as on the referral and the participant page. */
export function ProgrammeList({ programmes }: { programmes: ProgrammeRow[] }) {
  const t = useT();
  const language = useLanguage();
  if (programmes.length === 0) return <p>{t('referrals.noProgrammes')}</p>;
  return (
    <ul>
      {programmes.map((row) => (
        <li key={row.id}>
          {row.programme === 'OTHER' && row.otherName ? row.otherName : t(`programme.${row.programme}` as MessageKey)} –{' '}
          {t(`programmeStatus.${row.status}` as MessageKey)}
          {row.startDate ? ` (${formatDate(row.startDate, language)}${row.endDate ? ` – ${formatDate(row.endDate, language)}` : ''})` : ''}
        </li>
      ))}
    </ul>
  );
}

interface Shares {
  shareContactWithVolunteer: boolean;
  sharePlanWithVolunteer: boolean;
  shareAttendanceWithReferrer: boolean;
  smsAllowed?: boolean;
  volunteerMayText?: boolean;
}

/** What the participant agreed to share, each item said out loud (yes/no), not by colour. */
export function ShareList({ consent }: { consent: Shares }) {
  const t = useT();
  const items: [MessageKey, boolean][] = [
    ['referrals.shareContactWithVolunteer', consent.shareContactWithVolunteer],
    ['referrals.sharePlanWithVolunteer', consent.sharePlanWithVolunteer],
    ['referrals.shareAttendanceWithReferrer', consent.shareAttendanceWithReferrer],
    ...(consent.smsAllowed === undefined ? [] : ([['sms.consent.smsAllowed', consent.smsAllowed]] as [MessageKey, boolean][])),
    ...(consent.volunteerMayText === undefined
      ? []
      : ([['sms.consent.volunteerMayText', consent.volunteerMayText]] as [MessageKey, boolean][])),
  ];
  return (
    <ul>
      {items.map(([key, shared]) => (
        <li key={key}>
          {t(key)}: <strong>{shared ? t('referrals.yes') : t('referrals.no')}</strong>
        </li>
      ))}
    </ul>
  );
}
