import { Link } from '@remix-run/react';
import type { ProposalProfile } from '~/domain/pairs/proposals';
import { formatDate } from '~/lib/time';
import { useLanguage, useT } from './use-translation';

export interface ProposalView {
  id: string;
  proposedOn: string;
  profile: ProposalProfile;
}

/** What the volunteer may see of the participant in a proposal: only what consent allows. */
export function ProposalProfileList({ proposal }: { proposal: ProposalView }) {
  const t = useT();
  const language = useLanguage();
  const { profile } = proposal;
  if (!profile.shared) return <p>{t('proposals.limited')}</p>;
  return (
    <dl className="proposal-profile">
      {profile.age !== null ? (
        <>
          <dt>{t('proposals.age')}</dt>
          <dd>{t('proposals.ageYears', { age: profile.age })}</dd>
        </>
      ) : null}
      {profile.interests.length > 0 ? (
        <>
          <dt>{t('proposals.interests')}</dt>
          <dd>{profile.interests.join(', ')}</dd>
        </>
      ) : null}
      {profile.releaseDate ? (
        <>
          <dt>{t('proposals.release')}</dt>
          <dd>{formatDate(profile.releaseDate, language)}</dd>
        </>
      ) : null}
      {profile.prison ? (
        <>
          <dt>{t('proposals.prison')}</dt>
          <dd>{profile.prison}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** The volunteer's open proposals on /me, each with Accept / Decline (both confirmed on the next page). */
export function ProposalsToAnswer({ proposals }: { proposals: ProposalView[] }) {
  const t = useT();
  const language = useLanguage();
  if (proposals.length === 0) return null;
  return (
    <section aria-labelledby="proposals-title" className="proposals">
      <h2 id="proposals-title">{t('proposals.title')}</h2>
      <p>{t('proposals.intro')}</p>
      <ul className="cards">
        {proposals.map((proposal) => (
          <li key={proposal.id} className="card">
            <h3>{t('proposals.heading', { name: proposal.profile.firstName })}</h3>
            <p className="muted">{t('proposals.proposedOn', { date: formatDate(proposal.proposedOn, language) })}</p>
            <ProposalProfileList proposal={proposal} />
            <p className="actions">
              <Link
                className="button primary"
                to={`/me/proposals/${proposal.id}?answer=accept`}
                aria-label={t('proposals.acceptFor', { name: proposal.profile.firstName })}
              >
                {t('proposals.accept')}
              </Link>
              <Link
                className="button secondary"
                to={`/me/proposals/${proposal.id}?answer=decline`}
                aria-label={t('proposals.declineFor', { name: proposal.profile.firstName })}
              >
                {t('proposals.decline')}
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
