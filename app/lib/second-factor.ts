/** What a signed-in user must do before the app opens: pass the second factor, set it up, or nothing. */
export type SecondFactorStep = 'verify' | 'setup' | null;

export const SECOND_FACTOR_PATHS: Record<Exclude<SecondFactorStep, null>, string> = {
  verify: '/login/two-factor',
  setup: '/account/two-factor',
};

/**
 * Coordinators with a second factor pass it once per session. Outside demo mode a coordinator
 * without one must set it up first; in demo mode the demo coordinator signs in with the password.
 */
export function secondFactorStep(
  user: { role: string; totpEnabledAt: Date | null },
  session: { verifiedAt: Date | null },
  demoMode: boolean,
): SecondFactorStep {
  if (user.role !== 'COORDINATOR') return null;
  if (user.totpEnabledAt) return session.verifiedAt ? null : 'verify';
  return demoMode ? null : 'setup';
}
