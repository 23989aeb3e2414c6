import type { Db } from '~/lib/db.server';
import { loadPlan } from '~/domain/plans/plans.server';
import { hasContent } from '~/domain/plans/plan-content';

/** The participant's identity and contact as referred (the referral page only; emails never carry them). */
export function contactOf(participant: {
  firstName: string;
  lastName: string;
  gender: string | null;
  phone: string | null;
  email: string | null;
}) {
  return {
    firstName: participant.firstName,
    lastName: participant.lastName,
    gender: participant.gender,
    phone: participant.phone,
    email: participant.email,
  };
}

/**
 * The Er-Vil-Kan plan handed over with the referral or made since: its current version, who
 * saved it and when, and the areas that hold something. Null when there is no plan.
 */
export async function handedOverPlan(db: Db, participantId: string) {
  const plan = await loadPlan(db, participantId);
  if (!plan) return null;
  return {
    number: plan.current.number,
    savedAt: plan.current.createdAt.toISOString(),
    savedBy: plan.current.createdBy,
    areas: plan.areas.filter(hasContent),
  };
}
