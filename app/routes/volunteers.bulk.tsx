import crypto from 'node:crypto';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { BulkConfirmation, BulkSelectForm, useBulkForm } from '~/components/bulk-selection';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { SelectField, TextareaField, TextField } from '~/components/forms';
import { useT } from '~/components/use-translation';
import { BULK_LIMIT, selectedIdsField } from '~/domain/volunteers/bulk';
import { bulkEnrol, bulkMessage, selectableVolunteers, selectedVolunteers } from '~/domain/volunteers/bulk.server';
import { VOLUNTEER_STATUSES } from '~/domain/volunteers/status';
import { listCourses } from '~/domain/volunteers/training.server';
import { exportVolunteers } from '~/domain/reports/selection-export.server';
import { requireUser } from '~/lib/auth.server';
import { csvDownload } from '~/lib/csv-download';
import { currentTime } from '~/lib/clock';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { parseWithZod } from '~/lib/form-submission.server';
import type { MessageKey } from '~/lib/i18n';
import { pageTitle } from '~/lib/page-title';
import { notFound } from '~/lib/permissions.server';
import { optionalText } from '~/lib/validation';

const BULK_ACTIONS = ['enrol', 'message', 'export'] as const;

const bulkSchema = z
  .object({
    intent: z.enum(['review', 'confirm']),
    bulkAction: z.enum(BULK_ACTIONS, { error: errorMessage('form.required') }),
    ids: selectedIdsField,
    courseId: z.string().optional(),
    subject: optionalText(150),
    body: optionalText(5000),
    token: z.string().max(100).optional(),
  })
  .superRefine((value, ctx) => {
    const required = (path: string) => ctx.addIssue({ code: 'custom', path: [path], message: errorMessage('form.required') });
    if (value.bulkAction === 'enrol' && !value.courseId) required('courseId');
    if (value.bulkAction === 'message' && !value.subject) required('subject');
    if (value.bulkAction === 'message' && !value.body) required('body');
  });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { capability: 'volunteers:bulk' });
  const requested = new URL(request.url).searchParams.get('status') ?? '';
  const status = (VOLUNTEER_STATUSES as readonly string[]).includes(requested) ? requested : '';
  const [volunteers, courses] = await Promise.all([selectableVolunteers(status || undefined), listCourses()]);
  return json({
    status,
    volunteers,
    courses: courses.map((course) => ({ id: course.id, title: course.title })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'volunteers:bulk' });
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: bulkSchema });
  if (submission.status !== 'success') return json({ step: 'select' as const, result: submission.reply() }, { status: 400 });
  const value = submission.value;
  const ctx = { actorId: user.id, request, now: currentTime() };
  if (value.intent === 'review') {
    const volunteers = await selectedVolunteers(value.ids);
    if (volunteers.length === 0) notFound();
    const courseTitle =
      value.bulkAction === 'enrol' ? (await listCourses()).find((course) => course.id === value.courseId)?.title : undefined;
    if (value.bulkAction === 'enrol' && !courseTitle) notFound();
    return json({
      step: 'confirm' as const,
      bulkAction: value.bulkAction,
      ids: volunteers.map((volunteer) => volunteer.id),
      names: volunteers.map((volunteer) => volunteer.name),
      courseId: value.courseId ?? '',
      courseTitle: courseTitle ?? '',
      subject: value.subject ?? '',
      body: value.body ?? '',
      token: crypto.randomUUID(),
    });
  }
  if (value.bulkAction === 'enrol') {
    const count = await bulkEnrol(ctx, value.courseId!, value.ids);
    if (count === null) notFound();
    return redirectWithFlash('/volunteers/bulk', { kind: 'success', key: 'bulk.enrolledFlash', params: { count } });
  }
  if (value.bulkAction === 'message') {
    if (!value.token) throw new Response('Bad Request', { status: 400 });
    const { immediate, digest } = await bulkMessage(ctx, { subject: value.subject!, body: value.body!, token: value.token }, value.ids);
    return redirectWithFlash('/volunteers/bulk', { kind: 'success', key: 'bulk.messagedFlash', params: { immediate, digest } });
  }
  const csv = await exportVolunteers(ctx, value.ids, user.language === 'en' ? 'en' : 'nb');
  return csvDownload(csv, 'brobygger-frivillige.csv');
}

interface Confirm {
  bulkAction: (typeof BULK_ACTIONS)[number];
  courseId: string;
  courseTitle: string;
  subject: string;
  body: string;
  token: string;
}

export default function VolunteersBulk() {
  const { status, volunteers, courses } = useLoaderData<typeof loader>();
  const { actionData, form, fields } = useBulkForm<z.input<typeof bulkSchema>, Confirm>('volunteers-bulk');
  const t = useT();
  if (actionData?.step === 'confirm') {
    const count = actionData.ids.length;
    const heading =
      actionData.bulkAction === 'enrol'
        ? t('bulk.confirmEnrol', { count, course: actionData.courseTitle })
        : actionData.bulkAction === 'message'
          ? t('bulk.confirmMessage', { count })
          : t('bulk.confirmExport', { count });
    return (
      <>
        <h1>{t('bulk.volunteersTitle')}</h1>
        <BulkConfirmation
          heading={heading}
          summary={t(`bulk.summary.${actionData.bulkAction}` as MessageKey, { count })}
          names={actionData.names}
          fields={{
            bulkAction: actionData.bulkAction,
            ids: actionData.ids,
            courseId: actionData.courseId,
            subject: actionData.subject,
            body: actionData.body,
            token: actionData.token,
          }}
          confirmLabel={t(`bulk.do.${actionData.bulkAction}` as MessageKey, { count })}
          backHref="/volunteers/bulk"
          download={actionData.bulkAction === 'export'}
        >
          {actionData.bulkAction === 'message' ? (
            <blockquote className="prewrap">
              <strong>{actionData.subject}</strong>
              <br />
              {actionData.body}
            </blockquote>
          ) : null}
        </BulkConfirmation>
      </>
    );
  }
  return (
    <>
      <p>
        <Link to="/volunteers">{t('bulk.toVolunteers')}</Link>
      </p>
      <h1>{t('bulk.volunteersTitle')}</h1>
      <p>{t('bulk.intro', { max: BULK_LIMIT })}</p>
      <Form method="get" className="actions">
        <div className="field">
          <label htmlFor="status">{t('bulk.statusFilter')}</label>
          <select id="status" name="status" defaultValue={status}>
            <option value="">{t('bulk.allStatuses')}</option>
            {VOLUNTEER_STATUSES.map((option) => (
              <option key={option} value={option}>
                {t(`volunteers.status.${option}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t('bulk.filter')}
        </button>
      </Form>
      <BulkSelectForm
        form={form}
        fields={fields}
        actions={BULK_ACTIONS}
        legend={t('bulk.selectVolunteers', { count: volunteers.length })}
        items={volunteers.map((volunteer) => ({
          id: volunteer.id,
          label: volunteer.name,
          detail: `${volunteer.municipality} · ${t(`volunteers.status.${volunteer.status}` as MessageKey)}`,
        }))}
      >
        <SelectField
          meta={fields.courseId}
          label={t('bulk.course')}
          hint={t('bulk.courseHint')}
          options={[{ value: '', label: t('bulk.chooseCourse') }, ...courses.map((course) => ({ value: course.id, label: course.title }))]}
        />
        <TextField meta={fields.subject} label={t('bulk.subject')} hint={t('bulk.messageHint')} />
        <TextareaField meta={fields.body} label={t('bulk.body')} rows={5} />
      </BulkSelectForm>
    </>
  );
}

export const meta = pageTitle('title.volunteersBulk');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
