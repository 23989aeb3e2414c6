import { z } from 'zod';

export const ROLES = ['COORDINATOR', 'VOLUNTEER', 'PROBATION_OFFICER'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Where each role lands after signing in. */
export const HOME_BY_ROLE: Record<Role, string> = {
  COORDINATOR: '/dashboard',
  VOLUNTEER: '/me',
  PROBATION_OFFICER: '/referrals',
};
