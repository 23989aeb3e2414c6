import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import QRCode from 'qrcode';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useLanguage, useT } from '~/components/use-translation';
import { linkAddress, printableLink } from '~/domain/participant-links/links.server';
import { requireUser } from '~/lib/auth.server';
import { pageTitle } from '~/lib/page-title';
import { formatDate } from '~/lib/time';

export const headers = () => ({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'same-origin' });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'pairs:manage' });
  const link = await printableLink(user, params.id ?? '', params.linkId ?? '');
  const path = `/p/${link.token}`;
  const address = linkAddress(link.token);
  const qrSvg = await QRCode.toString(address, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return json({ pairId: params.id ?? '', purpose: link.purpose, expiresAt: link.expiresAt, path, address, qrSvg });
}

/** One sheet for the participant: what the link is for, a QR code and the address to type. */
export default function PrintParticipantLink() {
  const { pairId, purpose, expiresAt, path, address, qrSvg } = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  return (
    <article className="participant-print">
      <p className="no-print">
        <Link to={`/pairs/${pairId}`}>{t('participantLinks.print.back')}</Link>
      </p>
      <h1>{t('participantLinks.print.heading')}</h1>
      <h2>{t(`participantLinks.purpose.${purpose}`)}</h2>
      <p>{t('participantLinks.print.scan')}</p>
      {/* The SVG is made on the server by qrcode from our own address: no user text in it. */}
      <div
        className="participant-print__qr"
        role="img"
        aria-label={t('participantLinks.print.qr')}
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
      <p className="participant-print__address">
        <a href={path}>{address}</a>
      </p>
      <p>{t('participantLinks.print.valid', { date: formatDate(new Date(expiresAt), language) })}</p>
      <div className="actions no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('participantLinks.print.button')}
        </button>
      </div>
    </article>
  );
}

export const meta = pageTitle('title.participantLinkPrint');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
