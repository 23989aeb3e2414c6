import { audit } from '~/lib/audit.server';
import { currentTime } from '~/lib/clock';
import { db as client, type Db, type Tx } from '~/lib/db.server';
import { enqueueEmail } from '~/lib/email.server';
import { isLanguage } from '~/lib/i18n';
import {
  forbidden,
  notFound,
  pairScope,
  participantScope,
  referralScope,
  RUNNING_PAIR_STATUSES,
  type Actor,
} from '~/lib/permissions.server';
import { lockKey } from '~/lib/row-lock.server';
import { addDays, todayInOslo, type IsoDate } from '~/lib/time';
import { getSettings } from '~/domain/settings/settings.server';
import { releaseDateInForce } from './release-date';
import { releaseInForceBetween } from './release-date.server';
import {
  confirmationAfter,
  DEFAULT_OWNERS,
  daysBeforeFrom,
  isTrackerOwner,
  mayUpdateItem,
  trackerRows,
  TRACKER_ITEMS,
  type TrackerItem,
  type TrackerOwner,
  type TrackerRow,
  type TrackerStatus,
} from './service-tracker';

/** Participants whose tracker is followed: from referral until the pair ends or they leave the programme. */
export const TRACKED_STATUSES = ['REFERRED', 'ACCEPTED', 'WAITLISTED', 'MATCHED'] as const;

/** Overdue items are listed and alerted until this many days after the release date in force; after that they are history. */
export const TRACKER_FOLLOW_UP_DAYS = 30;

const recordedSelect = {
  item: true,
  status: true,
  ownerRole: true,
  note: true,
  confirmedAt: true,
  confirmedById: true,
  confirmedBy: { select: { name: true } },
} as const;

/** Every item's deadline in days before release, from the settings. */
export async function trackerDaysBefore(db: Tx = client) {
  return daysBeforeFrom(await getSettings(db));
}

/** A participant whose tracker the actor may reach (their own referral, their own pair, or any for the coordinator), or 404. */
export async function trackedParticipant(actor: Actor, participantId: string, db: Tx = client): Promise<{ id: string }> {
  const participant = await db.participant.findFirst({
    where: { id: participantId, anonymisedAt: null, ...participantScope(actor) },
    select: { id: true },
  });
  if (!participant) notFound();
  return participant;
}

export interface ViewerTrackerRow extends TrackerRow {
  /** The viewer may change this item's status and note. */
  mayUpdate: boolean;
}

/**
 * A participant's services tracker as the actor may see it: the coordinator every item; the
 * referring officer (their own referrals) and the pair's volunteer (their own pairs) every item's
 * status and deadline, and the notes of the items they own. A stranger's id is a 404. Writes the
 * VIEW audit row.
 */
export async function serviceTracker(request: Request | null, actor: Actor, participantId: string, db: Db = client, now = currentTime()) {
  const participant = await db.participant.findFirst({
    where: { id: participantId, anonymisedAt: null, ...participantScope(actor) },
    select: {
      id: true,
      firstName: true,
      status: true,
      expectedReleaseDate: true,
      actualReleaseDate: true,
      checklist: { select: recordedSelect },
      referrals: { where: referralScope(actor), orderBy: { createdAt: 'desc' }, take: 1, select: { id: true } },
      pairs: { where: { status: { in: [...RUNNING_PAIR_STATUSES] }, ...pairScope(actor) }, select: { id: true }, take: 1 },
    },
  });
  if (!participant) notFound();
  const releaseDate = releaseDateInForce(participant);
  const recorded = participant.checklist.map((row) => ({ ...row, confirmedByName: row.confirmedBy?.name ?? null }));
  const rows: ViewerTrackerRow[] = trackerRows(recorded, releaseDate, await trackerDaysBefore(db), now).map((row) => {
    const mayUpdate = mayUpdateItem(actor.role, row.owner);
    return { ...row, note: mayUpdate ? row.note : null, mayUpdate };
  });
  await audit(db, request, {
    actorId: actor.id,
    action: 'VIEW',
    entityType: 'PARTICIPANT',
    entityId: participant.id,
    participantId: participant.id,
    detail: { servicesTracker: true },
  });
  return {
    participant: {
      id: participant.id,
      firstName: participant.firstName,
      status: participant.status,
      releaseDate,
    },
    /** Where the viewer came from: the participant page, the referral (officer) or the pair (volunteer). */
    backPath:
      actor.role === 'COORDINATOR'
        ? `/participants/${participant.id}`
        : actor.role === 'PROBATION_OFFICER'
          ? participant.referrals[0]
            ? `/referrals/${participant.referrals[0].id}`
            : '/referrals'
          : participant.pairs[0]
            ? `/pairs/${participant.pairs[0].id}`
            : '/me',
    rows,
    /** Only the coordinator chooses an item's owner. */
    mayChooseOwner: actor.role === 'COORDINATOR',
  };
}

/**
 * The tracker at a glance for a participant the caller has already checked the actor may reach
 * (the referral page, after referralForViewer): each item's status, owner and deadline, no notes.
 */
export async function trackerAtAGlance(participantId: string, db: Tx = client, now = currentTime()) {
  const participant = await db.participant.findFirst({
    where: { id: participantId, anonymisedAt: null },
    select: {
      expectedReleaseDate: true,
      actualReleaseDate: true,
      status: true,
      checklist: { select: { item: true, status: true, ownerRole: true, note: true, confirmedAt: true } },
    },
  });
  if (!participant || !(TRACKED_STATUSES as readonly string[]).includes(participant.status)) return null;
  return trackerRows(participant.checklist, releaseDateInForce(participant), await trackerDaysBefore(db), now).map(
    ({ item, status, owner, deadline, overdue }) => ({ item, status, owner, deadline, overdue }),
  );
}

export interface TrackerItemChange {
  item: TrackerItem;
  status: TrackerStatus;
  note: string | null;
  /** The coordinator's choice of owner; ignored from anyone else. */
  owner?: TrackerOwner;
}

/**
 * Changes one tracker item: the participant must be within the actor's reach (else 404) and the
 * item theirs to update (else 403: an officer or a volunteer changes only the items they own).
 * Becoming DONE or NOT_NEEDED records who confirmed it and when; reopening clears that. One
 * transaction with its audit row; a double submit writes the same row twice.
 */
export async function updateTrackerItem(
  request: Request | null,
  actor: Actor,
  participantId: string,
  change: TrackerItemChange,
  db: Db = client,
  now = currentTime(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    const participant = await trackedParticipant(actor, participantId, tx);
    await lockKey(tx, `tracker:${participant.id}:${change.item}`);
    const existing = await tx.releaseChecklistItem.findUnique({
      where: { participantId_item: { participantId: participant.id, item: change.item } },
      select: { status: true, ownerRole: true, confirmedById: true, confirmedAt: true },
    });
    const owner = isTrackerOwner(existing?.ownerRole) ? existing.ownerRole : DEFAULT_OWNERS[change.item];
    if (!mayUpdateItem(actor.role, owner)) forbidden();
    const ownerRole = actor.role === 'COORDINATOR' && change.owner ? change.owner : (existing?.ownerRole ?? null);
    const confirmation = confirmationAfter(existing, change.status, actor.id, now);
    const data = { status: change.status, note: change.note, ownerRole, updatedById: actor.id, ...confirmation };
    await tx.releaseChecklistItem.upsert({
      where: { participantId_item: { participantId: participant.id, item: change.item } },
      create: { participantId: participant.id, item: change.item, ...data },
      update: data,
    });
    await audit(tx, request, {
      actorId: actor.id,
      action: 'UPDATE',
      entityType: 'PARTICIPANT',
      entityId: participant.id,
      participantId: participant.id,
      detail: {
        servicesTracker: change.item,
        status: change.status,
        ...(ownerRole !== (existing?.ownerRole ?? null) && { owner: ownerRole }),
      },
    });
  });
}

export interface OverdueItem {
  participantId: string;
  firstName: string;
  item: TrackerItem;
  owner: TrackerOwner;
  deadline: IsoDate;
  releaseDate: IsoDate;
  pairId: string | null;
  /** Who is alerted: the referring officer (OFFICER), the pair's volunteer (VOLUNTEER); null: the coordinators. */
  ownerUser: { id: string; email: string; language: string } | null;
}

/**
 * THE overdue items (needs action today and the owners' alerts): every item of a tracked
 * participant that is not settled and whose deadline day is over, until TRACKER_FOLLOW_UP_DAYS
 * after the release date in force. Oldest deadline first.
 */
export async function overdueTrackerItems(db: Tx = client, now = currentTime()): Promise<OverdueItem[]> {
  const today = todayInOslo(now);
  const daysBefore = await trackerDaysBefore(db);
  const longest = Math.max(...TRACKER_ITEMS.map((item) => daysBefore[item]));
  const user = { select: { id: true, email: true, language: true, deactivatedAt: true } } as const;
  const participants = await db.participant.findMany({
    where: {
      anonymisedAt: null,
      status: { in: [...TRACKED_STATUSES] },
      // A deadline is over when the release is less than its days-before away.
      ...releaseInForceBetween(addDays(today, -TRACKER_FOLLOW_UP_DAYS), addDays(today, longest)),
    },
    select: {
      id: true,
      firstName: true,
      expectedReleaseDate: true,
      actualReleaseDate: true,
      checklist: { select: recordedSelect },
      referrals: { orderBy: { createdAt: 'desc' }, take: 1, select: { referrer: user } },
      pairs: {
        where: { status: { in: [...RUNNING_PAIR_STATUSES] } },
        orderBy: { createdAt: 'desc' },
        take: 1,
        select: { id: true, volunteer: { select: { user } } },
      },
    },
  });
  const active = (candidate: { id: string; email: string; language: string; deactivatedAt: Date | null } | null | undefined) =>
    candidate && !candidate.deactivatedAt ? { id: candidate.id, email: candidate.email, language: candidate.language } : null;
  return participants
    .flatMap((participant) => {
      const releaseDate = releaseDateInForce(participant);
      const pair = participant.pairs[0] ?? null;
      return trackerRows(participant.checklist, releaseDate, daysBefore, now)
        .filter((row) => row.overdue)
        .map((row) => ({
          participantId: participant.id,
          firstName: participant.firstName,
          item: row.item,
          owner: row.owner,
          deadline: row.deadline,
          releaseDate,
          pairId: pair?.id ?? null,
          ownerUser:
            row.owner === 'OFFICER'
              ? active(participant.referrals[0]?.referrer)
              : row.owner === 'VOLUNTEER'
                ? active(pair?.volunteer.user)
                : null,
        }));
    })
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.firstName.localeCompare(b.firstName) || a.item.localeCompare(b.item));
}

/** The idempotency key of one overdue item's alert to one person: once per item, deadline and recipient. */
export function overdueAlertKey(item: Pick<OverdueItem, 'participantId' | 'item' | 'deadline'>, userId: string): string {
  return `service-overdue:${item.participantId}:${item.item}:${item.deadline}:${userId}`;
}

/**
 * Alerts each overdue item's owner once: the referring officer, the pair's volunteer, or (for
 * the coordinator's and the participant's own items, and when the owner has no active account)
 * every coordinator. Run daily by the `service-deadlines` job; the outbox's idempotency key (per
 * item, deadline and recipient) makes a rerun, a catch-up or a second instance queue nothing
 * twice, and a moved release date (a new deadline) alerts afresh if that one passes too.
 * Returns the items alerted about.
 */
export async function alertOverdueTrackerItems(db: Db, now = currentTime()): Promise<number> {
  const overdue = await overdueTrackerItems(db, now);
  if (overdue.length === 0) return 0;
  const coordinators = await db.user.findMany({
    where: { role: 'COORDINATOR', deactivatedAt: null },
    select: { id: true, email: true, language: true },
  });
  for (const item of overdue) {
    const recipients = item.ownerUser ? [item.ownerUser] : coordinators;
    await db.$transaction(async (tx) => {
      for (const recipient of recipients) {
        await enqueueEmail(tx, {
          idempotencyKey: overdueAlertKey(item, recipient.id),
          to: recipient.email,
          userId: recipient.id,
          language: isLanguage(recipient.language) ? recipient.language : 'nb',
          template: 'service-item-overdue',
          data: { participantId: item.participantId },
          participantId: item.participantId,
        });
      }
    });
  }
  return overdue.length;
}
