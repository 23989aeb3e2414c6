import { lockKey } from '~/lib/row-lock.server';
import { audit } from '~/lib/audit.server';
import { getSetting } from '~/domain/settings/settings.server';
import { db, type Tx } from '~/lib/db.server';
import { emailCoordinators, enqueueEmail } from '~/lib/email.server';
import type { Language } from '~/lib/i18n';
import { isLimited, minutesUntilFree, recordEvent, type RateLimit } from '~/lib/rate-limit.server';
import type { Application } from './application';

/** Public applications per client address. */
export const APPLY_LIMIT: RateLimit = { bucket: 'apply:ip', max: 5, windowMs: 60 * 60 * 1000 };

/** The youngest a volunteer may be, in years (the programme setting). */
export function minVolunteerAge(): Promise<number> {
  return getSetting(db, 'minVolunteerAge');
}

/** Minutes until the address may apply again, or null when it may now. */
export async function applyingRefusedFor(address: string, now: Date): Promise<number | null> {
  if (!(await isLimited(db, APPLY_LIMIT, address, now))) return null;
  return minutesUntilFree(db, APPLY_LIMIT, address, now);
}

/** A bot's application (its honeypot filled) saves nothing but counts against its address. */
export async function ignoreBotApplication(address: string, now: Date): Promise<void> {
  await recordEvent(db, APPLY_LIMIT, address, now);
}

/** An application from the public form: counted against its address and saved in one transaction. */
export function receiveApplication(
  request: Request | null,
  input: { address: string; application: Application; language: Language; now: Date },
) {
  return db.$transaction(async (tx) => {
    await recordEvent(tx, APPLY_LIMIT, input.address, input.now);
    return submitApplication(tx, request, input);
  });
}

/**
 * Saves an application, confirms it to the applicant and tells every active coordinator,
 * all in the caller's transaction. The same application sent again (a double tap, a resend)
 * while the first is still waiting is that first one, with no second email: the check runs
 * in the write transaction, which holds SQLite's write lock from its start.
 */
async function submitApplication(tx: Tx, request: Request | null, input: { application: Application; language: Language; now: Date }) {
  const { application: a, language, now } = input;
  // PostgreSQL: two submits of one application take turns (SQLite: the write lock already does).
  await lockKey(tx, `volunteer-application:${a.email.toLowerCase()}`);
  const repeat = await tx.volunteerProfile.findFirst({
    where: {
      email: a.email,
      firstName: a.firstName,
      lastName: a.lastName,
      dateOfBirth: a.dateOfBirth,
      status: 'APPLIED',
      anonymisedAt: null,
    },
  });
  if (repeat) return repeat;
  const volunteer = await tx.volunteerProfile.create({
    data: {
      firstName: a.firstName,
      lastName: a.lastName,
      email: a.email,
      phone: a.phone,
      dateOfBirth: a.dateOfBirth,
      gender: a.gender ?? null,
      municipality: a.municipality,
      interests: a.interests,
      languages: a.languages,
      availability: a.availability,
      motivation: a.motivation,
      experience: a.experience ?? null,
      processingConsentAt: now,
      status: 'APPLIED',
      stageChangedAt: now,
    },
  });
  await audit(tx, request, { actorId: null, action: 'CREATE', entityType: 'VOLUNTEER', entityId: volunteer.id });
  await enqueueEmail(tx, {
    to: volunteer.email,
    template: 'volunteer-application-received',
    data: {},
    language,
    idempotencyKey: `volunteer-applied:${volunteer.id}`,
  });
  await emailCoordinators(tx, {
    template: 'volunteer-application-new',
    data: { volunteerId: volunteer.id },
    key: (coordinatorId) => `volunteer-applied:${volunteer.id}:${coordinatorId}`,
  });
  return volunteer;
}
