import { z } from 'zod';
import { errorMessage } from '~/lib/form-errors';
import { todayInOslo } from '~/lib/time';
import { isoDateField, optionalText } from '~/lib/validation';
import { GOODS, REVIEW_STATUSES, STANDARD_AREAS } from './areas';
import { hasContent, isOwnArea, type PlanAreaContent } from './plan-content';

/** A standard area's key, or a participant's own area (`custom:` and a random id). */
const AREA_KEY = new RegExp(`^(${STANDARD_AREAS.join('|')}|custom:[a-z0-9]+)$`);

export const planAreaSchema = z
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
    // An own area with something written in it needs a name; an empty one is left out.
    if (isOwnArea(area.areaKey) && !area.title && hasContent(planAreaContent(area))) {
      ctx.addIssue({ code: 'custom', path: ['title'], message: errorMessage('plans.titleRequired') });
    }
  });

export const planSchema = z.object({
  intent: z.literal('save'),
  baseVersion: z.number().int().min(0),
  areas: z.array(planAreaSchema).min(1),
});

/** A review is dated on or before today. */
export const reviewSchema = z.object({
  intent: z.literal('review'),
  reviewedOn: isoDateField.refine((date) => date <= todayInOslo(), { error: errorMessage('plans.reviewInFuture') }),
  note: optionalText(),
  items: z.array(z.object({ areaKey: z.string().regex(AREA_KEY), status: z.enum(REVIEW_STATUSES), note: optionalText(1000) })).min(1),
});

export function planAreaContent(area: z.infer<typeof planAreaSchema>): PlanAreaContent {
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
