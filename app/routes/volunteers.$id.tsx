import type { SubmissionResult } from '@conform-to/react';
import { formText, parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { LoginSection, ManageSection } from '~/components/volunteer/manage';
import { ProfileSection, ReadinessSection, TrainingSection, VolunteerHeader } from '~/components/volunteer/overview';
import { CertificateSection, InterviewSection, ReferencesSection } from '~/components/volunteer/screening';
import type { SectionReply } from '~/components/volunteer/section-form';
import { ClearanceSection } from '~/components/volunteer/clearance';
import { knownPrisons, recordClearance, volunteerClearances } from '~/domain/volunteers/clearance.server';
import { EmailAlreadyUsedError } from '~/domain/users/invitations.server';
import {
  capacitySchema,
  certificateSchema,
  clearanceSchema,
  endSchema,
  inviteSchema,
  interviewSchema,
  pauseSchema,
  referenceOutcomeSchema,
  referenceSchema,
  resumeSchema,
} from '~/domain/volunteers/volunteer-forms';
import {
  changeVolunteer,
  inviteVolunteer,
  NotInvitableError,
  volunteerPage,
  volunteerToChange,
} from '~/domain/volunteers/volunteer-page.server';
import { TransitionNotAllowedError, type ChangeContext } from '~/domain/volunteers/volunteers.server';
import { requireUser } from '~/lib/auth.server';
import { notifyOutbox } from '~/lib/email.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { todayInOslo } from '~/lib/time';
import { currentTime } from '~/lib/clock';
import { pageTitle } from '~/lib/page-title';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { capability: 'volunteers:manage' });
  const page = await volunteerPage(params.id ?? '');
  // -- release (#21): the volunteer's prison visitor clearances.
  const [clearances, prisons] = await Promise.all([volunteerClearances(page.volunteer.id), knownPrisons()]);
  return json({ ...page, clearances, prisons });
}

function invalid(intent: string, result: SubmissionResult<string[]>) {
  return json<SectionReply>({ intent, result }, { status: 400 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUser(request, { capability: 'volunteers:manage' });
  const volunteer = await volunteerToChange(params.id ?? '');
  const formData = await request.formData();
  const intent = formText(formData, 'intent');
  const ctx: ChangeContext = { actorId: actor.id, request, now: currentTime() };
  const volunteerId = volunteer.id;
  const back = (key: Parameters<typeof redirectWithFlash>[1]['key'], params?: Record<string, string>) =>
    redirectWithFlash(`/volunteers/${volunteerId}`, { kind: 'success', key, params });

  switch (intent) {
    case 'interview': {
      const submission = parseWithZod(formData, { schema: interviewSchema });
      if (submission.status !== 'success') return invalid(intent, submission.reply());
      await changeVolunteer(ctx, volunteerId, submission.value);
      return back('volunteers.interviewSaved');
    }
    case 'reference': {
      const submission = parseWithZod(formData, { schema: referenceSchema });
      if (submission.status !== 'success') return invalid(intent, submission.reply());
      await changeVolunteer(ctx, volunteerId, submission.value);
      return back('volunteers.referenceSaved');
    }
    case 'reference-outcome': {
      // Plain fields through formText: an id with a control character (a NUL) is no id, so a 400.
      const parsed = referenceOutcomeSchema.safeParse({
        intent,
        referenceId: formText(formData, 'referenceId'),
        outcome: formText(formData, 'outcome'),
      });
      if (!parsed.success) throw new Response('Bad Request', { status: 400 });
      await changeVolunteer(ctx, volunteerId, parsed.data);
      return back('volunteers.referenceSaved');
    }
    case 'certificate': {
      const submission = parseWithZod(formData, { schema: certificateSchema(todayInOslo(ctx.now)) });
      if (submission.status !== 'success') return invalid(intent, submission.reply());
      await changeVolunteer(ctx, volunteerId, submission.value);
      return back('volunteers.certificateSaved');
    }
    case 'capacity': {
      const submission = parseWithZod(formData, { schema: capacitySchema });
      if (submission.status !== 'success') return invalid(intent, submission.reply());
      await changeVolunteer(ctx, volunteerId, submission.value);
      return back('volunteers.capacitySaved');
    }
    case 'pause':
    case 'end':
    case 'resume': {
      const schema = intent === 'pause' ? pauseSchema : intent === 'end' ? endSchema : resumeSchema;
      const submission = parseWithZod(formData, { schema });
      if (submission.status !== 'success') return invalid(intent, submission.reply());
      try {
        await changeVolunteer(ctx, volunteerId, submission.value);
      } catch (error) {
        if (!(error instanceof TransitionNotAllowedError)) throw error;
        return redirectWithFlash(`/volunteers/${volunteerId}`, { kind: 'error', key: 'volunteers.transitionNotAllowed' });
      }
      return back(intent === 'pause' ? 'volunteers.paused' : intent === 'end' ? 'volunteers.ended' : 'volunteers.resumed');
    }
    case 'clearance': {
      const submission = parseWithZod(formData, { schema: clearanceSchema });
      const clearanceId = formText(formData, 'clearanceId');
      const replyIntent = clearanceId ? `clearance-${clearanceId}` : 'clearance';
      if (submission.status !== 'success') return invalid(replyIntent, submission.reply());
      const { clearedOn, expiresOn, ...rest } = submission.value;
      await recordClearance(request, actor, volunteerId, { ...rest, clearedOn: clearedOn ?? null, expiresOn: expiresOn ?? null });
      return back('volunteers.clearanceSaved');
    }
    case 'invite': {
      const submission = parseWithZod(formData, { schema: inviteSchema });
      if (submission.status !== 'success') return invalid(intent, submission.reply());
      try {
        await inviteVolunteer(ctx, volunteer, submission.value.language);
      } catch (error) {
        if (error instanceof NotInvitableError)
          return invalid(intent, submission.reply({ formErrors: [errorMessage('volunteers.inviteOnlyReady')] }));
        if (!(error instanceof EmailAlreadyUsedError)) throw error;
        return invalid(intent, submission.reply({ formErrors: [errorMessage('volunteers.inviteEmailTaken')] }));
      }
      notifyOutbox();
      return back('volunteers.invited', { email: volunteer.email });
    }
    default:
      throw new Response('Bad Request', { status: 400 });
  }
}

export default function VolunteerPage() {
  const data = useLoaderData<typeof loader>();
  const { volunteer, today } = data;
  const active = volunteer.status !== 'LEFT';
  return (
    <>
      <VolunteerHeader data={data} />
      <ReadinessSection data={data} />
      <ProfileSection volunteer={volunteer} />
      <InterviewSection interviews={data.interviews} active={active} today={today} />
      <ReferencesSection references={data.references} active={active} today={today} />
      <CertificateSection certificates={data.certificates} active={active} today={today} />
      <ClearanceSection clearances={data.clearances} prisons={data.prisons} active={active} today={today} />
      <TrainingSection courses={data.courses} />
      <ManageSection volunteer={volunteer} active={active} />
      <LoginSection volunteer={volunteer} />
    </>
  );
}

export const meta = pageTitle('title.volunteer');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
