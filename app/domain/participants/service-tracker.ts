import type { SETTINGS } from '~/domain/settings/definitions';
import type { Role } from '~/lib/roles';
import { addDays, osloDate, type IsoDate } from '~/lib/time';

/**
 * -- services (#21, decision 024): the services tracker — what a participant needs in place on
 * release day, each with a deadline before the release date in force, an owner, a status and who
 * confirmed it settled. The release-day checklist grew into it (the ReleaseChecklistItem table).
 */
export const TRACKER_ITEMS = ['NAV', 'HOUSING', 'GP', 'PROBATION_APPOINTMENT', 'ID', 'BANK_ACCOUNT', 'PHONE', 'OWN_ITEMS'] as const;
export type TrackerItem = (typeof TRACKER_ITEMS)[number];

/** OPEN: nothing settled yet; AGREED: arranged (an appointment made) but not done; DONE: confirmed done; NOT_NEEDED: confirmed not needed. */
export const TRACKER_STATUSES = ['OPEN', 'AGREED', 'DONE', 'NOT_NEEDED'] as const;
export type TrackerStatus = (typeof TRACKER_STATUSES)[number];

/** Settled statuses need no more work: they record who confirmed them and when, and are never overdue. */
export const SETTLED_STATUSES: readonly TrackerStatus[] = ['DONE', 'NOT_NEEDED'];

/** Who answers for an item: the referring officer, the coordinator, the pair's volunteer, or the participant themself. */
export const TRACKER_OWNERS = ['OFFICER', 'COORDINATOR', 'VOLUNTEER', 'PARTICIPANT'] as const;
export type TrackerOwner = (typeof TRACKER_OWNERS)[number];

/** Each item's owner until the coordinator chooses another. */
export const DEFAULT_OWNERS: Record<TrackerItem, TrackerOwner> = {
  NAV: 'OFFICER',
  HOUSING: 'OFFICER',
  GP: 'COORDINATOR',
  PROBATION_APPOINTMENT: 'OFFICER',
  ID: 'PARTICIPANT',
  BANK_ACCOUNT: 'PARTICIPANT',
  PHONE: 'VOLUNTEER',
  OWN_ITEMS: 'PARTICIPANT',
};

/** The setting that holds each item's deadline, in days before the release date in force. */
export const DEADLINE_SETTINGS = {
  NAV: 'serviceDaysBeforeNav',
  HOUSING: 'serviceDaysBeforeHousing',
  GP: 'serviceDaysBeforeGp',
  PROBATION_APPOINTMENT: 'serviceDaysBeforeProbation',
  ID: 'serviceDaysBeforeId',
  BANK_ACCOUNT: 'serviceDaysBeforeBankAccount',
  PHONE: 'serviceDaysBeforePhone',
  OWN_ITEMS: 'serviceDaysBeforeOwnItems',
} as const satisfies Record<TrackerItem, keyof typeof SETTINGS>;

export type DaysBefore = Record<TrackerItem, number>;

/** The items' deadline settings as read (getSettings' result, or any object holding them). */
export function daysBeforeFrom(settings: { [K in (typeof DEADLINE_SETTINGS)[TrackerItem]]: number }): DaysBefore {
  return Object.fromEntries(TRACKER_ITEMS.map((item) => [item, settings[DEADLINE_SETTINGS[item]]])) as DaysBefore;
}

export function isTrackerItem(value: unknown): value is TrackerItem {
  return (TRACKER_ITEMS as readonly unknown[]).includes(value);
}

export function isTrackerStatus(value: unknown): value is TrackerStatus {
  return (TRACKER_STATUSES as readonly unknown[]).includes(value);
}

export function isTrackerOwner(value: unknown): value is TrackerOwner {
  return (TRACKER_OWNERS as readonly unknown[]).includes(value);
}

export function isSettled(status: string): boolean {
  return (SETTLED_STATUSES as readonly string[]).includes(status);
}

/**
 * An item's deadline: a calendar day, `daysBefore` days before the release date in force (the
 * caller passes releaseDateInForce, so a moved release moves every deadline with it). Pure date
 * arithmetic on calendar days: a daylight-saving change or a month's length never shifts it.
 */
export function trackerDeadline(releaseDate: IsoDate, daysBefore: number): IsoDate {
  return addDays(releaseDate, -daysBefore);
}

/** Overdue: not settled and the deadline day is over in Oslo (the deadline day itself is still in time). */
export function isOverdue(status: string, deadline: IsoDate, now: Date): boolean {
  return !isSettled(status) && osloDate(now) > deadline;
}

/** The owner an actor of a role is, on the tracker. */
export function ownerForRole(role: Role): TrackerOwner {
  switch (role) {
    case 'PROBATION_OFFICER':
      return 'OFFICER';
    case 'VOLUNTEER':
      return 'VOLUNTEER';
    default:
      return 'COORDINATOR';
  }
}

/**
 * Whether a role may change an item with this owner: the coordinator any (also the
 * participant's own items, recorded on their behalf); the officer and the volunteer only their
 * own. The record scope (their own referrals, their own pairs) is the caller's query.
 */
export function mayUpdateItem(role: Role, owner: TrackerOwner): boolean {
  if (role === 'COORDINATOR') return true;
  return ownerForRole(role) === owner;
}

/** Who confirmed an item after a change to `status`: kept while it stays as settled, the actor now when it becomes settled, none when open. */
export function confirmationAfter(
  previous: { status: string; confirmedById: string | null; confirmedAt: Date | null } | null,
  status: TrackerStatus,
  actorId: string,
  now: Date,
): { confirmedById: string | null; confirmedAt: Date | null } {
  if (!isSettled(status)) return { confirmedById: null, confirmedAt: null };
  if (previous && previous.status === status && previous.confirmedAt) {
    return { confirmedById: previous.confirmedById, confirmedAt: previous.confirmedAt };
  }
  return { confirmedById: actorId, confirmedAt: now };
}

export interface RecordedItem {
  item: string;
  status: string;
  ownerRole: string | null;
  note: string | null;
  confirmedAt: Date | string | null;
  confirmedByName?: string | null;
}

export interface TrackerRow {
  item: TrackerItem;
  status: TrackerStatus;
  owner: TrackerOwner;
  note: string | null;
  deadline: IsoDate;
  overdue: boolean;
  confirmedAt: Date | string | null;
  confirmedByName: string | null;
}

/** Every tracker item of a participant, in order: the recorded row where there is one, else OPEN with its default owner. */
export function trackerRows(recorded: readonly RecordedItem[], releaseDate: IsoDate, daysBefore: DaysBefore, now: Date): TrackerRow[] {
  return TRACKER_ITEMS.map((item) => {
    const row = recorded.find((entry) => entry.item === item);
    const status = isTrackerStatus(row?.status) ? row.status : 'OPEN';
    const deadline = trackerDeadline(releaseDate, daysBefore[item]);
    return {
      item,
      status,
      owner: isTrackerOwner(row?.ownerRole) ? row.ownerRole : DEFAULT_OWNERS[item],
      note: row?.note ?? null,
      deadline,
      overdue: isOverdue(status, deadline, now),
      confirmedAt: isSettled(status) ? (row?.confirmedAt ?? null) : null,
      confirmedByName: isSettled(status) ? (row?.confirmedByName ?? null) : null,
    };
  });
}

/** -- services (#21): a meeting can accompany the participant to an appointment. */
export const ACCOMPANIMENT_KINDS = ['NAV', 'PROBATION', 'GP', 'TREATMENT', 'HOUSING', 'OTHER'] as const;
export type AccompanimentKind = (typeof ACCOMPANIMENT_KINDS)[number];

/** The tracker item an accompaniment serves, where it has one (treatment and other appointments have none). */
export const ACCOMPANIMENT_TRACKER_ITEM: Record<AccompanimentKind, TrackerItem | null> = {
  NAV: 'NAV',
  PROBATION: 'PROBATION_APPOINTMENT',
  GP: 'GP',
  TREATMENT: null,
  HOUSING: 'HOUSING',
  OTHER: null,
};

export function isAccompanimentKind(value: unknown): value is AccompanimentKind {
  return (ACCOMPANIMENT_KINDS as readonly unknown[]).includes(value);
}
