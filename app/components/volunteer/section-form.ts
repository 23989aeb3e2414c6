import { useForm, type SubmissionResult } from '@conform-to/react';
import { useActionData } from '@remix-run/react';
import type { z } from 'zod';

/** What the volunteer page's action answers a refused form with: which section, and its errors. */
export type SectionReply = { intent: string; result: SubmissionResult<string[]> };

/** One section's form on the volunteer page: its errors come back only to the section that sent it. */
export function useSectionForm<Schema extends z.ZodTypeAny>(intent: string, defaultValue?: Record<string, string>) {
  const actionData = useActionData<SectionReply>();
  return useForm<z.input<Schema> & Record<string, unknown>>({
    id: `volunteer-${intent}`,
    lastResult: actionData && 'intent' in actionData && actionData.intent === intent ? actionData.result : undefined,
    defaultValue: defaultValue as never,
    shouldValidate: 'onSubmit',
  });
}
