import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useLanguage, useT } from '~/components/use-translation';
import { viewSuggestions } from '~/domain/matching/matching.server';
import { SUGGESTIONS_PER_PAGE } from '~/domain/matching/weights';
import type { ScorePart } from '~/domain/matching/score';
import { activatePair, isParticipantsPair, PairingError, proposePair, withdrawProposal } from '~/domain/pairs/pairing.server';
import { requireUser } from '~/lib/auth.server';
import { notifyOutbox } from '~/lib/email.server';
import { redirectWithFlash } from '~/lib/flash.server';
import type { MessageKey, Translate } from '~/lib/i18n';
import { notFound } from '~/lib/permissions.server';
import { daysBetween, formatDate, formatDateTime, isIsoDate, todayInOslo } from '~/lib/time';
import { pageTitle } from '~/lib/page-title';

const actionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('propose'), volunteerId: z.string().min(1) }),
  z.object({ intent: z.literal('activate'), pairId: z.string().min(1), startDate: z.string().refine(isIsoDate) }),
  z.object({ intent: z.literal('withdraw'), pairId: z.string().min(1) }),
]);

/** How many suggestions are explained: the first page, or more after "show more". */
const shownSchema = z.coerce.number().int().min(SUGGESTIONS_PER_PAGE).catch(SUGGESTIONS_PER_PAGE);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'matching:manage' });
  const shown = shownSchema.parse(new URL(request.url).searchParams.get('shown') ?? undefined);
  const { result, computedAt } = await viewSuggestions(request, user, params.participantId ?? '', shown);
  const today = todayInOslo();
  return json({
    today,
    computedAt,
    participant: {
      id: result.participant.id,
      name: `${result.participant.firstName} ${result.participant.lastName}`,
      release: result.participant.expectedReleaseDate,
      daysToRelease: daysBetween(today, result.participant.expectedReleaseDate),
      interests: result.participant.interests,
      wishedGender: result.participant.wishedGender,
    },
    activePair: result.activePair
      ? { volunteerName: `${result.activePair.volunteer.firstName} ${result.activePair.volunteer.lastName}` }
      : null,
    proposedPairs: result.proposedPairs.map((pair) => ({
      id: pair.id,
      proposedOn: pair.proposedOn,
      volunteerName: `${pair.volunteer.firstName} ${pair.volunteer.lastName}`,
    })),
    closedProposals: result.closedProposals.map((pair) => ({
      id: pair.id,
      status: pair.status,
      closedOn: pair.closedOn,
      declineReason: pair.declineReason,
      volunteerName: `${pair.volunteer.firstName} ${pair.volunteer.lastName}`,
    })),
    releaseSoon: result.releaseSoon,
    excluded: result.excluded,
    suggestionCount: result.count,
    suggestions: result.suggestions.map((suggestion) => ({
      volunteerId: suggestion.volunteer.id,
      name: `${suggestion.volunteer.firstName} ${suggestion.volunteer.lastName}`,
      municipality: suggestion.volunteer.municipality,
      total: suggestion.total,
      parts: suggestion.parts,
      clearanceWarning: result.noClearance.includes(suggestion.volunteer.id),
    })),
    prison: result.participant.prison,
    leadWeeks: result.leadWeeks,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'matching:manage' });
  const participantId = params.participantId ?? '';
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response('Bad Request', { status: 400 });
  const here = `/matching/${participantId}`;
  const input = parsed.data;
  try {
    if (input.intent === 'propose') {
      await proposePair({ participantId, volunteerId: input.volunteerId, actor: user, request });
      notifyOutbox();
      return redirectWithFlash(here, { kind: 'success', key: 'matching.proposedFlash' });
    }
    // The pair must belong to this participant: a pair id from elsewhere is a 404.
    if (!(await isParticipantsPair(input.pairId, participantId))) notFound();
    if (input.intent === 'activate') {
      await activatePair({ pairId: input.pairId, startDate: input.startDate, actor: user, request });
      notifyOutbox();
      return redirectWithFlash('/matching', { kind: 'success', key: 'matching.activatedFlash', params: { date: input.startDate } });
    }
    await withdrawProposal({ pairId: input.pairId, actor: user, request });
    notifyOutbox();
    return redirectWithFlash(here, { kind: 'success', key: 'matching.withdrawnFlash' });
  } catch (error) {
    if (!(error instanceof PairingError)) throw error;
    return redirectWithFlash(here, { kind: 'error', key: `matching.error.${error.code}` as MessageKey });
  }
}

function partDetail(t: Translate, part: ScorePart): string {
  if (part.key === 'ageGap') return t('matching.detail.ageGap', { years: part.detail[0] ?? '' });
  if (part.key === 'availability') return part.detail.map((slot) => t(`matching.slot.${slot}` as MessageKey)).join(', ');
  if (part.key === 'wishes') return part.detail.map((gender) => t(`matching.gender.${gender}` as MessageKey)).join(', ');
  return part.detail.join(', ');
}

export default function MatchingSuggestions() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  const excludedText = Object.entries(data.excluded)
    .map(([reason, count]) => t(`matching.excluded.${reason}` as MessageKey, { count: count ?? 0 }))
    .join(', ');
  return (
    <>
      <p>
        <Link to="/matching">{t('matching.back')}</Link>
      </p>
      <h1>{t('matching.suggestionsTitle', { name: data.participant.name })}</h1>
      <p>
        {t('matching.release')}: {formatDate(data.participant.release, language)}
      </p>
      <p className="muted">{t('matching.computedAt', { time: formatDateTime(new Date(data.computedAt), language) })}</p>
      {data.releaseSoon ? (
        <p className="flash flash--error" role="note">
          {t('matching.releaseSoonWarning', { days: data.participant.daysToRelease })}
        </p>
      ) : null}
      {data.participant.wishedGender === 'FEMALE' || data.participant.wishedGender === 'MALE' ? (
        <p className="flash flash--info">{t(`matching.wishRule.${data.participant.wishedGender}`)}</p>
      ) : null}
      {data.activePair ? (
        <p className="flash flash--info">
          {t('matching.rematchNote', { name: data.participant.name, volunteer: data.activePair.volunteerName })}
        </p>
      ) : null}

      {data.proposedPairs.length > 0 ? (
        <section aria-labelledby="proposed-title">
          <h2 id="proposed-title">{t('matching.proposedTitle')}</h2>
          <ul className="cards">
            {data.proposedPairs.map((pair) => (
              <li key={pair.id} className="card">
                <h3>{pair.volunteerName}</h3>
                <p>{t('matching.awaitingAnswer', { date: formatDate(pair.proposedOn, language) })}</p>
                <p className="flash flash--info">{t('matching.proposalOpenNote', { volunteer: pair.volunteerName })}</p>
                <details className="withdraw">
                  <summary>{t('matching.withdraw')}</summary>
                  <Form method="post" className="form">
                    <input type="hidden" name="pairId" value={pair.id} />
                    <p>{t('matching.withdrawIntro')}</p>
                    <div className="actions">
                      <button type="submit" name="intent" value="withdraw" className="primary">
                        {t('matching.withdrawConfirm', { volunteer: pair.volunteerName })}
                      </button>
                    </div>
                  </Form>
                </details>
                <p className="hint">{t('matching.activateHint')}</p>
                <Form method="post" className="form">
                  <input type="hidden" name="pairId" value={pair.id} />
                  <div className="field">
                    <label htmlFor={`start-${pair.id}`}>{t('matching.startDate')}</label>
                    <input id={`start-${pair.id}`} type="date" name="startDate" defaultValue={data.today} min={data.today} required />
                  </div>
                  <div className="actions">
                    <button type="submit" name="intent" value="activate" className="secondary">
                      {t('matching.activate')}
                    </button>
                  </div>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {data.suggestions.length === 0 ? <p>{t('matching.noCandidates')}</p> : null}
      <ol className="suggestions">
        {data.suggestions.map((suggestion) => (
          <li key={suggestion.volunteerId} className="card">
            <h2>
              {suggestion.name} <span className="muted">({suggestion.municipality})</span>
            </h2>
            <p>
              <strong>{t('matching.points', { points: suggestion.total })}</strong>
            </p>
            {suggestion.clearanceWarning ? (
              <p className="flash flash--error" role="note">
                {t('matching.noClearanceWarning', { prison: data.prison, weeks: data.leadWeeks })}
              </p>
            ) : null}
            <table className="score-parts">
              <caption className="visually-hidden">{t('matching.score')}</caption>
              <tbody>
                {suggestion.parts.map((part) => (
                  <tr key={part.key}>
                    <th scope="row">{t(`matching.part.${part.key}` as MessageKey)}</th>
                    <td>
                      {part.points} / {part.max}
                    </td>
                    <td>{partDetail(t, part)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data.proposedPairs.length > 0 ? (
              <p className="muted">{t('matching.proposalOpenInstead')}</p>
            ) : (
              <Form method="post">
                <input type="hidden" name="volunteerId" value={suggestion.volunteerId} />
                <button
                  type="submit"
                  name="intent"
                  value="propose"
                  className="primary"
                  aria-label={t('matching.proposeWith', { volunteer: suggestion.name })}
                >
                  {t('matching.propose')}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ol>
      {data.suggestionCount > data.suggestions.length ? (
        <p>
          {t('matching.suggestionsShown', { shown: data.suggestions.length, total: data.suggestionCount })}{' '}
          <Link to={`?shown=${data.suggestions.length + SUGGESTIONS_PER_PAGE}`} preventScrollReset>
            {t('matching.showMore', { count: Math.min(SUGGESTIONS_PER_PAGE, data.suggestionCount - data.suggestions.length) })}
          </Link>
        </p>
      ) : null}
      {excludedText ? <p className="muted">{t('matching.excludedSummary', { counts: excludedText })}</p> : null}
      {data.closedProposals.length > 0 ? (
        <section aria-labelledby="closed-title">
          <h2 id="closed-title">{t('matching.closedTitle')}</h2>
          <ul>
            {data.closedProposals.map((pair) => (
              <li key={pair.id}>
                {t(`matching.closed.${pair.status}`, { volunteer: pair.volunteerName, date: formatDate(pair.closedOn, language) })}
                {pair.declineReason ? <> {t('matching.closedReason', { reason: pair.declineReason })}</> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export const meta = pageTitle('title.matchingParticipant');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
