/** The consent columns consentInForce and the sharing rules read, as a Prisma select. */
export const CONSENT_FIELDS = {
  createdAt: true,
  withdrawnAt: true,
  shareContactWithVolunteer: true,
  sharePlanWithVolunteer: true,
  shareAttendanceWithReferrer: true,
} as const;

export interface ConsentRow {
  createdAt: Date;
  withdrawnAt: Date | null;
  shareContactWithVolunteer: boolean;
  sharePlanWithVolunteer: boolean;
  shareAttendanceWithReferrer: boolean;
}

/** The newest consent that has not been withdrawn, or null: without it nothing is shared. */
export function consentInForce<T extends ConsentRow>(consents: readonly T[]): T | null {
  return (
    consents.filter((consent) => consent.withdrawnAt === null).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0] ?? null
  );
}

/** What the participant and referral pages show of a consent. */
export function consentSummary(
  consent: ConsentRow & { consentDate: string; takenByName: string; smsAllowed?: boolean; volunteerMayText?: boolean },
) {
  return {
    consentDate: consent.consentDate,
    takenByName: consent.takenByName,
    shareContactWithVolunteer: consent.shareContactWithVolunteer,
    sharePlanWithVolunteer: consent.sharePlanWithVolunteer,
    shareAttendanceWithReferrer: consent.shareAttendanceWithReferrer,
    // -- sms (#20): texts from the programme, and from the volunteer through its number.
    smsAllowed: consent.smsAllowed ?? false,
    volunteerMayText: consent.volunteerMayText ?? false,
  };
}
