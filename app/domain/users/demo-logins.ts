import type { Role } from '~/lib/roles';

/** The demo accounts that always exist in demo mode, shown on the login page. */
export const DEMO_PASSWORD = 'brobygger-demo';

export const DEMO_LOGINS: { email: string; role: Role }[] = [
  { email: 'koordinator@brobygger.example', role: 'COORDINATOR' },
  { email: 'frivillig@brobygger.example', role: 'VOLUNTEER' },
  { email: 'kriminalomsorg@brobygger.example', role: 'PROBATION_OFFICER' },
];
