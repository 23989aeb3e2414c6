import { issueDueParticipantLinks } from '~/domain/participant-links/schedule.server';
import type { JobDefinition } from './job';

/** Every morning: the participant's fit check, pulse and closure survey links that are due. */
export const participantLinksJob: JobDefinition = {
  name: 'participant-links',
  cron: '0 9 * * *',
  leaseMs: 10 * 60 * 1000,
  run: ({ db, scheduledFor, now }) => issueDueParticipantLinks(db, scheduledFor, now),
};
