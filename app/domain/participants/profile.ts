import type { Participant } from '~/generated/prisma/client';
import { releaseDateInForce } from './release-date';

/** The participant's profile as the coordinator's pages show it (no contact details). */
export function profileOf(participant: Participant) {
  return {
    dateOfBirth: participant.dateOfBirth,
    gender: participant.gender,
    prison: participant.prison,
    prisonUnit: participant.prisonUnit,
    expectedReleaseDate: participant.expectedReleaseDate,
    /** The release date in force (releaseDateInForce): what a page shows as "the release". */
    releaseDate: releaseDateInForce(participant),
    releaseMunicipality: participant.releaseMunicipality,
    interests: participant.interests as string[],
    languages: participant.languages as string[],
    wishedGender: participant.wishedGender,
    volunteerWishes: participant.volunteerWishes,
    needs: participant.needs,
  };
}

/** The in-prison programmes a participant took, as the participant and referral pages show them. */
export function programmesOf<
  T extends { id: string; programme: string; otherName: string | null; status: string; startDate: string | null; endDate: string | null },
>(rows: T[]) {
  return rows.map((row) => ({
    id: row.id,
    programme: row.programme,
    otherName: row.otherName,
    status: row.status,
    startDate: row.startDate,
    endDate: row.endDate,
  }));
}
