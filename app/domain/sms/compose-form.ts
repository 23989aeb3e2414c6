import { z } from 'zod';
import { errorMessage } from '~/lib/form-errors';
import { mentionsSensitiveTopic } from './sensitive';
import { MAX_VOLUNTEER_TEXT, VOLUNTEER_TEMPLATE_KEYS, VOLUNTEER_TEMPLATES, type VolunteerTemplate } from './texts';

/**
 * The volunteer's text: a ready-made one (in either language) or their own words, which win
 * when both are given. Reviewed first (intent "review"), then sent with the review's token.
 */
export const composeTextSchema = z
  .object({
    intent: z.enum(['review', 'send']),
    template: z.enum(VOLUNTEER_TEMPLATE_KEYS as [VolunteerTemplate, ...VolunteerTemplate[]]).optional(),
    templateLanguage: z.enum(['nb', 'en']).default('nb'),
    body: z.string().trim().optional(),
    sendToken: z
      .string()
      .regex(/^[A-Za-z0-9-]{20,64}$/)
      .optional(),
  })
  .transform((value) => ({
    ...value,
    text: value.body || (value.template ? VOLUNTEER_TEMPLATES[value.template][value.templateLanguage] : ''),
  }))
  .superRefine((value, ctx) => {
    if (!value.text) ctx.addIssue({ code: 'custom', path: ['body'], message: errorMessage('sms.error.empty') });
    else if (value.text.length > MAX_VOLUNTEER_TEXT)
      ctx.addIssue({ code: 'custom', path: ['body'], message: errorMessage('sms.error.tooLong', { max: MAX_VOLUNTEER_TEXT }) });
    else if (mentionsSensitiveTopic(value.text))
      ctx.addIssue({ code: 'custom', path: ['body'], message: errorMessage('sms.error.sensitive') });
    if (value.intent === 'send' && !value.sendToken)
      ctx.addIssue({ code: 'custom', path: ['body'], message: errorMessage('sms.error.empty') });
  });
