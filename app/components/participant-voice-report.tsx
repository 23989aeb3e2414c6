import type { SerializeFrom } from '@remix-run/node';
import { useLanguage, useT } from '~/components/use-translation';
import type { participantVoiceFigures } from '~/domain/figures/participant-voice.server';
import { SURVEY_ITEMS } from '~/domain/participant-links/purposes';
import { formatNumber } from '~/lib/format';
import type { MessageKey } from '~/lib/i18n';
import { formatMonth } from '~/lib/time';

type Voice = SerializeFrom<Awaited<ReturnType<typeof participantVoiceFigures>>>;

/** /reports: the participants' own answers beside the volunteers' and coordinators' views, and the pulse by month. */
export function ParticipantVoiceReport({ voice }: { voice: Voice }) {
  const t = useT();
  const language = useLanguage();
  const score = (value: number | null) => (value === null ? '–' : formatNumber(value, language, { maximumFractionDigits: 1 }));
  return (
    <section aria-labelledby="participant-voice-title">
      <h3 id="participant-voice-title">{t('participantLinks.reports.title')}</h3>
      <p className="muted">{t('participantLinks.reports.intro')}</p>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">{t('participantLinks.reports.view')}</th>
            <th scope="col">{t('participantLinks.reports.answers')}</th>
            <th scope="col">{t('participantLinks.reports.mean')}</th>
          </tr>
        </thead>
        <tbody>
          {voice.views.map((figure) => (
            <tr key={figure.view} data-view={figure.view}>
              <th scope="row">{t(`participantLinks.reports.${figure.view}`)}</th>
              <td>{formatNumber(figure.answers, language)}</td>
              <td>{score(figure.mean)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h4>{t('participantLinks.reports.pulseTitle')}</h4>
      {voice.pulse.length === 0 ? (
        <p>{t('participantLinks.reports.noPulse')}</p>
      ) : (
        <div className="table-wrap">
          <table className="report-table" data-table="pulse">
            <thead>
              <tr>
                <th scope="col">{t('participantLinks.reports.month')}</th>
                <th scope="col">{t('participantLinks.reports.answers')}</th>
                <th scope="col">{t('participantLinks.reports.mean')}</th>
                <th scope="col">{t('participantLinks.reports.low')}</th>
                {SURVEY_ITEMS.PULSE.map((item) => (
                  <th scope="col" key={item}>
                    {t(`participantLinks.item.${item}` as MessageKey)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {voice.pulse.map((month) => (
                <tr key={month.month} data-month={month.month}>
                  <th scope="row">{formatMonth(month.month, language)}</th>
                  <td>{formatNumber(month.answers, language)}</td>
                  <td>{score(month.mean)}</td>
                  <td>{formatNumber(month.low, language)}</td>
                  {SURVEY_ITEMS.PULSE.map((item) => (
                    <td key={item}>{score(month.items[item] ?? null)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
