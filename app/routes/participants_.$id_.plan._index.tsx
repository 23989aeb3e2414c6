import { parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { PlanEditor } from '~/components/plan-page/editor';
import type { PlanReply } from '~/components/plan-page/reply';
import { PlanViewer } from '~/components/plan-page/viewer';
import { useT } from '~/components/use-translation';
import { planAreaContent, planSchema, reviewSchema } from '~/domain/plans/plan-form';
import { planPageView } from '~/domain/plans/plan-page';
import {
  awaitsHandover,
  NoPlanError,
  requirePlanAccess,
  reviewPlan,
  savePlan,
  StalePlanError,
  viewPlan,
} from '~/domain/plans/plans.server';
import { requireUser } from '~/lib/auth.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { can } from '~/lib/permissions.server';
import { todayInOslo } from '~/lib/time';
import { pageTitle } from '~/lib/page-title';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'plans:read' });
  const { participant, showMeetingActivity } = await requirePlanAccess(user, params.id ?? '', 'read');
  const url = new URL(request.url);
  const canHandover = can(user.role, 'plans:handover');
  const { plan, progress } = await viewPlan(request, user, participant.id, Number(url.searchParams.get('version')) || undefined);
  return json(
    planPageView({
      participant,
      plan,
      progress,
      canEdit: can(user.role, 'plans:edit'),
      canHandover,
      offerHandover: canHandover && (await awaitsHandover(participant.id)),
      editing: url.searchParams.has('edit'),
      showMeetingActivity,
      today: todayInOslo(),
    }),
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'plans:edit' });
  const { participant } = await requirePlanAccess(user, params.id ?? '', 'edit');
  const planUrl = `/participants/${participant.id}/plan`;
  const formData = await request.formData();

  if (formData.get('intent') === 'save') {
    const submission = parseWithZod(formData, { schema: planSchema });
    if (submission.status !== 'success') return json<PlanReply>({ intent: 'save', result: submission.reply() }, { status: 400 });
    try {
      const saved = await savePlan(request, {
        participantId: participant.id,
        actorId: user.id,
        baseVersion: submission.value.baseVersion,
        areas: submission.value.areas.map(planAreaContent),
      });
      return redirectWithFlash(planUrl, { kind: 'success', key: 'plans.saved', params: { version: saved.number } });
    } catch (error) {
      if (!(error instanceof StalePlanError)) throw error;
      return json<PlanReply>(
        { intent: 'save', result: submission.reply({ formErrors: [errorMessage('plans.stale', { version: error.currentNumber })] }) },
        { status: 409 },
      );
    }
  }

  if (formData.get('intent') === 'review') {
    const submission = parseWithZod(formData, { schema: reviewSchema });
    if (submission.status !== 'success') return json<PlanReply>({ intent: 'review', result: submission.reply() }, { status: 400 });
    try {
      await reviewPlan(request, { participantId: participant.id, actorId: user.id, ...submission.value });
    } catch (error) {
      if (!(error instanceof NoPlanError)) throw error;
      return json<PlanReply>(
        { intent: 'review', result: submission.reply({ formErrors: [errorMessage('plans.reviewNeedsPlan')] }) },
        { status: 409 },
      );
    }
    return redirectWithFlash(planUrl, { kind: 'success', key: 'plans.reviewSaved' });
  }

  throw new Response('Bad Request', { status: 400 });
}

export default function PlanPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="plan-page">
      <h1>{t('plans.title', { name: data.participant.name })}</h1>
      <p className="muted">{t('plans.intro')}</p>
      {data.editing ? <PlanEditor data={data} /> : <PlanViewer data={data} />}
    </div>
  );
}

export const meta = pageTitle('title.plan');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
