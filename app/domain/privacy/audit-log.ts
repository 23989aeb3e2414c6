import { z } from 'zod';

export const AUDIT_PAGE_SIZE = 50;

/** The /audit filters, from the query string; anything unknown is ignored rather than refused. */
export const auditFilterSchema = z.object({
  actor: z.string().max(40).optional().catch(undefined),
  participant: z.string().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export function parseAuditFilter(params: URLSearchParams): AuditFilter {
  return auditFilterSchema.parse({
    actor: params.get('actor') || undefined,
    participant: params.get('participant') || undefined,
    page: params.get('page') ?? undefined,
  });
}

export function pageCount(total: number, pageSize = AUDIT_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
