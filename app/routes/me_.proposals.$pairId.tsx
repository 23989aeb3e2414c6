import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { pageTitle } from '~/lib/page-title';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormErrors, TextareaField } from '~/components/forms';
import { ProposalProfileList } from '~/components/proposal-card';
import { useLanguage, useT } from '~/components/use-translation';
import { acceptProposal, declineProposal, PairingError } from '~/domain/pairs/pairing.server';
import { isOwnOpenProposal, ownProposal, wasOwnPair } from '~/domain/pairs/proposals.server';
import { requireUser } from '~/lib/auth.server';
import { notifyOutbox } from '~/lib/email.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { notFound } from '~/lib/permissions.server';
import { formatDate } from '~/lib/time';
import { optionalText } from '~/lib/validation';

const answerSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('accept') }),
  z.object({ intent: z.literal('decline'), reason: optionalText(1000) }),
]);

const shownSchema = z.enum(['accept', 'decline']).catch('accept');

/** The proposal, or a flash back to /me when it was ours but is no longer open; a stranger's id is a 404. */
/** A proposal that is not open: "no longer open" for the volunteer's own pair, 404 for anyone else's. */
async function notOpen(pairId: string, userId: string): Promise<never> {
  if (await wasOwnPair(pairId, userId)) throw await redirectWithFlash('/me', { kind: 'error', key: 'proposals.noLongerOpen' });
  notFound();
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'proposals:answer' });
  const proposal = (await ownProposal(request, params.pairId ?? '', user.id)) ?? (await notOpen(params.pairId ?? '', user.id));
  const answer = shownSchema.parse(new URL(request.url).searchParams.get('answer') ?? undefined);
  return json({ proposal, answer });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'proposals:answer' });
  const pairId = params.pairId ?? '';
  if (!(await isOwnOpenProposal(pairId, user.id))) await notOpen(pairId, user.id);
  const submission = parseWithZod(await request.formData(), { schema: answerSchema });
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 });
  try {
    if (submission.value.intent === 'accept') {
      await acceptProposal({ pairId, actor: user, request });
      notifyOutbox();
      return redirectWithFlash('/me', { kind: 'success', key: 'proposals.acceptedFlash' });
    }
    await declineProposal({ pairId, reason: submission.value.reason ?? null, actor: user, request });
    notifyOutbox();
    return redirectWithFlash('/me', { kind: 'success', key: 'proposals.declinedFlash' });
  } catch (error) {
    if (!(error instanceof PairingError)) throw error;
    return redirectWithFlash('/me', { kind: 'error', key: error.code === 'NOT_READY' ? 'proposals.notReady' : 'proposals.noLongerOpen' });
  }
}

export default function AnswerProposal() {
  const { proposal, answer } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const language = useLanguage();
  const [form, fields] = useForm<z.input<typeof answerSchema>>({
    id: `answer-${answer}`,
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
  });
  const name = proposal.profile.firstName;
  return (
    <>
      <h1>{t(answer === 'accept' ? 'proposals.acceptTitle' : 'proposals.declineTitle', { name })}</h1>
      <p className="muted">{t('proposals.proposedOn', { date: formatDate(proposal.proposedOn, language) })}</p>
      <ProposalProfileList proposal={proposal} />
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value={answer} />
        {answer === 'accept' ? (
          <p>{t('proposals.acceptExplain')}</p>
        ) : (
          <>
            <p>{t('proposals.declineExplain')}</p>
            <TextareaField meta={fields.reason} label={t('proposals.declineReason')} rows={3} />
          </>
        )}
        <div className="actions">
          <button type="submit" className="primary">
            {t(answer === 'accept' ? 'proposals.acceptConfirm' : 'proposals.declineConfirm')}
          </button>
          <Link className="button secondary" to="/me">
            {t('proposals.cancel')}
          </Link>
        </div>
      </Form>
    </>
  );
}

export const meta = pageTitle('title.answerProposal');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
