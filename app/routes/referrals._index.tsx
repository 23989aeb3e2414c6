import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useLanguage, useT } from '~/components/use-translation';
import { listReferrals } from '~/domain/referrals/referral-list.server';
import { requireUser } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import type { MessageKey } from '~/lib/i18n';
import { formatDate } from '~/lib/time';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: ['COORDINATOR', 'PROBATION_OFFICER'] });
  return json({ referrals: await listReferrals(db, user) });
}

export default function Referrals() {
  const { referrals } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <h1>{t('referrals.title')}</h1>
      {referrals.length === 0 ? (
        <p>{t('referrals.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('referrals.participant')}</th>
                <th scope="col">{t('referrals.referred')}</th>
                <th scope="col">{t('referrals.prison')}</th>
                <th scope="col">{t('referrals.release')}</th>
                <th scope="col">{t('referrals.status')}</th>
              </tr>
            </thead>
            <tbody>
              {referrals.map((referral) => (
                <tr key={referral.id}>
                  <td>{referral.participantName}</td>
                  <td>{formatDate(referral.referralDate, language)}</td>
                  <td>{referral.prison}</td>
                  <td>{formatDate(referral.expectedReleaseDate, language)}</td>
                  <td>{t(`participantStatus.${referral.status}` as MessageKey)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: 'Henvisninger – Brobygger' }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
