import { osloDate, type IsoDate } from '~/lib/time';

/** The release dates of a participant, as the newest ReleaseDateChange left them. */
export interface ReleaseDates {
  earliestReleaseDate?: IsoDate | null;
  expectedReleaseDate: IsoDate;
  actualReleaseDate?: IsoDate | null;
}

/** The one release date in force: the actual date once recorded, else the expected one. */
export function releaseDateInForce(dates: ReleaseDates): IsoDate {
  return dates.actualReleaseDate ?? dates.expectedReleaseDate;
}

export type ReplanReason = 'PRISON_AFTER_RELEASE' | 'COMMUNITY_BEFORE_RELEASE';

/**
 * Whether a planned meeting still fits the release date: a prison visit belongs before the day
 * of release, a community meeting on it or after (as allowedPlaceTypes plans them). Null when
 * it fits.
 */
export function releaseMisfit(meeting: { placeType: string; startsAt: Date }, releaseDate: IsoDate): ReplanReason | null {
  const date = osloDate(meeting.startsAt);
  if (meeting.placeType === 'PRISON_VISIT') return date >= releaseDate ? 'PRISON_AFTER_RELEASE' : null;
  return date < releaseDate ? 'COMMUNITY_BEFORE_RELEASE' : null;
}
