import { createInvitation } from '~/domain/users/invitations.server';
import type { Db, Tx } from '~/lib/db.server';
import type { Language } from '~/lib/i18n';
import { notFound } from '~/lib/permissions.server';
import { todayInOslo } from '~/lib/time';
import { mayInviteVolunteer } from './volunteer-forms';
import { volunteerPageView } from './volunteer-page';
import { loadVolunteer, type ChangeContext } from './volunteers.server';

/** The coordinator's page of one volunteer; 404 for an unknown or anonymised one. */
export async function volunteerPage(tx: Tx, volunteerId: string) {
  const found = await loadVolunteer(tx, volunteerId);
  if (!found) notFound();
  return volunteerPageView(found, todayInOslo());
}

/** The volunteer a coordinator's change is about: not anonymised, else 404. */
export async function volunteerToChange(db: Db, volunteerId: string) {
  const volunteer = await db.volunteerProfile.findFirst({ where: { id: volunteerId, anonymisedAt: null } });
  if (!volunteer) notFound();
  return volunteer;
}

export class NotInvitableError extends Error {}

/** Invites a ready volunteer without a login to make one (the invitation's email and audit row in one transaction). */
export async function inviteVolunteer(
  db: Db,
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
