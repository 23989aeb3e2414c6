import { Prisma } from '~/generated/prisma/client';
import type { Role } from './roles';

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
    'participants:release-dates',
    'volunteers:manage',
    'volunteers:bulk',
    'training:manage',
    'matching:manage',
    'pairs:read',
    'pairs:manage',
    'pairs:bulk',
    'meetings:read',
    'meetings:read-notes',
    'concerns:raise',
    'plans:read',
    'plans:edit',
    'plans:handover',
    'reports:view',
    'settings:manage',
    'users:manage',
    'audit:view',
    'mailbox:view',
    'account:two-factor',
    'referrals:list',
    'texts:inbox',
    'search:use',
    'services:track',
  ],
  VOLUNTEER: [
    'me:view',
    'pairs:read',
    'pairs:contact',
    'meetings:read',
    'meetings:plan',
    'meetings:log',
    'concerns:raise',
    'plans:read',
    'calendar:own',
    'proposals:answer',
    'texts:send',
    'services:track',
  ],
  PROBATION_OFFICER: [
    'referrals:list',
    'referrals:read-own',
    'referrals:create',
    'referrals:withdraw-own',
    'participants:release-dates',
    'plans:read',
    'plans:edit',
    'plans:handover',
    'search:use',
    'services:track',
  ],
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

/**
 * Pairs under way: started and not ended (active or on hold). Meetings, concerns and support go
 * on; an on-hold pair keeps the volunteer's place. The pair statuses and their transitions are
 * app/domain/pairs/status.ts's; these sets sit here because areas below pairs and the record
 * scopes need them (status.ts re-exports them, and its test checks them against the statuses).
 */
export const RUNNING_PAIR_STATUSES = ['ACTIVE', 'ON_HOLD'] as const;
/** Pairs that began (running or ended, not a mere proposal): a volunteer may read their participant, and they have a page. */
export const STARTED_PAIR_STATUSES = [...RUNNING_PAIR_STATUSES, 'ENDED'] as const;

export function isRunningPair(status: string): boolean {
  return (RUNNING_PAIR_STATUSES as readonly string[]).includes(status);
}

/** Participants a user may reach: all (coordinator), own referrals (officer), own pairs (volunteer). */
export function participantScope(actor: Actor): Prisma.ParticipantWhereInput {
  switch (actor.role) {
    case 'COORDINATOR':
      return {};
    case 'PROBATION_OFFICER':
      return { referrals: { some: { referrerId: actor.id } } };
    case 'VOLUNTEER':
      return { pairs: { some: { status: { in: [...STARTED_PAIR_STATUSES] }, ...pairScope(actor) } } };
    default:
      return NOTHING;
  }
}

/** participantScope as SQL over the participant `alias` (for raw statements; the same people). */
export function participantScopeSql(actor: Actor, alias: string): Prisma.Sql {
  const participant = Prisma.raw(`${alias}."id"`);
  switch (actor.role) {
    case 'COORDINATOR':
      return Prisma.sql`1 = 1`;
    case 'PROBATION_OFFICER':
      return Prisma.sql`EXISTS (SELECT 1 FROM "Referral" sr WHERE sr."participantId" = ${participant} AND sr."referrerId" = ${actor.id})`;
    case 'VOLUNTEER':
      return Prisma.sql`EXISTS (SELECT 1 FROM "Pair" p JOIN "VolunteerProfile" v ON v."id" = p."volunteerId"
        WHERE p."participantId" = ${participant} AND p."status" IN (${Prisma.join([...STARTED_PAIR_STATUSES])})
          AND ${pairFilterSql(pairAccess(actor))})`;
    default:
      return Prisma.sql`1 = 0`;
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

/** referralScope as SQL over the referral `alias`. */
export function referralScopeSql(actor: Actor, alias: string): Prisma.Sql {
  switch (actor.role) {
    case 'COORDINATOR':
      return Prisma.sql`1 = 1`;
    case 'PROBATION_OFFICER':
      return Prisma.sql`${Prisma.raw(`${alias}."referrerId"`)} = ${actor.id}`;
    default:
      return Prisma.sql`1 = 0`;
  }
}

/**
 * Which pairs a read covers: one pair, one volunteer's, or all (both narrow when both are
 * given). The pair access scope is one of these (pairAccess), and pairWhere and pairFilterSql
 * turn it into Prisma's where and into SQL, so both kinds of query see the same pairs.
 */
export interface PairFilter {
  pairId?: string;
  volunteerUserId?: string;
}

/** Pairs a user may reach: all (coordinator), their own (volunteer), none (anyone else). */
export function pairAccess(actor: Actor): PairFilter {
  switch (actor.role) {
    case 'COORDINATOR':
      return {};
    case 'VOLUNTEER':
      return { volunteerUserId: actor.id };
    default:
      return { pairId: NOTHING.id };
  }
}

/** The filter as Prisma's where over Pair. */
export function pairWhere(filter: PairFilter): Prisma.PairWhereInput {
  return {
    ...(filter.pairId !== undefined && { id: filter.pairId }),
    ...(filter.volunteerUserId !== undefined && { volunteer: { userId: filter.volunteerUserId } }),
  };
}

/** The filter as SQL over `"Pair" p` joined with its `"VolunteerProfile" v`; any status. */
export function pairFilterSql(filter: PairFilter): Prisma.Sql {
  const conditions = [Prisma.sql`1 = 1`];
  if (filter.pairId !== undefined) conditions.push(Prisma.sql`p."id" = ${filter.pairId}`);
  if (filter.volunteerUserId !== undefined) conditions.push(Prisma.sql`v."userId" = ${filter.volunteerUserId}`);
  return Prisma.join(conditions, ' AND ');
}

export function pairScope(actor: Actor): Prisma.PairWhereInput {
  return pairWhere(pairAccess(actor));
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
