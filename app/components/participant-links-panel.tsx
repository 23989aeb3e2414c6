import { Form, Link } from '@remix-run/react';
import type { SerializeFrom } from '@remix-run/node';
import { useLanguage, useT } from '~/components/use-translation';
import type { participantLinksBlock } from '~/domain/participant-links/pair-page.server';
import type { MessageKey } from '~/lib/i18n';
import { formatNumber } from '~/lib/format';
import { formatDate } from '~/lib/time';

type Block = NonNullable<SerializeFrom<Awaited<ReturnType<typeof participantLinksBlock>>>>;
interface FitCheckView {
  id: string;
  checkedOn: string;
  volunteerScore: number;
  participantScore: number;
}

/** The pair page's links for the participant (issue, print, close) and their own answers. */
export function ParticipantLinksPanel({ pairId, block, fitChecks }: { pairId: string; block: Block; fitChecks: FitCheckView[] }) {
  const t = useT();
  const language = useLanguage();
  return (
    <section aria-labelledby="participant-links-title" className="card">
      <h2 id="participant-links-title">{t('participantLinks.pair.title')}</h2>
      <p className="muted">{t('participantLinks.pair.intro')}</p>

      <h3>{t('participantLinks.pair.answers')}</h3>
      {block.answers.length === 0 ? <p>{t('participantLinks.pair.noAnswers')}</p> : null}
      <ul className="participant-answers">
        {block.answers.map((answer) => (
          <li key={answer.id} data-answer={answer.purpose}>
            <strong>{t(`participantLinks.purpose.${answer.purpose}`)}</strong> · {formatDate(answer.answeredOn, language)} ·{' '}
            {t('participantLinks.pair.mean', { mean: formatNumber(answer.meanScore, language, { maximumFractionDigits: 1 }) })}{' '}
            {answer.lowScore ? <span className="badge badge--red">{t('participantLinks.pair.low')}</span> : null}
            <ul>
              {Object.entries(answer.scores).map(([item, score]) => (
                <li key={item}>
                  {t(`participantLinks.item.${item}` as MessageKey)}: {score}
                </li>
              ))}
            </ul>
            {answer.comment ? <p className="concern__text">{answer.comment}</p> : null}
            {answer.purpose === 'FIT_CHECK'
              ? fitChecks.map((check) => (
                  <p key={check.id} className="muted">
                    {formatDate(check.checkedOn, language)}:{' '}
                    {t('participantLinks.pair.beside', { volunteer: check.volunteerScore, participant: check.participantScore })}
                  </p>
                ))
              : null}
          </li>
        ))}
      </ul>

      {block.links.length === 0 ? <p>{t('participantLinks.pair.none')}</p> : null}
      <ul className="participant-links">
        {block.links.map((link) => (
          <li key={link.id}>
            {t(`participantLinks.purpose.${link.purpose}`)} · {t(`participantLinks.pair.state.${link.state}`)}
            {link.state === 'OPEN'
              ? ` · ${t('participantLinks.pair.expires', { date: formatDate(new Date(link.expiresAt), language) })}`
              : ''}
            {link.state === 'OPEN' && link.deliveredVia === 'PAIR_PAGE' ? (
              <span className="badge badge--amber"> {t('participantLinks.pair.toHandOver')}</span>
            ) : null}
            {link.state === 'OPEN' && link.deliveredVia === 'SMS' ? (
              <span className="badge"> {t('participantLinks.pair.sentBySms')}</span>
            ) : null}
            {link.state === 'OPEN' ? (
              <span className="actions">
                {link.printable ? <Link to={`/pairs/${pairId}/links/${link.id}`}>{t('participantLinks.pair.print')}</Link> : null}
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke-participant-link" />
                  <input type="hidden" name="linkId" value={link.id} />
                  <button type="submit" className="button-link">
                    {t('participantLinks.pair.revoke')}
                  </button>
                </Form>
              </span>
            ) : null}
          </li>
        ))}
      </ul>

      {block.purposes.length > 0 ? (
        <Form method="post" className="form inline-row">
          <input type="hidden" name="intent" value="issue-participant-link" />
          <div className="field">
            <label htmlFor="participant-link-purpose">{t('participantLinks.pair.purpose')}</label>
            <select id="participant-link-purpose" name="purpose">
              {block.purposes.map((purpose) => (
                <option key={purpose} value={purpose}>
                  {t(`participantLinks.purpose.${purpose}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="secondary">
            {t('participantLinks.pair.issue')}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
