import type { Participant } from '~/generated/prisma/client';

/** The participant's profile as the coordinator's pages show it (no contact details). */
export function profileOf(participant: Participant) {
  return {
    dateOfBirth: participant.dateOfBirth,
    gender: participant.gender,
    prison: participant.prison,
    prisonUnit: participant.prisonUnit,
    expectedReleaseDate: participant.expectedReleaseDate,
    releaseMunicipality: participant.releaseMunicipality,
    interests: participant.interests as string[],
    languages: participant.languages as string[],
    wishedGender: participant.wishedGender,
    volunteerWishes: participant.volunteerWishes,
    needs: participant.needs,
  };
}
