import { z } from 'zod';

export const PLACE_TYPES = ['PRISON_VISIT', 'CAFE', 'OUTDOORS', 'ACTIVITY', 'OTHER'] as const;
export const placeTypeSchema = z.enum(PLACE_TYPES);
export type PlaceType = z.infer<typeof placeTypeSchema>;
export const COMMUNITY_PLACE_TYPES: readonly [PlaceType, ...PlaceType[]] = ['CAFE', 'OUTDOORS', 'ACTIVITY', 'OTHER'];

export const MEETING_STATUSES = ['PLANNED', 'HELD', 'CANCELLED_BY_PARTICIPANT', 'CANCELLED_BY_VOLUNTEER', 'NO_SHOW', 'CANCELLED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** What a volunteer answers when logging a meeting. */
export const LOG_OUTCOMES = ['HELD', 'CANCELLED_BY_PARTICIPANT', 'CANCELLED_BY_VOLUNTEER', 'NO_SHOW'] as const;
export const logOutcomeSchema = z.enum(LOG_OUTCOMES);
export type LogOutcome = z.infer<typeof logOutcomeSchema>;
