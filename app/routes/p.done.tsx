import { useT } from '~/components/use-translation';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { pageTitle } from '~/lib/page-title';

/** Where a participant lands after answering: the link itself is closed by then. */
export default function ParticipantAnswerDone() {
  const t = useT();
  return (
    <section className="participant-page">
      <h1>{t('title.participantLinkDone')}</h1>
      <p role="status">{t('participantLinks.done.body')}</p>
    </section>
  );
}

export const meta = pageTitle('title.participantLinkDone');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
