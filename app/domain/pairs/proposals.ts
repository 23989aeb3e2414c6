import { ageOn } from '~/lib/time';
import { consentInForce, type ConsentRow } from '~/domain/participants/consent';
import { releaseDateInForce, type ReleaseDates } from '~/domain/participants/release-date';

/**
 * What a volunteer sees of a participant in a proposal they are asked to answer. The first name
 * always (it is how the proposal is named); age, interests, release date and prison only while
 * a consent is in force, since the participant agreed to be matched on that consent. Never
 * the surname, contact details, health, needs or anything about the sentence.
 */
export interface ProposalProfile {
  firstName: string;
  /** False when no consent is in force: only the first name is shown. */
  shared: boolean;
  age: number | null;
  interests: string[];
  releaseDate: string | null;
  prison: string | null;
}

export interface ProposalParticipant extends ReleaseDates {
  firstName: string;
  dateOfBirth: string;
  interests: unknown;
  prison: string;
  consents: readonly ConsentRow[];
}

export function proposalProfile(participant: ProposalParticipant, today: string): ProposalProfile {
  const shared = consentInForce(participant.consents) !== null;
  if (!shared) return { firstName: participant.firstName, shared, age: null, interests: [], releaseDate: null, prison: null };
  return {
    firstName: participant.firstName,
    shared,
    age: ageOn(participant.dateOfBirth, today),
    interests: Array.isArray(participant.interests) ? participant.interests.filter((item): item is string => typeof item === 'string') : [],
    releaseDate: releaseDateInForce(participant),
    prison: participant.prison,
  };
}
