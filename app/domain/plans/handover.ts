import { osloDate, type IsoDate } from '~/lib/time';

export interface MeetingForSummary {
  startsAt: Date;
  status: string;
  durationMinutes: number;
  log: { outcome: string; durationMinutes: number | null } | null;
}

export interface MeetingSummary {
  firstHeld: IsoDate | null;
  lastHeld: IsoDate | null;
  held: number;
  cancelled: number;
  hours: number;
}

const NOT_HELD = ['CANCELLED_BY_PARTICIPANT', 'CANCELLED_BY_VOLUNTEER', 'NO_SHOW', 'CANCELLED'];

/** Held meetings (by their log where there is one), the Oslo dates of the first and last, and the hours. */
export function summariseMeetings(meetings: MeetingForSummary[]): MeetingSummary {
  let held = 0;
  let cancelled = 0;
  let minutes = 0;
  let first: Date | null = null;
  let last: Date | null = null;
  for (const meeting of meetings) {
    const outcome = meeting.log?.outcome ?? meeting.status;
    if (outcome === 'HELD') {
      held += 1;
      minutes += meeting.log?.durationMinutes ?? meeting.durationMinutes;
      if (!first || meeting.startsAt < first) first = meeting.startsAt;
      if (!last || meeting.startsAt > last) last = meeting.startsAt;
    } else if (NOT_HELD.includes(outcome)) {
      cancelled += 1;
    }
  }
  return {
    firstHeld: first ? osloDate(first) : null,
    lastHeld: last ? osloDate(last) : null,
    held,
    cancelled,
    hours: Math.round((minutes / 60) * 10) / 10,
  };
}
