import { getFormProps, useForm, type FieldMetadata } from '@conform-to/react';
import { parseWithZod } from '~/lib/form-submission.server';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorList, FormErrors, SelectField, TextareaField, TextField } from '~/components/forms';
import { areaKeyLabel, areaLabel, AreaStatusRows, goodsText, PlanAreaColumns, ScrollTable } from '~/components/plan';
import { useLanguage, useT } from '~/components/use-translation';
import { GOODS, isStandardArea, REVIEW_STATUSES, STANDARD_AREAS, type Good } from '~/domain/plans/areas';
import {
  blankArea,
  compareAreas,
  emptyPlanAreas,
  hasContent,
  isOwnArea,
  NEW_AREA_KEY,
  TEXT_COLUMNS,
  type PlanAreaContent,
} from '~/domain/plans/plan-content';
import {
  awaitsHandover,
  loadPlan,
  loadProgress,
  recordReview,
  requirePlanAccess,
  savePlanVersion,
  StalePlanError,
} from '~/domain/plans/plans.server';
import { audit } from '~/lib/audit.server';
import { requireUser } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { redirectWithFlash } from '~/lib/flash.server';
import { errorMessage } from '~/lib/form-errors';
import { can } from '~/lib/permissions.server';
import { formatDate, formatDateTime, formatMonth, todayInOslo } from '~/lib/time';
import { isoDateField, optionalText } from '~/lib/validation';
import { pageTitle } from '~/lib/page-title';

const AREA_KEY = new RegExp(`^(${STANDARD_AREAS.join('|')}|custom:[a-z0-9]+)$`);

const areaSchema = z
  .object({
    areaKey: z.string().regex(AREA_KEY),
    title: optionalText(120),
    future: optionalText(),
    goods: z.array(z.enum(GOODS)).optional().default([]),
    strengths: optionalText(),
    opportunities: optionalText(),
    barriers: optionalText(),
    coping: optionalText(),
  })
  .superRefine((area, ctx) => {
    if (isOwnArea(area.areaKey) && !area.title && hasContent(toContent(area))) {
      ctx.addIssue({ code: 'custom', path: ['title'], message: errorMessage('plans.titleRequired') });
    }
  });

const planSchema = z.object({
  intent: z.literal('save'),
  baseVersion: z.number().int().min(0),
  areas: z.array(areaSchema).min(1),
});

const reviewSchema = z.object({
  intent: z.literal('review'),
  reviewedOn: isoDateField.refine((date) => date <= todayInOslo(), { error: errorMessage('plans.reviewInFuture') }),
  note: optionalText(),
  items: z
    .array(z.object({ areaKey: z.string().regex(AREA_KEY), status: z.enum(REVIEW_STATUSES), note: optionalText(1000) }))
    .min(1),
});

function toContent(area: z.infer<typeof areaSchema>): PlanAreaContent {
  return {
    areaKey: area.areaKey,
    title: area.title ?? null,
    future: area.future ?? null,
    goods: area.goods,
    strengths: area.strengths ?? null,
    opportunities: area.opportunities ?? null,
    barriers: area.barriers ?? null,
    coping: area.coping ?? null,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { capability: 'plans:read' });
  const { participant, showMeetingActivity } = await requirePlanAccess(db, user, params.id ?? '', 'read');
  const url = new URL(request.url);
  const canEdit = can(user.role, 'plans:edit');
  const canHandover = can(user.role, 'plans:handover');
  const compareNumber = Number(url.searchParams.get('version')) || undefined;
  const plan = await loadPlan(db, participant.id, compareNumber);
  const progress = await loadProgress(db, {
    participantId: participant.id,
    planId: plan?.planId ?? null,
    areaOrder: plan?.areas.map((area) => area.areaKey) ?? [...STANDARD_AREAS],
  });
  await audit(db, request, {
    actorId: user.id,
    action: 'VIEW',
    entityType: 'PLAN',
    entityId: plan?.planId ?? null,
    participantId: participant.id,
    detail: { version: plan?.current.number ?? null, compared: plan?.compared?.number ?? null },
  });
  return json({
    participant: { id: participant.id, name: `${participant.firstName} ${participant.lastName}` },
    canEdit,
    canHandover,
    offerHandover: canHandover && (await awaitsHandover(db, participant.id)),
    editing: canEdit && url.searchParams.has('edit'),
    plan: plan && {
      current: plan.current,
      versions: plan.versions,
      areas: plan.areas,
      comparison: plan.compared
        ? { number: plan.compared.number, rows: compareAreas(plan.compared.areas, plan.areas) }
        : null,
    },
    reviews: progress.reviews,
    latest: progress.latest,
    workedOn: showMeetingActivity ? progress.workedOn : null,
    today: todayInOslo(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { capability: 'plans:edit' });
  const { participant } = await requirePlanAccess(db, user, params.id ?? '', 'edit');
  const planUrl = `/participants/${participant.id}/plan`;
  const formData = await request.formData();

  if (formData.get('intent') === 'save') {
    const submission = parseWithZod(formData, { schema: planSchema });
    if (submission.status !== 'success') return json({ intent: 'save', result: submission.reply() }, { status: 400 });
    try {
      const saved = await db.$transaction(async (tx) => {
        const saved = await savePlanVersion(tx, {
          participantId: participant.id,
          actorId: user.id,
          baseVersion: submission.value.baseVersion,
          areas: submission.value.areas.map(toContent),
        });
        await audit(tx, request, {
          actorId: user.id,
          action: saved.number === 1 ? 'CREATE' : 'UPDATE',
          entityType: 'PLAN',
          entityId: saved.planId,
          participantId: participant.id,
          detail: { version: saved.number },
        });
        return saved;
      });
      return redirectWithFlash(planUrl, { kind: 'success', key: 'plans.saved', params: { version: saved.number } });
    } catch (error) {
      if (!(error instanceof StalePlanError)) throw error;
      return json(
        {
          intent: 'save',
          result: submission.reply({ formErrors: [errorMessage('plans.stale', { version: error.currentNumber })] }),
        },
        { status: 409 },
      );
    }
  }

  if (formData.get('intent') === 'review') {
    const submission = parseWithZod(formData, { schema: reviewSchema });
    if (submission.status !== 'success') return json({ intent: 'review', result: submission.reply() }, { status: 400 });
    const plan = await loadPlan(db, participant.id);
    if (!plan) {
      return json(
        { intent: 'review', result: submission.reply({ formErrors: [errorMessage('plans.reviewNeedsPlan')] }) },
        { status: 409 },
      );
    }
    const known = new Set(plan.areas.map((area) => area.areaKey));
    await db.$transaction(async (tx) => {
      const review = await recordReview(tx, {
        planId: plan.planId,
        actorId: user.id,
        reviewedOn: submission.value.reviewedOn,
        note: submission.value.note,
        items: submission.value.items.filter((item) => known.has(item.areaKey)),
      });
      await audit(tx, request, {
        actorId: user.id,
        action: 'CREATE',
        entityType: 'PLAN',
        entityId: plan.planId,
        participantId: participant.id,
        detail: { review: review.id },
      });
    });
    return redirectWithFlash(planUrl, { kind: 'success', key: 'plans.reviewSaved' });
  }

  throw new Response('Bad Request', { status: 400 });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

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

function PlanViewer({ data }: { data: LoaderData }) {
  const t = useT();
  const language = useLanguage();
  const plan = data.plan;
  return (
    <>
      {plan ? (
        <p>
          {t('plans.currentVersion', {
            number: plan.current.number,
            when: formatDateTime(new Date(plan.current.createdAt), language),
            by: plan.current.createdBy ?? t('plans.unknownUser'),
          })}
        </p>
      ) : (
        <p>{data.canEdit ? t('plans.noneEditor') : t('plans.none')}</p>
      )}
      {data.offerHandover ? (
        <p className="flash flash--info">
          {t('plans.pairEnded')} <Link to="handover">{t('plans.handoverLink')}</Link>
        </p>
      ) : null}
      <div className="actions no-print">
        {data.canEdit ? (
          <Link className="button" to="?edit=1">
            {t('plans.edit')}
          </Link>
        ) : null}
        {data.canHandover ? (
          <Link className="button secondary" to="handover">
            {t('plans.handoverLink')}
          </Link>
        ) : null}
      </div>

      {plan
        ? plan.areas.map((area) => (
            <section key={area.areaKey} className="plan-area" aria-labelledby={`area-${area.areaKey}`}>
              <h2 id={`area-${area.areaKey}`}>{areaLabel(t, area)}</h2>
              <PlanAreaColumns area={area} />
            </section>
          ))
        : null}

      {plan?.comparison ? <Comparison comparison={plan.comparison} current={plan.current.number} /> : null}

      {plan && plan.versions.length > 1 ? (
        <section aria-labelledby="versions-title">
          <h2 id="versions-title">{t('plans.versions')}</h2>
          <ul>
            {plan.versions.slice(1).map((version) => (
              <li key={version.id}>
                {t('plans.versionLine', {
                  number: version.number,
                  when: formatDateTime(new Date(version.createdAt), language),
                  by: version.createdBy ?? t('plans.unknownUser'),
                })}{' '}
                <Link to={`?version=${version.number}#compare-title`}>{t('plans.compare', { number: version.number })}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <Progress data={data} />
      {data.workedOn ? <WorkedOn data={data} /> : null}
    </>
  );
}

function Comparison({ comparison, current }: { comparison: NonNullable<NonNullable<LoaderData['plan']>['comparison']>; current: number }) {
  const t = useT();
  const show = (value: string | readonly Good[] | null) =>
    (Array.isArray(value) ? goodsText(t, value as Good[]) : (value as string | null)) || t('plans.emptyColumn');
  return (
    <section aria-labelledby="compare-title" className="plan-compare">
      <h2 id="compare-title">{t('plans.compareTitle', { number: comparison.number, current })}</h2>
      <p className="muted">{t('plans.compareHint')}</p>
      {comparison.rows.map((row) => (
        <ScrollTable key={row.areaKey} labelledBy={`compare-${row.areaKey}`}>
          <table>
            <caption id={`compare-${row.areaKey}`}>
              {areaLabel(t, row)}{' '}
              {row.change === 'ADDED' ? <span className="badge badge--green">{t('plans.areaAdded')}</span> : null}
              {row.change === 'REMOVED' ? <span className="badge badge--red">{t('plans.areaRemoved')}</span> : null}
              {row.change === 'SAME' ? <span className="muted">{t('plans.noChanges')}</span> : null}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.compareColumn')}</th>
                <th scope="col">{t('plans.versionColumn', { number: comparison.number })}</th>
                <th scope="col">{t('plans.currentColumn', { number: current })}</th>
              </tr>
            </thead>
            <tbody>
              {row.columns.map((column) => (
                <tr key={column.column} className={column.changed ? 'plan-changed' : undefined}>
                  <th scope="row">
                    {t(`plans.column.${column.column}`)}
                    {column.changed ? ' ' : null}
                    {column.changed ? <span className="badge badge--amber">{t('plans.changed')}</span> : null}
                  </th>
                  <td className="plan-text">{show(column.before)}</td>
                  <td className="plan-text">{show(column.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ))}
      <p>
        <Link to=".">{t('plans.closeCompare')}</Link>
      </p>
    </section>
  );
}

function Progress({ data }: { data: LoaderData }) {
  const t = useT();
  const language = useLanguage();
  const areas = data.plan?.areas ?? [];
  const labelOf = (areaKey: string) => areaKeyLabel(t, areas, areaKey);
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">{t('plans.progress')}</h2>
      <p className="muted">{t('plans.progressIntro')}</p>
      {data.reviews.length === 0 ? (
        <p>{t('plans.noReviews')}</p>
      ) : (
        <>
          <ScrollTable labelledBy="latest-caption">
            <table>
              <caption id="latest-caption">{t('plans.latestStatus')}</caption>
              <AreaStatusRows areas={areas} latest={data.latest} />
            </table>
          </ScrollTable>
          <h3>{t('plans.reviewHistory')}</h3>
          <ul className="plan-reviews">
            {data.reviews.map((review) => (
              <li key={review.id}>
                <p>
                  <strong>
                    {t('plans.reviewBy', { date: formatDate(review.reviewedOn, language), by: review.reviewedBy ?? t('plans.unknownUser') })}
                  </strong>
                </p>
                {review.note ? <p className="plan-text">{review.note}</p> : null}
                <ul>
                  {review.items.map((item) => (
                    <li key={item.areaKey}>
                      {labelOf(item.areaKey)}: {t(`plans.status.${item.status as (typeof REVIEW_STATUSES)[number]}`)}
                      {item.note ? ` – ${item.note}` : ''}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      {data.canEdit && data.plan ? <ReviewForm data={data} /> : null}
    </section>
  );
}

function ReviewForm({ data }: { data: LoaderData }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const areas = data.plan?.areas ?? [];
  const [form, fields] = useForm<z.input<typeof reviewSchema>>({
    id: 'plan-review',
    lastResult: actionData?.intent === 'review' ? actionData.result : undefined,
    defaultValue: {
      intent: 'review',
      reviewedOn: data.today,
      items: areas.map((area) => ({ areaKey: area.areaKey, status: data.latest[area.areaKey]?.status ?? 'NOT_STARTED', note: '' })),
    },
    shouldValidate: 'onSubmit',
  });
  const items = fields.items.getFieldList();
  return (
    <>
      <h3 id="review-title">{t('plans.newReview')}</h3>
      <Form method="post" className="form" aria-labelledby="review-title" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="review" />
        <TextField meta={fields.reviewedOn} label={t('plans.reviewedOn')} type="date" max={data.today} />
        {items.map((item, index) => {
          const itemFields = item.getFieldset();
          const area = areas[index];
          if (!area) return null;
          return (
            <fieldset key={item.key} className="plan-review-item">
              <legend>{areaLabel(t, area)}</legend>
              <input type="hidden" name={itemFields.areaKey.name} value={area.areaKey} />
              <SelectField
                meta={itemFields.status}
                label={t('plans.areaStatus')}
                options={REVIEW_STATUSES.map((status) => ({ value: status, label: t(`plans.status.${status}`) }))}
              />
              <TextField meta={itemFields.note} label={t('plans.areaNote')} />
            </fieldset>
          );
        })}
        <TextareaField meta={fields.note} label={t('plans.reviewNote')} rows={3} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('plans.saveReview')}
          </button>
        </div>
      </Form>
    </>
  );
}

function WorkedOn({ data }: { data: LoaderData }) {
  const t = useT();
  const language = useLanguage();
  const areas = data.plan?.areas ?? [];
  const workedOn = data.workedOn ?? [];
  const labelOf = (areaKey: string) => areaKeyLabel(t, areas, areaKey);
  return (
    <section aria-labelledby="worked-title">
      <h2 id="worked-title">{t('plans.workedOn')}</h2>
      <p className="muted">{t('plans.workedOnIntro')}</p>
      {workedOn.length === 0 ? (
        <p>{t('plans.workedOnNone')}</p>
      ) : (
        <ScrollTable labelledBy="worked-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('plans.month')}</th>
                <th scope="col">{t('plans.meetingsHeld')}</th>
                <th scope="col">{t('plans.areasColumn')}</th>
                <th scope="col">{t('plans.goodsColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {workedOn.map((month) => (
                <tr key={month.month}>
                  <th scope="row">{formatMonth(month.month, language)}</th>
                  <td>{month.meetings}</td>
                  <td>{month.areas.map((a) => t('plans.countTimes', { label: labelOf(a.key), count: a.count })).join(', ')}</td>
                  <td>
                    {month.goods.map((g) => t('plans.countTimes', { label: t(`plans.good.${g.key}`), count: g.count })).join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}

function PlanEditor({ data }: { data: LoaderData }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const startAreas = data.plan?.areas ?? emptyPlanAreas();
  const [form, fields] = useForm<z.input<typeof planSchema>>({
    id: 'plan-editor',
    lastResult: actionData?.intent === 'save' ? actionData.result : undefined,
    defaultValue: {
      intent: 'save',
      baseVersion: String(data.plan?.current.number ?? 0),
      areas: [...startAreas, blankArea(NEW_AREA_KEY)].map((area) => ({
        areaKey: area.areaKey,
        title: area.title ?? '',
        goods: area.goods,
        ...Object.fromEntries(TEXT_COLUMNS.map((column) => [column, area[column] ?? ''])),
      })),
    },
    shouldValidate: 'onSubmit',
  });
  return (
    <>
      <h2 id="editor-title">{data.plan ? t('plans.editTitle') : t('plans.noneEditor')}</h2>
      <Form method="post" className="form plan-editor" aria-labelledby="editor-title" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name={fields.baseVersion.name} value={fields.baseVersion.initialValue ?? '0'} />
        {fields.areas.getFieldList().map((areaMeta) => {
          const area = areaMeta.getFieldset();
          const areaKey = area.areaKey.initialValue ?? '';
          const isNew = areaKey === NEW_AREA_KEY;
          const legend = isStandardArea(areaKey)
            ? t(`plans.area.${areaKey}`)
            : isNew
              ? t('plans.newArea')
              : `${t('plans.ownArea')}: ${area.title.initialValue ?? ''}`;
          return (
            <fieldset key={areaMeta.key} className="plan-area-fields">
              <legend>{legend}</legend>
              <input type="hidden" name={area.areaKey.name} value={areaKey} />
              {isOwnArea(areaKey) ? (
                <TextField
                  meta={area.title}
                  label={t('plans.areaTitle')}
                  hint={isNew ? t('plans.newAreaHint') : t('plans.ownAreaHint')}
                />
              ) : null}
              <TextareaField meta={area.future} label={t('plans.column.future')} hint={t('plans.help.future')} rows={3} />
              <GoodsField meta={area.goods} />
              {TEXT_COLUMNS.filter((column) => column !== 'future').map((column) => (
                <TextareaField key={column} meta={area[column]} label={t(`plans.column.${column}`)} hint={t(`plans.help.${column}`)} rows={3} />
              ))}
            </fieldset>
          );
        })}
        <div className="actions">
          <button type="submit" className="primary">
            {t('plans.save')}
          </button>
          <Link to=".">{t('form.cancel')}</Link>
        </div>
      </Form>
    </>
  );
}

function GoodsField({ meta }: { meta: FieldMetadata<Good[] | undefined> }) {
  const t = useT();
  const initial = ([] as unknown[]).concat(meta.initialValue ?? []);
  const hintId = `${meta.id}-hint`;
  return (
    <fieldset className="field plan-goods" aria-describedby={hintId}>
      <legend>{t('plans.column.goods')}</legend>
      <p className="hint" id={hintId}>
        {t('plans.help.goods')}
      </p>
      <div className="plan-goods__options">
        {GOODS.map((good) => (
          <div className="checkbox" key={`${meta.key ?? ''}-${good}`}>
            <input type="checkbox" id={`${meta.id}-${good}`} name={meta.name} value={good} defaultChecked={initial.includes(good)} />
            <label htmlFor={`${meta.id}-${good}`}>{t(`plans.good.${good}`)}</label>
          </div>
        ))}
      </div>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}

export const meta = pageTitle('title.plan');

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
