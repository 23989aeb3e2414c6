import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { formText, parseWithZod } from '~/lib/form-submission';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormErrors, SelectField, TextareaField, TextField } from '~/components/forms';
import { useLanguage, useT } from '~/components/use-translation';
import { createInvitation, EmailAlreadyUsedError } from '~/domain/users/invitations.server';
import { certificateProblem, courseCompleted, READINESS_STEPS, requiredTrainingHours } from '~/domain/volunteers/readiness';
import { INTERVIEW_OUTCOMES, REFERENCE_OUTCOMES, volunteerStatusSchema } from '~/domain/volunteers/status';
import {
  addReference,
  endVolunteer,
  loadVolunteer,
  pauseVolunteer,
  recordCertificate,
  recordInterview,
  resumeVolunteer,
  setCapacity,
  setReferenceOutcome,
  TransitionNotAllowedError,
  type ChangeContext,
} from '~/domain/volunteers/volunteers.server';
import { audit } from '~/lib/audit.server';
import { requireUser } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { notifyOutbox } from '~/lib/email.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { LANGUAGES } from '~/lib/i18n';
import { notFound } from '~/lib/permissions.server';
import { ageOn, formatDate, isIsoDate, todayInOslo } from '~/lib/time';
import { isoDateField, optionalText, requiredText } from '~/lib/validation';
import { currentTime } from '~/lib/clock';
import { pageTitle } from '~/lib/page-title';

const optionalDate = z
  .string()
  .optional()
  .refine((value) => value === undefined || isoDateField.safeParse(value).success, { error: errorMessage('form.invalidDate') });

const interviewSchema = z.object({
  intent: z.literal('interview'),
  heldOn: isoDateField,
  outcome: z.enum(INTERVIEW_OUTCOMES),
  note: optionalText(2000),
});

const referenceSchema = z.object({
  intent: z.literal('reference'),
  name: requiredText(120),
  relation: requiredText(120),
  phone: optionalText(40),
  contactedOn: optionalDate,
  outcome: z.enum(REFERENCE_OUTCOMES),
  note: optionalText(2000),
});

const referenceOutcomeSchema = z.object({
  intent: z.literal('reference-outcome'),
  referenceId: z.string().min(1),
  outcome: z.enum(REFERENCE_OUTCOMES),
});

function certificateSchema(today: string) {
  return z
    .object({ intent: z.literal('certificate'), issueDate: isoDateField, shownDate: isoDateField })
    .superRefine((value, ctx) => {
      // Field checks do not stop this object check; an invalid date already has its message.
      if (!isIsoDate(value.issueDate) || !isIsoDate(value.shownDate)) return;
      const problem = certificateProblem({ ...value, today });
      if (problem === 'tooOld') {
        ctx.addIssue({
          code: 'custom',
          path: ['issueDate'],
          message: errorMessage('volunteers.certificateTooOld', { issued: value.issueDate, shown: value.shownDate }),
        });
      } else if (problem === 'shownInFuture') {
        ctx.addIssue({ code: 'custom', path: ['shownDate'], message: errorMessage('volunteers.certificateShownInFuture') });
      } else if (problem === 'issuedAfterShown') {
        ctx.addIssue({ code: 'custom', path: ['issueDate'], message: errorMessage('volunteers.certificateIssuedAfterShown') });
      }
    });
}

const capacitySchema = z.object({
  intent: z.literal('capacity'),
  capacity: z.number({ error: errorMessage('form.required') }).int().min(0).max(5),
});
const pauseSchema = z.object({ intent: z.literal('pause'), reason: requiredText(500) });
const endSchema = z.object({ intent: z.literal('end'), reason: requiredText(500) });
const inviteSchema = z.object({ intent: z.literal('invite'), language: z.enum(LANGUAGES as ['nb', 'en']) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { capability: 'volunteers:manage' });
  const found = await loadVolunteer(db, params.id ?? '');
  if (!found) notFound();
  const { volunteer: v, evaluation, days, minHours } = found;
  const today = todayInOslo();
  return json({
    today,
    trainingHours: requiredTrainingHours(v.enrolments.map((e) => e.course), minHours),
    days,
    stage: evaluation.stage,
    readiness: { ready: evaluation.readiness.ready, done: evaluation.readiness.done },
    volunteer: {
      id: v.id,
      name: `${v.firstName} ${v.lastName}`,
      email: v.email,
      phone: v.phone,
      age: ageOn(v.dateOfBirth, today),
      municipality: v.municipality,
      interests: v.interests as string[],
      languages: v.languages as string[],
      availability: v.availability as string[],
      motivation: v.motivation,
      experience: v.experience,
      appliedAt: v.createdAt,
      status: volunteerStatusSchema.parse(v.status),
      capacity: v.capacity,
      pauseReason: v.pauseReason,
      leftReason: v.leftReason,
      account: v.user,
      openInvitation: v.invitations[0] ?? null,
    },
    interviews: v.interviews.map((i) => ({ id: i.id, heldOn: i.heldOn, outcome: i.outcome, note: i.note, by: i.interviewer?.name ?? null })),
    references: v.references.map((r) => ({ id: r.id, name: r.name, relation: r.relation, phone: r.phone, contactedOn: r.contactedOn, outcome: r.outcome, note: r.note })),
    certificates: v.certificates.map((c) => ({ id: c.id, issueDate: c.issueDate, shownDate: c.shownDate, seenBy: c.seenBy.name })),
    courses: v.enrolments.map((e) => {
      const hours = evaluation.courseHours.get(e.courseId) ?? 0;
      return { id: e.course.id, title: e.course.title, requiredHours: e.course.requiredHours, hours, completed: courseCompleted({ requiredHours: e.course.requiredHours, attendedHours: hours }) };
    }),
  });
}

type Reply = { intent: string; result: SubmissionResult<string[]> };

function invalid(intent: string, result: SubmissionResult<string[]>) {
  return json<Reply>({ intent, result }, { status: 400 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUser(request, { capability: 'volunteers:manage' });
  const volunteer = await db.volunteerProfile.findFirst({ where: { id: params.id ?? '', anonymisedAt: null } });
  if (!volunteer) notFound();
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
      await db.$transaction((tx) => recordInterview(tx, ctx, { volunteerId, ...submission.value }));
      return back('volunteers.interviewSaved');
    }
    case 'reference': {
      const submission = parseWithZod(formData, { schema: referenceSchema });
      if (submission.status !== 'success') return invalid(intent, submission.reply());
      await db.$transaction((tx) => addReference(tx, ctx, { volunteerId, ...submission.value }));
      return back('volunteers.referenceSaved');
    }
    case 'reference-outcome': {
      const parsed = referenceOutcomeSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) throw new Response('Bad Request', { status: 400 });
      const updated = await db.$transaction((tx) => setReferenceOutcome(tx, ctx, { volunteerId, ...parsed.data }));
      if (!updated) notFound();
      return back('volunteers.referenceSaved');
    }
    case 'certificate': {
      const submission = parseWithZod(formData, { schema: certificateSchema(todayInOslo(ctx.now)) });
      if (submission.status !== 'success') return invalid(intent, submission.reply());
      await db.$transaction((tx) => recordCertificate(tx, ctx, { volunteerId, ...submission.value }));
      return back('volunteers.certificateSaved');
    }
    case 'capacity': {
      const submission = parseWithZod(formData, { schema: capacitySchema });
      if (submission.status !== 'success') return invalid(intent, submission.reply());
      await db.$transaction((tx) => setCapacity(tx, ctx, { volunteerId, capacity: submission.value.capacity }));
      return back('volunteers.capacitySaved');
    }
    case 'pause':
    case 'end':
    case 'resume': {
      const schema = intent === 'pause' ? pauseSchema : intent === 'end' ? endSchema : z.object({ intent: z.literal('resume') });
      const submission = parseWithZod(formData, { schema });
      if (submission.status !== 'success') return invalid(intent, submission.reply());
      const reason = 'reason' in submission.value ? String(submission.value.reason) : '';
      try {
        await db.$transaction((tx) =>
          intent === 'pause'
            ? pauseVolunteer(tx, ctx, { volunteerId, reason })
            : intent === 'end'
              ? endVolunteer(tx, ctx, { volunteerId, reason })
              : resumeVolunteer(tx, ctx, { volunteerId }),
        );
      } catch (error) {
        if (!(error instanceof TransitionNotAllowedError)) throw error;
        return redirectWithFlash(`/volunteers/${volunteerId}`, { kind: 'error', key: 'volunteers.transitionNotAllowed' });
      }
      return back(intent === 'pause' ? 'volunteers.paused' : intent === 'end' ? 'volunteers.ended' : 'volunteers.resumed');
    }
    case 'invite': {
      const submission = parseWithZod(formData, { schema: inviteSchema });
      if (submission.status !== 'success') return invalid(intent, submission.reply());
      if (volunteer.status !== 'READY' || volunteer.userId) {
        return invalid(intent, submission.reply({ formErrors: [errorMessage('volunteers.inviteOnlyReady')] }));
      }
      try {
        await db.$transaction(async (tx) => {
          const invitation = await createInvitation(tx, {
            email: volunteer.email,
            role: 'VOLUNTEER',
            language: submission.value.language,
            invitedById: actor.id,
            volunteerId,
          });
          await audit(tx, request, { actorId: actor.id, action: 'CREATE', entityType: 'INVITATION', entityId: invitation.id, detail: { volunteerId } });
        });
      } catch (error) {
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

function useSectionForm<Schema extends z.ZodTypeAny>(intent: string, schema: Schema, defaultValue?: Record<string, string>) {
  const actionData = useActionData<typeof action>();
  return useForm({
    id: `volunteer-${intent}`,
    lastResult: actionData && 'intent' in actionData && actionData.intent === intent ? actionData.result : undefined,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onSubmit',
  });
}

export default function VolunteerPage() {
  const data = useLoaderData<typeof loader>();
  const { volunteer, readiness, today } = data;
  const t = useT();
  const language = useLanguage();
  const [interviewForm, interviewFields] = useSectionForm('interview', interviewSchema, { heldOn: today, outcome: 'APPROVED' });
  const [referenceForm, referenceFields] = useSectionForm('reference', referenceSchema, { outcome: 'POSITIVE', contactedOn: today });
  const [certificateForm, certificateFields] = useSectionForm('certificate', certificateSchema(today), { shownDate: today });
  const [capacityForm, capacityFields] = useSectionForm('capacity', capacitySchema, { capacity: String(volunteer.capacity) });
  const [pauseForm, pauseFields] = useSectionForm('pause', pauseSchema);
  const [endForm, endFields] = useSectionForm('end', endSchema);
  const [inviteForm, inviteFields] = useSectionForm('invite', inviteSchema, { language });
  const active = volunteer.status !== 'LEFT';

  return (
    <>
      <p>
        <Link to="/volunteers">{t('volunteers.back')}</Link>
      </p>
      <h1>{volunteer.name}</h1>
      <p>
        <span className="badge">{t(`volunteers.status.${volunteer.status}`)}</span>{' '}
        <span className="muted">
          {/* The stage only when it says more than the status ("Søkt", not "Søkt Søkt"). */}
          {t(`volunteers.stage.${data.stage}`) === t(`volunteers.status.${volunteer.status}`) ? null : `${t(`volunteers.stage.${data.stage}`)} · `}
          {t('volunteers.daysInStage', { days: data.days })}
        </span>
      </p>
      {volunteer.pauseReason && volunteer.status === 'PAUSED' ? <p>{t('volunteers.pausedBecause', { reason: volunteer.pauseReason })}</p> : null}
      {volunteer.leftReason && volunteer.status === 'LEFT' ? <p>{t('volunteers.leftBecause', { reason: volunteer.leftReason })}</p> : null}

      <section aria-labelledby="readiness-title" className="card">
        <h2 id="readiness-title">{t('volunteers.readiness')}</h2>
        <p>{readiness.ready ? t('volunteers.readinessReady') : t('volunteers.readinessMissing')}</p>
        <ul className="checklist">
          {READINESS_STEPS.map((step) => (
            <li key={step}>
              <span className={`badge ${readiness.done[step] ? 'badge--green' : 'badge--amber'}`}>
                {readiness.done[step] ? t('volunteers.stepDone') : t('volunteers.stepMissing')}
              </span>{' '}
              {step === 'training' && data.trainingHours === null
                ? t('figures.training.stepNoCourse')
                : t(`volunteers.step.${step}`, { hours: data.trainingHours ?? 0 })}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t('volunteers.profile')}</h2>
        <dl className="facts">
          <dt>{t('volunteers.email')}</dt>
          <dd>{volunteer.email}</dd>
          <dt>{t('volunteers.phone')}</dt>
          <dd>{volunteer.phone ?? '–'}</dd>
          <dt>{t('volunteers.ageLabel')}</dt>
          <dd>{t('volunteers.age', { age: volunteer.age })}</dd>
          <dt>{t('volunteers.municipality')}</dt>
          <dd>{volunteer.municipality}</dd>
          <dt>{t('volunteers.interests')}</dt>
          <dd>{volunteer.interests.join(', ') || '–'}</dd>
          <dt>{t('volunteers.languages')}</dt>
          <dd>{volunteer.languages.join(', ') || '–'}</dd>
          <dt>{t('volunteers.availability')}</dt>
          <dd>{volunteer.availability.map((a) => t(`volunteers.availability.${a as 'EVENINGS'}`)).join(', ') || '–'}</dd>
          <dt>{t('volunteers.motivation')}</dt>
          <dd className="prewrap">{volunteer.motivation ?? '–'}</dd>
          <dt>{t('volunteers.experience')}</dt>
          <dd className="prewrap">{volunteer.experience ?? '–'}</dd>
          <dt>{t('volunteers.applied')}</dt>
          <dd>{formatDate(new Date(volunteer.appliedAt), language)}</dd>
        </dl>
      </section>

      <section aria-labelledby="interview-title">
        <h2 id="interview-title">{t('volunteers.interview')}</h2>
        <ul>
          {data.interviews.map((i) => (
            <li key={i.id}>
              {formatDate(i.heldOn, language)}: {t(`volunteers.interviewOutcome.${i.outcome as 'APPROVED'}`)}
              {i.by ? ` – ${t('volunteers.interviewBy', { name: i.by })}` : ''}
              {i.note ? <p className="prewrap muted">{i.note}</p> : null}
            </li>
          ))}
        </ul>
        {active ? (
          <Form method="post" className="form" {...getFormProps(interviewForm)}>
            <input type="hidden" name="intent" value="interview" />
            <TextField meta={interviewFields.heldOn} label={t('volunteers.interviewHeldOn')} type="date" />
            <SelectField
              meta={interviewFields.outcome}
              label={t('volunteers.interviewOutcome')}
              options={INTERVIEW_OUTCOMES.map((o) => ({ value: o, label: t(`volunteers.interviewOutcome.${o}`) }))}
            />
            <TextareaField meta={interviewFields.note} label={t('volunteers.interviewNote')} rows={3} />
            <div className="actions">
              <button type="submit" className="primary">{t('volunteers.interviewSave')}</button>
            </div>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="references-title">
        <h2 id="references-title">{t('volunteers.references')}</h2>
        <ul className="stack">
          {data.references.map((r) => (
            <li key={r.id}>
              <strong>{r.name}</strong> ({r.relation}){r.phone ? `, ${r.phone}` : ''}
              {r.contactedOn ? ` – ${formatDate(r.contactedOn, language)}` : ''}
              {r.note ? <p className="prewrap muted">{r.note}</p> : null}
              <Form method="post" className="inline-row">
                <input type="hidden" name="intent" value="reference-outcome" />
                <input type="hidden" name="referenceId" value={r.id} />
                <label htmlFor={`outcome-${r.id}`} className="visually-hidden">
                  {t('volunteers.referenceOutcomeFor', { name: r.name })}
                </label>
                <select id={`outcome-${r.id}`} name="outcome" defaultValue={r.outcome} disabled={!active}>
                  {REFERENCE_OUTCOMES.map((o) => (
                    <option key={o} value={o}>{t(`volunteers.referenceOutcome.${o}`)}</option>
                  ))}
                </select>
                {active ? (
                  <button type="submit" className="secondary" aria-label={`${t('volunteers.referenceUpdate')}: ${r.name}`}>
                    {t('volunteers.referenceUpdate')}
                  </button>
                ) : null}
              </Form>
            </li>
          ))}
        </ul>
        {active ? (
          <Form method="post" className="form" {...getFormProps(referenceForm)}>
            <input type="hidden" name="intent" value="reference" />
            <TextField meta={referenceFields.name} label={t('volunteers.referenceName')} autoComplete="off" />
            <TextField meta={referenceFields.relation} label={t('volunteers.referenceRelation')} />
            <TextField meta={referenceFields.phone} label={t('volunteers.referencePhone')} type="tel" autoComplete="off" />
            <TextField meta={referenceFields.contactedOn} label={t('volunteers.referenceContactedOn')} type="date" />
            <SelectField
              meta={referenceFields.outcome}
              label={t('volunteers.referenceOutcome')}
              options={REFERENCE_OUTCOMES.map((o) => ({ value: o, label: t(`volunteers.referenceOutcome.${o}`) }))}
            />
            <TextareaField meta={referenceFields.note} label={t('volunteers.referenceNote')} rows={3} />
            <div className="actions">
              <button type="submit" className="primary">{t('volunteers.referenceAdd')}</button>
            </div>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="certificate-title">
        <h2 id="certificate-title">{t('volunteers.certificate')}</h2>
        <p className="muted">{t('volunteers.certificateIntro')}</p>
        <ul>
          {data.certificates.map((c) => (
            <li key={c.id}>
              {t('volunteers.certificateSeen', { issued: formatDate(c.issueDate, language), shown: formatDate(c.shownDate, language), name: c.seenBy })}
            </li>
          ))}
        </ul>
        {active ? (
          <Form method="post" className="form" {...getFormProps(certificateForm)}>
            <input type="hidden" name="intent" value="certificate" />
            <TextField meta={certificateFields.issueDate} label={t('volunteers.certificateIssueDate')} type="date" max={today} />
            <TextField meta={certificateFields.shownDate} label={t('volunteers.certificateShownDate')} type="date" max={today} />
            <div className="actions">
              <button type="submit" className="primary">{t('volunteers.certificateSave')}</button>
            </div>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="training-title">
        <h2 id="training-title">{t('volunteers.training')}</h2>
        {data.courses.length === 0 ? (
          <p>
            {t('volunteers.notEnrolled')} <Link to="/training">{t('training.title')}</Link>
          </p>
        ) : (
          <ul>
            {data.courses.map((c) => (
              <li key={c.id}>
                <Link to={`/training/${c.id}`}>{t('volunteers.trainingHours', { course: c.title, hours: c.hours, required: c.requiredHours })}</Link>
                {c.completed ? ' ' : null}
                {c.completed ? <span className="badge badge--green">{t('volunteers.trainingCompleted')}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="manage-title">
        <h2 id="manage-title">{t('volunteers.manage')}</h2>
        {active ? (
          <>
            <Form method="post" className="form" {...getFormProps(capacityForm)}>
              <input type="hidden" name="intent" value="capacity" />
              <TextField meta={capacityFields.capacity} label={t('volunteers.capacity')} type="number" min={0} max={5} step={1} />
              <div className="actions">
                <button type="submit" className="secondary">{t('volunteers.capacitySave')}</button>
              </div>
            </Form>
            {volunteer.status === 'PAUSED' ? (
              <Form method="post" className="form">
                <input type="hidden" name="intent" value="resume" />
                <div className="actions">
                  <button type="submit" className="secondary">{t('volunteers.resume')}</button>
                </div>
              </Form>
            ) : (
              <Form method="post" className="form" {...getFormProps(pauseForm)}>
                <input type="hidden" name="intent" value="pause" />
                <TextField meta={pauseFields.reason} label={t('volunteers.pauseReason')} />
                <div className="actions">
                  <button type="submit" className="secondary">{t('volunteers.pause')}</button>
                </div>
              </Form>
            )}
            <Form method="post" className="form" {...getFormProps(endForm)}>
              <input type="hidden" name="intent" value="end" />
              <TextField meta={endFields.reason} label={t('volunteers.leftReason')} />
              <div className="actions">
                <button type="submit" className="secondary">{t('volunteers.end')}</button>
              </div>
            </Form>
          </>
        ) : null}
      </section>

      <section aria-labelledby="login-title">
        <h2 id="login-title">{t('volunteers.login')}</h2>
        {volunteer.account ? (
          <p>{t('volunteers.hasLogin', { email: volunteer.account.email })}</p>
        ) : volunteer.openInvitation ? (
          <p>{t('volunteers.invitePending', { date: formatDate(new Date(volunteer.openInvitation.expiresAt), language) })}</p>
        ) : volunteer.status !== 'READY' ? (
          <p>{t('volunteers.inviteOnlyReady')}</p>
        ) : (
          <Form method="post" className="form" {...getFormProps(inviteForm)}>
            <FormErrors id={inviteForm.errorId} errors={inviteForm.errors} />
            <input type="hidden" name="intent" value="invite" />
            <SelectField
              meta={inviteFields.language}
              label={t('users.language')}
              options={LANGUAGES.map((lang) => ({ value: lang, label: t(`language.${lang}`) }))}
            />
            <div className="actions">
              <button type="submit" className="primary">{t('volunteers.invite')}</button>
            </div>
          </Form>
        )}
      </section>
    </>
  );
}

export const meta = pageTitle('title.volunteer');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
