import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '~/lib/db.server';
import { issueLink } from '~/domain/participant-links/links.server';
import { addDays, osloInstant, todayInOslo } from '~/lib/time';
import {
  createCourse,
  createMeeting,
  createPair,
  createParticipant,
  createPlan,
  createUser,
  createVolunteer,
} from '../../prisma/fixtures/factories';

/** The kinds of visitor the access matrix and the fuzzers sign in as. */
export const VISITORS = ['anonymous', 'coordinator', 'pairVolunteer', 'otherVolunteer', 'referringOfficer', 'otherOfficer'] as const;
export type Visitor = (typeof VISITORS)[number];
export type SignedInVisitor = Exclude<Visitor, 'anonymous'>;

export interface AccessWorld {
  users: Record<SignedInVisitor, string>;
  records: {
    participant: string;
    waitingParticipant: string;
    referral: string;
    pair: string;
    meeting: string;
    course: string;
    pairVolunteerProfile: string;
    /** An open proposal to the pair's volunteer, for another participant. */
    proposal: string;
    badToken: string;
    badCalendarToken: string;
    /** An open personal link of the pair, issued by the coordinator. */
    participantLink: string;
    participantLinkToken: string;
  };
}
export type WorldKey = keyof AccessWorld['records'];

/**
 * One of each relation: a participant referred by one officer, in an active pair with one
 * volunteer, with a planned meeting and a plan; another volunteer and officer with a pair of
 * their own; a participant waiting for a match; a training course.
 */
export async function createAccessWorld(db: Db): Promise<AccessWorld> {
  const coordinator = await createUser(db, { role: 'COORDINATOR' });
  const referringOfficer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const otherOfficer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const pairVolunteer = await createUser(db, { role: 'VOLUNTEER' });
  const otherVolunteer = await createUser(db, { role: 'VOLUNTEER' });

  const participant = await createParticipant(db, { referrerId: referringOfficer.id, status: 'MATCHED' });
  const profile = await createVolunteer(db, { userId: pairVolunteer.id, status: 'READY' });
  const pair = await createPair(db, { participantId: participant.id, volunteerId: profile.id, startDate: addDays(todayInOslo(), -20) });
  const meeting = await createMeeting(db, { pairId: pair.id, startsAt: osloInstant(addDays(todayInOslo(), 3), '18:00') });
  await createPlan(db, { participantId: participant.id, createdById: referringOfficer.id });

  const otherParticipant = await createParticipant(db, { referrerId: otherOfficer.id, status: 'MATCHED' });
  const otherProfile = await createVolunteer(db, { userId: otherVolunteer.id, status: 'READY' });
  await createPair(db, { participantId: otherParticipant.id, volunteerId: otherProfile.id });

  const waiting = await createParticipant(db, { referrerId: referringOfficer.id, status: 'ACCEPTED' });
  const proposed = await createParticipant(db, { referrerId: referringOfficer.id, status: 'ACCEPTED' });
  const proposal = await createPair(db, { participantId: proposed.id, volunteerId: profile.id, status: 'PROPOSED' });
  const course = await createCourse(db);
  const referral = await db.referral.findFirstOrThrow({ where: { participantId: participant.id } });
  const participantLink = await db.$transaction((tx) => issueLink(tx, { pairId: pair.id, purpose: 'PULSE', issuedById: coordinator.id }));

  return {
    users: {
      coordinator: coordinator.id,
      pairVolunteer: pairVolunteer.id,
      otherVolunteer: otherVolunteer.id,
      referringOfficer: referringOfficer.id,
      otherOfficer: otherOfficer.id,
    },
    records: {
      participant: participant.id,
      waitingParticipant: waiting.id,
      referral: referral.id,
      pair: pair.id,
      meeting: meeting.id,
      course: course.id,
      pairVolunteerProfile: profile.id,
      proposal: proposal.id,
      badToken: 'not-a-real-invitation-token',
      badCalendarToken: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics',
      participantLink: participantLink!.id,
      participantLinkToken: participantLink!.token,
    },
  };
}

/** Remix flat-route file name → URL path template (`meetings.$id_.calendar[.ics]` → `/meetings/$id/calendar.ics`). */
export function urlTemplate(routeId: string): string {
  const segments = routeId.match(/(?:\[[^\]]*\]|[^.])+/g) ?? [];
  const parts = segments
    .filter((segment) => segment !== '_index' && !/^_[^.]/.test(segment))
    .map((segment) => segment.replace(/_$/, '').replace(/\[([^\]]*)\]/g, '$1'));
  return `/${parts.join('/')}`;
}

/** The route's URL and params with the world's records filled in. */
export function routeTarget(routeId: string, world: AccessWorld, params: Record<string, WorldKey> = {}) {
  const filled = Object.fromEntries(Object.entries(params).map(([name, key]) => [name, world.records[key]]));
  const url = urlTemplate(routeId).replace(/\$(\w+)/g, (_, name: string) => {
    const record = filled[name];
    if (record === undefined) throw new Error(`${routeId}: no record for $${name}`);
    return encodeURIComponent(record);
  });
  return { url, params: filled };
}

export const ROUTES_DIR = path.resolve(import.meta.dirname, '../../app/routes');

/** Every route module in app/routes/: flat files, and folders holding a route.ts(x). */
export function routeModules(): { id: string; file: string }[] {
  return fs.readdirSync(ROUTES_DIR, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      const inner = ['route.tsx', 'route.ts'].find((name) => fs.existsSync(path.join(ROUTES_DIR, entry.name, name)));
      return inner ? [{ id: entry.name, file: path.join(ROUTES_DIR, entry.name, inner) }] : [];
    }
    if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    return [{ id: entry.name.replace(/\.tsx?$/, ''), file: path.join(ROUTES_DIR, entry.name) }];
  });
}
