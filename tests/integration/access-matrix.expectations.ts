/**
 * The access matrix: what every route answers each kind of visitor, reading (GET loader) and
 * writing (POST action with the minimal body below). tests/integration/access-matrix.test.ts
 * reads app/routes/ and fails for any route module, loader or action missing here.
 *
 * Cells are in the order of VISITORS: anonymous, coordinator, the pair's volunteer, another
 * volunteer, the referring probation officer, another probation officer. 'ok' is a 2xx answer, 'redirect' a redirect elsewhere
 * than the sign-in page (a write that succeeded, or a page that sends its visitor home).
 */
import type { WorldKey } from '../support/access-world';

export type Outcome = 'ok' | 'redirect' | 'redirect-login' | 400 | 403 | 404;
/** One outcome per visitor, in the order of VISITORS (tests/support/access-world.ts). */
export type Cells = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

export interface RouteExpectation {
  params?: Record<string, WorldKey>;
  loader?: Cells;
  action?: Cells;
  /** The minimal body of the write; empty by default. */
  body?: Record<string, string>;
}

const L = 'redirect-login';

export const EXPECTATIONS: Record<string, RouteExpectation> = {
  // Public and session routes.
  _index: { loader: [L, 'redirect', 'redirect', 'redirect', 'redirect', 'redirect'] },
  login: { loader: ['ok', 'redirect', 'redirect', 'redirect', 'redirect', 'redirect'], action: [400, 400, 400, 400, 400, 400] },
  logout: { loader: ['redirect', 'redirect', 'redirect', 'redirect', 'redirect', 'redirect'], action: [L, L, L, L, L, L] },
  language: {
    loader: ['redirect', 'redirect', 'redirect', 'redirect', 'redirect', 'redirect'],
    action: ['redirect', 'redirect', 'redirect', 'redirect', 'redirect', 'redirect'],
  },
  healthz: { loader: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok'] },
  apply: { loader: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok'], action: [400, 400, 400, 400, 400, 400] },
  'invite.$token': { params: { token: 'badToken' }, loader: [404, 404, 404, 404, 404, 404], action: [400, 400, 400, 400, 400, 400] },
  'calendar.$token': { params: { token: 'badCalendarToken' }, loader: [404, 404, 404, 404, 404, 404] },
  // The participant's personal links: no account; an unknown token is the friendly 404 page.
  'p.$token': { params: { token: 'badToken' }, loader: [404, 404, 404, 404, 404, 404], action: [404, 404, 404, 404, 404, 404] },
  'p.done': {},
  account: { loader: [L, 'ok', 'ok', 'ok', 'ok', 'ok'], action: [L, 400, 400, 400, 400, 400] },
  // The second sign-in step: everyone here has passed it (or never needed it), so it sends them home.
  'login_.two-factor': {
    loader: [L, 'redirect', 'redirect', 'redirect', 'redirect', 'redirect'],
    action: [L, 'redirect', 'redirect', 'redirect', 'redirect', 'redirect'],
  },
  'account_.two-factor': { loader: [L, 'ok', 403, 403, 403, 403], action: [L, 400, 403, 403, 403, 403] },

  // Coordinator only.
  dashboard: { loader: [L, 'ok', 403, 403, 403, 403], action: [L, 400, 403, 403, 403, 403] },
  mailbox: { loader: [L, 'ok', 403, 403, 403, 403] },
  texts: { loader: [L, 'ok', 403, 403, 403, 403], action: [L, 400, 403, 403, 403, 403] },
  audit: { loader: [L, 'ok', 403, 403, 403, 403] },
  'participants_.$id_.export[.]json': { params: { id: 'participant' }, loader: [L, 'ok', 403, 403, 403, 403] },
  'volunteers._index': { loader: [L, 'ok', 403, 403, 403, 403] },
  'volunteers.bulk': { loader: [L, 'ok', 403, 403, 403, 403], action: [L, 400, 403, 403, 403, 403] },
  'pairs.bulk': { loader: [L, 'ok', 403, 403, 403, 403], action: [L, 400, 403, 403, 403, 403] },
  'volunteers.$id': { params: { id: 'pairVolunteerProfile' }, loader: [L, 'ok', 403, 403, 403, 403], action: [L, 400, 403, 403, 403, 403] },
  'training._index': { loader: [L, 'ok', 403, 403, 403, 403], action: [L, 400, 403, 403, 403, 403] },
  'training.$id': { params: { id: 'course' }, loader: [L, 'ok', 403, 403, 403, 403], action: [L, 400, 403, 403, 403, 403] },
  'matching._index': { loader: [L, 'ok', 403, 403, 403, 403], action: [L, 400, 403, 403, 403, 403] },
  'matching.$participantId': {
    params: { participantId: 'waitingParticipant' },
    loader: [L, 'ok', 403, 403, 403, 403],
    action: [L, 400, 403, 403, 403, 403],
  },
  'reports._index': { loader: [L, 'ok', 403, 403, 403, 403] },
  'reports.funder[.]csv': { loader: [L, 'ok', 403, 403, 403, 403] },
  'reports.funder[.]xlsx': { loader: [L, 'ok', 403, 403, 403, 403] },
  settings: { loader: [L, 'ok', 403, 403, 403, 403], action: [L, 400, 403, 403, 403, 403] },
  'settings_.costs': { loader: [L, 'ok', 403, 403, 403, 403], action: [L, 400, 403, 403, 403, 403] },
  users: { loader: [L, 'ok', 403, 403, 403, 403], action: [L, 400, 403, 403, 403, 403] },
  'pairs.$id_.links.$linkId': { params: { id: 'pair', linkId: 'participantLink' }, loader: [L, 'ok', 403, 403, 403, 403] },
  'pairs.$id_.close': { params: { id: 'pair' }, loader: [L, 'ok', 403, 403, 403, 403], action: [L, 400, 403, 403, 403, 403] },
  'pairs.$id_.hold': { params: { id: 'pair' }, loader: [L, 'ok', 403, 403, 403, 403], action: [L, 400, 403, 403, 403, 403] },
  'participants.$id._index': { params: { id: 'participant' }, loader: [L, 'ok', 403, 403, 403, 403], action: [L, 400, 403, 403, 403, 403] },

  // Referrals: the coordinator and the referring officer.
  'referrals._index': { loader: [L, 'ok', 403, 403, 'ok', 'ok'] },
  // The one search: the coordinator finds everything, an officer their own referrals (search-scope.test.ts).
  search: { loader: [L, 'ok', 403, 403, 'ok', 'ok'] },
  'referrals.new': { loader: [L, 'ok', 403, 403, 'ok', 'ok'], action: [L, 400, 403, 403, 400, 400] },
  'referrals.$id': { params: { id: 'referral' }, loader: [L, 'ok', 403, 403, 'ok', 404], action: [L, 400, 403, 403, 403, 403] },
  // Only the referring officer withdraws their own referral; the coordinator changes status on the participant page.
  'referrals.$id_.withdraw': { params: { id: 'referral' }, loader: [L, 403, 403, 403, 'ok', 404], action: [L, 403, 403, 403, 400, 404] },

  // Pairs and meetings: the coordinator and the pair's volunteer.
  me: { loader: [L, 403, 'ok', 'ok', 403, 403], action: [L, 403, 400, 400, 403, 403] },
  // A proposal is answered by its own volunteer only; the stranger volunteer's answer is a 404.
  'me_.proposals.$pairId': { params: { pairId: 'proposal' }, loader: [L, 403, 'ok', 404, 403, 403], action: [L, 403, 400, 404, 403, 403] },
  'pairs._index': { loader: [L, 'ok', 'ok', 'ok', 403, 403] },
  'pairs.$id': { params: { id: 'pair' }, loader: [L, 'ok', 'ok', 404, 403, 403], action: [L, 400, 403, 403, 403, 403] },
  'pairs.$id_.plan': { params: { id: 'pair' }, loader: [L, 403, 'ok', 404, 403, 403], action: [L, 403, 400, 404, 403, 403] },
  'pairs.$id_.concern': { params: { id: 'pair' }, loader: [L, 'ok', 'ok', 404, 403, 403], action: [L, 400, 400, 404, 403, 403] },
  // -- sms (#20): only the pair's volunteer writes a text; the coordinator reads the thread on the pair page.
  'pairs.$id_.texts': { params: { id: 'pair' }, loader: [L, 403, 'ok', 404, 403, 403], action: [L, 403, 400, 404, 403, 403] },
  'meetings.$id': { params: { id: 'meeting' }, loader: [L, 'ok', 'ok', 404, 403, 403], action: [L, 403, 400, 404, 403, 403] },
  'meetings.$id_.calendar[.ics]': { params: { id: 'meeting' }, loader: [L, 'ok', 'ok', 404, 403, 403] },

  // The plan: coordinator, the pair's volunteer (read, with consent) and the referring officer.
  'participants_.$id_.plan._index': {
    params: { id: 'participant' },
    loader: [L, 'ok', 'ok', 404, 'ok', 404],
    action: [L, 400, 403, 403, 400, 404],
  },
  'participants_.$id_.plan.handover': { params: { id: 'participant' }, loader: [L, 'ok', 403, 403, 'ok', 404] },
  // Release dates (#21): the coordinator and the referring officer.
  'participants_.$id_.release': {
    params: { id: 'participant' },
    loader: [L, 'ok', 403, 403, 'ok', 404],
    action: [L, 400, 403, 403, 400, 404],
  },
  // The services tracker (#21): the coordinator, the pair's volunteer and the referring officer (each updates only the items they own).
  'participants_.$id_.services': {
    params: { id: 'participant' },
    loader: [L, 'ok', 'ok', 404, 'ok', 404],
    action: [L, 400, 400, 404, 400, 404],
  },
};
