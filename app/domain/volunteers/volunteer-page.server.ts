import type { z } from 'zod';
import { createInvitation } from '~/domain/users/invitations.server';
import { db } from '~/lib/db.server';
import type { Language } from '~/lib/i18n';
import { notFound } from '~/lib/permissions.server';
import { todayInOslo } from '~/lib/time';
import {
  mayInviteVolunteer,
  type capacitySchema,
  type certificateSchema,
  type endSchema,
  type interviewSchema,
  type pauseSchema,
  type referenceOutcomeSchema,
  type referenceSchema,
  type resumeSchema,
} from './volunteer-forms';
import { volunteerPageView } from './volunteer-page';
import {
  addReference,
  endVolunteer,
  loadVolunteer,
  pauseVolunteer,
  recordCertificate,
  recordInterview,
  resumeVolunteer,
  setCapacity,
  setReferenceOutcome,
  type ChangeContext,
} from './volunteers.server';

/** The coordinator's page of one volunteer; 404 for an unknown or anonymised one. */
export async function volunteerPage(volunteerId: string) {
  const found = await loadVolunteer(db, volunteerId);
  if (!found) notFound();
  return volunteerPageView(found, todayInOslo());
}

/** The volunteer a coordinator's change is about: not anonymised, else 404. */
export async function volunteerToChange(volunteerId: string) {
  const volunteer = await db.volunteerProfile.findFirst({ where: { id: volunteerId, anonymisedAt: null } });
  if (!volunteer) notFound();
  return volunteer;
}

/** What a coordinator changes on the volunteer page: one form's checked values, named by its intent. */
export type VolunteerPageChange =
  | z.output<typeof interviewSchema>
  | z.output<typeof referenceSchema>
  | z.output<typeof referenceOutcomeSchema>
  | z.output<ReturnType<typeof certificateSchema>>
  | z.output<typeof capacitySchema>
  | z.output<typeof pauseSchema>
  | z.output<typeof endSchema>
  | z.output<typeof resumeSchema>;

/**
 * Makes one change on the volunteer page in a transaction of its own, with the readiness
 * recount and audit rows it brings (the changes themselves compose inside a caller's
 * transaction). An unknown reference is a 404 that writes nothing: the throw rolls it back.
 * TransitionNotAllowedError when the status cannot go where pause, end or resume would take it.
 */
export async function changeVolunteer(ctx: ChangeContext, volunteerId: string, change: VolunteerPageChange): Promise<void> {
  await db.$transaction(async (tx) => {
    switch (change.intent) {
      case 'interview':
        return recordInterview(tx, ctx, { volunteerId, ...change });
      case 'reference':
        return addReference(tx, ctx, { volunteerId, ...change });
      case 'reference-outcome':
        if (!(await setReferenceOutcome(tx, ctx, { volunteerId, ...change }))) notFound();
        return;
      case 'certificate':
        return recordCertificate(tx, ctx, { volunteerId, ...change });
      case 'capacity':
        return setCapacity(tx, ctx, { volunteerId, capacity: change.capacity });
      case 'pause':
        return pauseVolunteer(tx, ctx, { volunteerId, reason: change.reason });
      case 'end':
        return endVolunteer(tx, ctx, { volunteerId, reason: change.reason });
      case 'resume':
        return resumeVolunteer(tx, ctx, { volunteerId });
    }
  });
}

export class NotInvitableError extends Error {}

/** Invites a ready volunteer without a login to make one (the invitation's email and audit row in one transaction). */
export async function inviteVolunteer(
  ctx: ChangeContext,
  volunteer: { id: string; email: string; status: string; userId: string | null },
  language: Language,
) {
  if (!mayInviteVolunteer(volunteer)) throw new NotInvitableError();
  return db.$transaction((tx) =>
    createInvitation(tx, ctx.request, {
      email: volunteer.email,
      role: 'VOLUNTEER',
      language,
      invitedById: ctx.actorId,
      volunteerId: volunteer.id,
    }),
  );
}
