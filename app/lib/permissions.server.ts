import type { Prisma } from '~/generated/prisma/client';
import type { Role } from '~/domain/users/roles';

/**
 * The one role → capability map. Routes ask for a capability (through requireUser) and then
 * narrow every query to the records the user may reach with the scopes below, so a stranger's
 * id finds nothing and answers 404.
 */
const CAPABILITIES = {
  COORDINATOR: [
    'dashboard:view',
    'referrals:read-all',
    'referrals:create',
    'referrals:decide',
    'participants:read',
    'participants:edit',
    'participants:export',
    'volunteers:manage',
    'training:manage',
    'matching:manage',
    'pairs:read',
    'pairs:manage',
    'meetings:read',
    'concerns:raise',
    'plans:read',
    'plans:edit',
    'plans:handover',
    'reports:view',
    'settings:manage',
    'users:manage',
    'audit:view',
    'mailbox:view',
    'texts:inbox',
  ],
  VOLUNTEER: ['me:view', 'pairs:read', 'meetings:read', 'meetings:plan', 'meetings:log', 'concerns:raise', 'plans:read', 'calendar:own', 'proposals:answer', 'texts:send'],
  PROBATION_OFFICER: ['referrals:read-own', 'referrals:create', 'referrals:withdraw-own', 'plans:read', 'plans:edit', 'plans:handover'],
} as const satisfies Record<Role, readonly string[]>;

export type Capability = (typeof CAPABILITIES)[Role][number];

export function can(role: Role, capability: Capability): boolean {
  return (CAPABILITIES[role] as readonly string[]).includes(capability);
}

export interface Actor {
  id: string;
  role: Role;
}

const NOTHING = { id: '__no_access__' } as const;

/** Participants a user may reach: all (coordinator), own referrals (officer), own pairs (volunteer). */
export function participantScope(actor: Actor): Prisma.ParticipantWhereInput {
  switch (actor.role) {
    case 'COORDINATOR':
      return {};
    case 'PROBATION_OFFICER':
      return { referrals: { some: { referrerId: actor.id } } };
    case 'VOLUNTEER':
      return { pairs: { some: { status: { in: ['ACTIVE', 'ENDED'] }, volunteer: { userId: actor.id } } } };
    default:
      return NOTHING;
  }
}

export function referralScope(actor: Actor): Prisma.ReferralWhereInput {
  switch (actor.role) {
    case 'COORDINATOR':
      return {};
    case 'PROBATION_OFFICER':
      return { referrerId: actor.id };
    default:
      return NOTHING;
  }
}

export function pairScope(actor: Actor): Prisma.PairWhereInput {
  switch (actor.role) {
    case 'COORDINATOR':
      return {};
    case 'VOLUNTEER':
      return { volunteer: { userId: actor.id } };
    default:
      return NOTHING;
  }
}

/** Which active pairs the month overview reads: one pair, one volunteer's, or all. */
export interface PairMonthFilter {
  pairId?: string;
  volunteerUserId?: string;
}

/**
 * The same scope as pairScope, for the reads of pairs in plain SQL rather than through Prisma's
 * query API (monitoring.server's pairMonths and pairFilterSql, the pair page's timeline).
 */
export function pairMonthScope(actor: Actor): PairMonthFilter {
  switch (actor.role) {
    case 'COORDINATOR':
      return {};
    case 'VOLUNTEER':
      return { volunteerUserId: actor.id };
    default:
      return { pairId: NOTHING.id };
  }
}

export function meetingScope(actor: Actor): Prisma.MeetingWhereInput {
  return actor.role === 'COORDINATOR' ? {} : { pair: pairScope(actor) };
}

/** Thrown when a record is missing or belongs to someone else: the two look the same. */
export function notFound(): never {
  throw new Response('Not Found', { status: 404 });
}

export function forbidden(): never {
  throw new Response('Forbidden', { status: 403 });
}
