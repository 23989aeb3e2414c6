import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { TextareaField, TextField } from '~/components/forms';
import { useLanguage, useT } from '~/components/use-translation';
import { hoursField } from '~/domain/volunteers/training';
import { createCourse, listCourses } from '~/domain/volunteers/training.server';
import { requireUser } from '~/lib/auth.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { formatDate } from '~/lib/time';
import { optionalText, requiredText } from '~/lib/validation';
import { currentTime } from '~/lib/clock';
import { pageTitle } from '~/lib/page-title';

const courseSchema = z.object({
  title: requiredText(150),
  place: requiredText(150),
  coLeaders: optionalText(300),
  requiredHours: hoursField,
  description: optionalText(2000),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { capability: 'training:manage' });
  return json({ courses: await listCourses() });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUser(request, { capability: 'training:manage' });
  const submission = parseWithZod(await request.formData(), { schema: courseSchema });
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 });
  const course = await createCourse({ actorId: actor.id, request, now: currentTime() }, submission.value);
  return redirectWithFlash(`/training/${course.id}`, { kind: 'success', key: 'training.courseCreated' });
}

export default function Training() {
  const { courses } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const language = useLanguage();
  const [form, fields] = useForm<z.input<typeof courseSchema>>({
    id: 'new-course',
    lastResult: actionData?.result,
    defaultValue: { requiredHours: '2' },
    shouldValidate: 'onSubmit',
  });
  return (
    <>
      <h1>{t('training.title')}</h1>
      <p>{t('training.intro')}</p>
      <h2>{t('training.courses')}</h2>
      {courses.length === 0 ? <p>{t('training.noCourses')}</p> : null}
      <ul className="cards">
        {courses.map((course) => (
          <li key={course.id} className="card">
            <h3>
              <Link to={`/training/${course.id}`}>{course.title}</Link>
            </h3>
            {course.firstDate && course.lastDate ? (
              <p>{t('training.dates', { from: formatDate(course.firstDate, language), to: formatDate(course.lastDate, language) })}</p>
            ) : null}
            <p className="muted">
              {course.place}
              {course.coLeaders ? ` · ${course.coLeaders}` : ''}
            </p>
            <p>
              {t('training.courseSummary', { sessions: course.sessionCount, hours: course.totalHours, required: course.requiredHours })}
            </p>
            <p>{t('training.enrolledCount', { enrolled: course.enrolled, completed: course.completed })}</p>
          </li>
        ))}
      </ul>

      <h2 id="course-form-heading">{t('training.newCourse')}</h2>
      <Form method="post" className="form" aria-labelledby="course-form-heading" {...getFormProps(form)}>
        <TextField meta={fields.title} label={t('training.courseTitle')} />
        <TextField meta={fields.place} label={t('training.place')} />
        <TextField meta={fields.coLeaders} label={t('training.coLeaders')} />
        <TextField meta={fields.requiredHours} label={t('training.requiredHours')} type="number" min={0.5} max={40} step={0.5} />
        <TextareaField meta={fields.description} label={t('training.description')} rows={3} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('training.createCourse')}
          </button>
        </div>
      </Form>
    </>
  );
}

export const meta = pageTitle('title.training');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
