import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { formText, parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormErrors, SelectField, TextField } from '~/components/forms';
import { useLanguage, useT } from '~/components/use-translation';
import { sessionOpen, trainingSessionSchema } from '~/domain/volunteers/training';
import { changeCourse, courseToChange, loadCourse, SessionNotStartedError } from '~/domain/volunteers/training.server';
import { requireUser } from '~/lib/auth.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { notFound } from '~/lib/permissions.server';
import { formatDateTime, todayInOslo } from '~/lib/time';
import { currentTime } from '~/lib/clock';
import { pageTitle } from '~/lib/page-title';

const enrolSchema = z.object({
  intent: z.literal('enrol'),
  volunteerId: z.string({ error: errorMessage('form.required') }).min(1),
});

const attendanceSchema = z.object({
  intent: z.literal('attendance'),
  sessionId: z.string().min(1),
  present: z.array(z.string()).default([]),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { capability: 'training:manage' });
  const found = await loadCourse(params.id ?? '');
  if (!found) notFound();
  const { course, enrolled, candidates } = found;
  const today = todayInOslo();
  return json({
    today,
    course: {
      id: course.id,
      title: course.title,
      place: course.place,
      coLeaders: course.coLeaders,
      requiredHours: course.requiredHours,
      description: course.description,
    },
    sessions: course.sessions.map((s) => ({
      id: s.id,
      startsAt: s.startsAt,
      hours: s.hours,
      topic: s.topic,
      open: sessionOpen(s.startsAt, today),
      present: s.attendance.filter((a) => a.present).map((a) => a.volunteerId),
    })),
    enrolled,
    candidates: candidates.map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}` })),
  });
}

type Reply = { intent: string; result: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUser(request, { capability: 'training:manage' });
  const course = await courseToChange(params.id ?? '');
  const formData = await request.formData();
  const intent = formText(formData, 'intent');
  const ctx = { actorId: actor.id, request, now: currentTime() };
  const here = `/training/${course.id}`;
  if (intent === 'session') {
    const submission = parseWithZod(formData, { schema: trainingSessionSchema });
    if (submission.status !== 'success') return json<Reply>({ intent, result: submission.reply() }, { status: 400 });
    await changeCourse(ctx, course.id, submission.value);
    return redirectWithFlash(here, { kind: 'success', key: 'training.sessionAdded' });
  }
  if (intent === 'enrol') {
    const submission = parseWithZod(formData, { schema: enrolSchema });
    if (submission.status !== 'success') return json<Reply>({ intent, result: submission.reply() }, { status: 400 });
    const enrolled = await changeCourse(ctx, course.id, submission.value);
    if (!enrolled) notFound();
    return redirectWithFlash(here, { kind: 'success', key: 'training.enrolledFlash' });
  }
  if (intent === 'attendance') {
    const submission = parseWithZod(formData, { schema: attendanceSchema });
    if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 });
    try {
      const found = await changeCourse(ctx, course.id, {
        intent: 'attendance',
        sessionId: submission.value.sessionId,
        presentVolunteerIds: submission.value.present,
      });
      if (!found) notFound();
    } catch (error) {
      if (!(error instanceof SessionNotStartedError)) throw error;
      return redirectWithFlash(here, { kind: 'error', key: 'training.sessionNotStarted' });
    }
    return redirectWithFlash(here, { kind: 'success', key: 'training.attendanceSaved' });
  }
  throw new Response('Bad Request', { status: 400 });
}

export default function Course() {
  const { course, sessions, enrolled, candidates, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const language = useLanguage();
  const [sessionForm, sessionFields] = useForm<z.input<typeof trainingSessionSchema>>({
    id: 'new-session',
    lastResult: actionData?.intent === 'session' ? actionData.result : undefined,
    defaultValue: { date: today, time: '17:00', hours: '3' },
    shouldValidate: 'onSubmit',
  });
  const [enrolForm, enrolFields] = useForm<z.input<typeof enrolSchema>>({
    id: 'enrol',
    lastResult: actionData?.intent === 'enrol' ? actionData.result : undefined,
    shouldValidate: 'onSubmit',
  });
  return (
    <>
      <p>
        <Link to="/training">{t('training.back')}</Link>
      </p>
      <h1>{course.title}</h1>
      <p className="muted">
        {course.place}
        {course.coLeaders ? ` · ${course.coLeaders}` : ''}
      </p>
      <p>
        {t('training.requiredHours')}: {course.requiredHours}
      </p>
      {course.description ? <p className="prewrap">{course.description}</p> : null}

      <h2 id="enrolled-title">{t('training.enrolled')}</h2>
      {enrolled.length === 0 ? <p>{t('training.noEnrolled')}</p> : null}
      <ul>
        {enrolled.map((e) => (
          <li key={e.volunteerId}>
            <Link to={`/volunteers/${e.volunteerId}`}>
              {t('training.enrolledLine', { name: e.name, hours: e.hours, required: course.requiredHours })}
            </Link>{' '}
            {e.completed ? <span className="badge badge--green">{t('training.completedBadge')}</span> : null}
          </li>
        ))}
      </ul>
      {candidates.length > 0 ? (
        <Form method="post" className="form inline-row" {...getFormProps(enrolForm)}>
          <FormErrors id={enrolForm.errorId} errors={enrolForm.errors} />
          <input type="hidden" name="intent" value="enrol" />
          <SelectField
            meta={enrolFields.volunteerId}
            label={t('training.enrolVolunteer')}
            options={candidates.map((c) => ({ value: c.id, label: c.name }))}
          />
          <div className="actions">
            <button type="submit" className="primary">
              {t('training.enrol')}
            </button>
          </div>
        </Form>
      ) : null}

      <h2>{t('training.sessions')}</h2>
      {sessions.length === 0 ? <p>{t('training.noSessions')}</p> : null}
      {sessions.map((s) => {
        const when = formatDateTime(new Date(s.startsAt), language);
        return (
          <section key={s.id} className="card session" aria-labelledby={`session-${s.id}`}>
            <h3 id={`session-${s.id}`}>{t('training.sessionLine', { when, hours: s.hours })}</h3>
            {s.topic ? <p>{s.topic}</p> : null}
            {enrolled.length === 0 ? null : s.open ? (
              <Form method="post">
                <input type="hidden" name="intent" value="attendance" />
                <input type="hidden" name="sessionId" value={s.id} />
                <fieldset>
                  <legend>{t('training.attendanceFor', { when })}</legend>
                  {enrolled.map((e) => (
                    <div className="checkbox" key={e.volunteerId}>
                      <input
                        type="checkbox"
                        id={`present-${s.id}-${e.volunteerId}`}
                        name="present"
                        value={e.volunteerId}
                        defaultChecked={s.present.includes(e.volunteerId)}
                      />
                      <label htmlFor={`present-${s.id}-${e.volunteerId}`}>{e.name}</label>
                    </div>
                  ))}
                </fieldset>
                <div className="actions">
                  <button type="submit" className="secondary" aria-label={`${t('training.attendanceSave')}: ${when}`}>
                    {t('training.attendanceSave')}
                  </button>
                </div>
              </Form>
            ) : (
              <p className="muted">{t('training.sessionNotStarted')}</p>
            )}
          </section>
        );
      })}

      <h2 id="session-form-heading">{t('training.addSession')}</h2>
      <Form method="post" className="form" aria-labelledby="session-form-heading" {...getFormProps(sessionForm)}>
        <input type="hidden" name="intent" value="session" />
        <TextField meta={sessionFields.date} label={t('training.sessionDate')} type="date" />
        <TextField meta={sessionFields.time} label={t('training.sessionTime')} type="time" />
        <TextField meta={sessionFields.hours} label={t('training.sessionHours')} type="number" min={0.5} max={40} step={0.5} />
        <TextField meta={sessionFields.topic} label={t('training.sessionTopic')} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('training.sessionSave')}
          </button>
        </div>
      </Form>
    </>
  );
}

export const meta = pageTitle('title.course');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
