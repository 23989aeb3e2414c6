import { translator, type Language, type Translate } from './i18n';

/**
 * Email texts. They say what happened and link into the app; they never carry health or
 * criminal-justice details (no notes, no plans). The one name an email carries is a first
 * name in an introduction, sent when a pair becomes active: each side learns the other's.
 * The words are messages (messages/emails.ts), translated and formatted as on every page.
 */
interface TemplateShapes {
  invitation: { role: 'COORDINATOR' | 'VOLUNTEER' | 'PROBATION_OFFICER'; token: string; expiresOn: string };
  /** An item's `lines` carry a coordinator's message in full, so a digest reader misses none of it. */
  digest: { items: { subject: string; path: string; lines?: string[] }[] };
  /** A coordinator's message to selected volunteers (bulk): their own words, checked on the form to hold no participant details. */
  'coordinator-message': { subject: string; body: string };
  'referral-new': { referralId: string };
  'referral-decided': { referralId: string; decision: 'ACCEPTED' | 'WAITLISTED' | 'DECLINED' };
  /** The introduction names the volunteer by first name (rows queued before that carry only the id). */
  'referral-matched': { referralId: string; volunteerFirstName?: string; firstMeeting?: string | null };
  /** Sent when the pair becomes active: names the participant by first name only. */
  'pair-intro-volunteer': { pairId: string; participantFirstName?: string; firstMeeting?: string | null };
  'pair-intro-participant': { volunteerFirstName?: string; firstMeeting?: string | null };
  /** A proposal to answer: no participant details, only a link to /me. */
  'pair-proposal': Record<string, never>;
  'pair-proposal-withdrawn': Record<string, never>;
  'pair-proposal-declined': { participantId: string };
  /** `endDate` is already written out in the recipient's language. */
  'pair-ended-volunteer': { pairId: string; endDate: string };
  'pair-ended-referrer': { referralId: string; endDate: string };
  'referral-withdrawn': { referralId: string };
  'half-year-status': {
    kind: 'start' | 'midpoint';
    halfYear: string;
    /** The Oslo day the figures are from (the dashboard's verdict that day). */
    asOf?: string;
    actual: number;
    target: number;
    /** New pairs expected by that day (target × elapsed share of the half-year). */
    expected?: number;
    rematches?: number;
    rematchesCount?: boolean;
    status: 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK' | 'REACHED';
    previous?: { halfYear: string; actual: number; target: number };
  };
  'volunteer-application-received': Record<string, never>;
  'volunteer-application-new': { volunteerId: string };
  'training-reminder': { courseTitle: string; date: string; time: string; place: string };
  'weekly-digest': { sections: { title: string; lines: string[] }[] };
  'concern-raised': { pairId: string; urgent?: boolean; afterMeeting?: boolean };
  'meeting-reminder': { meetingId: string; when: string };
  'meeting-log-reminder': { meetingId: string };
  'monthly-compliance': { month: string; pairs: number; onTarget: number };
  /** A participant's pulse came back low: no scores and no words, only the pair to open. */
  'participant-pulse-low': { pairId: string };
  // -- sms (#20): the participant answered a reminder, or replied to the volunteer's text.
  'meeting-participant-answer': { meetingId: string; answer: 'CONFIRMED' | 'CANT_COME'; when: string };
  'participant-text-reply': { pairId: string };
  // -- release (#21): a moved release date left planned meetings on the wrong side of it.
  'meetings-need-replan': { pairId: string; count: number };
  // -- first week (#21): a day 0/1/3/7 contact target after release was missed.
  'first-week-contact-missed': { pairId: string; day: 0 | 1 | 3 | 7 };
  // -- services (#21): an item the recipient owns on a services tracker passed its deadline (no item, no name).
  'service-item-overdue': { participantId: string };
}

export type EmailTemplate = keyof TemplateShapes;
export type TemplateData<T extends EmailTemplate> = TemplateShapes[T];

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

interface Draft {
  subject: string;
  lines: string[];
  link?: { path: string; label: string };
  items?: { subject: string; path: string; lines?: string[] }[];
  /** Shown under the item when the email is bundled into a digest. */
  digestLines?: string[];
}

type EmailDraft<T extends EmailTemplate> = (data: TemplateData<T>, t: Translate) => Draft;

const pairLink = (pairId: string, t: Translate) => ({ path: `/pairs/${pairId}`, label: t('email.link.pair') });
const referralLink = (referralId: string, t: Translate) => ({ path: `/referrals/${referralId}`, label: t('email.link.referral') });

function halfYearProgress(data: TemplateData<'half-year-status'>, t: Translate): string {
  const params = { halfYear: data.halfYear, actual: data.actual, target: data.target, track: t(`email.track.${data.status}`) };
  if (data.asOf !== undefined && data.expected !== undefined)
    return t('email.halfYear.progressAsOfExpected', { ...params, asOf: data.asOf, expected: data.expected });
  if (data.asOf !== undefined) return t('email.halfYear.progressAsOf', { ...params, asOf: data.asOf });
  if (data.expected !== undefined) return t('email.halfYear.progressExpected', { ...params, expected: data.expected });
  return t('email.halfYear.progress', params);
}

function concernLine(data: TemplateData<'concern-raised'>, t: Translate): string {
  const afterMeeting = data.afterMeeting !== false;
  if (data.urgent) return t(afterMeeting ? 'email.concern.urgentAfterMeeting' : 'email.concern.urgent');
  return t(afterMeeting ? 'email.concern.afterMeeting' : 'email.concern.line');
}

const drafts: { [T in EmailTemplate]: EmailDraft<T> } = {
  'half-year-status': (data, t) => {
    const rematches = data.rematches ?? 0;
    return {
      subject:
        data.kind === 'start'
          ? t('email.halfYear.startSubject', { halfYear: data.halfYear, target: data.target })
          : t('email.halfYear.midpointSubject', { halfYear: data.halfYear, actual: data.actual, target: data.target }),
      lines: [
        ...(data.previous ? [t('email.halfYear.previous', data.previous)] : []),
        halfYearProgress(data, t),
        ...(rematches > 0
          ? [t(data.rematchesCount ? 'email.halfYear.rematchesCounted' : 'email.halfYear.rematchesNotCounted', { rematches })]
          : []),
        t('email.halfYear.sameFigures'),
      ],
      link: { path: '/dashboard', label: t('email.link.dashboard') },
    };
  },
  'pair-intro-volunteer': (data, t) => {
    const name = data.participantFirstName;
    return {
      subject: name ? t('email.introVolunteer.subjectNamed', { name }) : t('email.introVolunteer.subject'),
      lines: [
        name ? t('email.introVolunteer.named', { name }) : t('email.introVolunteer.unnamed'),
        data.firstMeeting ? t('email.firstMeetingPlanned', { when: data.firstMeeting }) : t('email.introVolunteer.planFirst'),
      ],
      link: pairLink(data.pairId, t),
    };
  },
  'meetings-need-replan': (data, t) => ({
    subject: t('email.replan.subject'),
    lines: [t('email.replan.line', { count: data.count })],
    link: pairLink(data.pairId, t),
  }),
  'pair-intro-participant': (data, t) => ({
    subject: t('email.introParticipant.subject'),
    lines: [
      data.volunteerFirstName ? t('email.introParticipant.named', { name: data.volunteerFirstName }) : t('email.introParticipant.unnamed'),
      data.firstMeeting ? t('email.firstMeetingPlanned', { when: data.firstMeeting }) : t('email.introParticipant.coordinatorPlans'),
    ],
  }),
  'pair-proposal': (_data, t) => ({
    subject: t('email.proposal.subject'),
    lines: [t('email.proposal.line1'), t('email.proposal.line2')],
    link: { path: '/me', label: t('email.proposal.link') },
  }),
  'pair-proposal-withdrawn': (_data, t) => ({
    subject: t('email.proposalWithdrawn.subject'),
    lines: [t('email.proposalWithdrawn.line')],
    link: { path: '/me', label: t('email.proposalWithdrawn.link') },
  }),
  'pair-proposal-declined': (data, t) => ({
    subject: t('email.proposalDeclined.subject'),
    lines: [t('email.proposalDeclined.line')],
    link: { path: `/matching/${data.participantId}`, label: t('email.proposalDeclined.link') },
  }),
  'pair-ended-volunteer': (data, t) => ({
    subject: t('email.pairEndedVolunteer.subject'),
    lines: [t('email.pairEndedVolunteer.line1', { endDate: data.endDate }), t('email.pairEndedVolunteer.line2')],
    link: pairLink(data.pairId, t),
  }),
  'pair-ended-referrer': (data, t) => ({
    subject: t('email.pairEndedReferrer.subject'),
    lines: [t('email.pairEndedReferrer.line', { endDate: data.endDate })],
    link: referralLink(data.referralId, t),
  }),
  'concern-raised': (data, t) => ({
    subject: t(data.urgent ? 'email.concern.subjectUrgent' : 'email.concern.subject'),
    lines: [concernLine(data, t)],
    link: pairLink(data.pairId, t),
  }),
  'meeting-reminder': (data, t) => ({
    subject: t('email.meetingReminder.subject'),
    lines: [t('email.meetingReminder.line', { when: data.when })],
    link: { path: `/meetings/${data.meetingId}`, label: t('email.meetingReminder.link') },
  }),
  'meeting-log-reminder': (data, t) => ({
    subject: t('email.logReminder.subject'),
    lines: [t('email.logReminder.line')],
    link: { path: `/meetings/${data.meetingId}`, label: t('email.logReminder.link') },
  }),
  'meeting-participant-answer': (data, t) => ({
    subject: t(data.answer === 'CONFIRMED' ? 'email.participantAnswer.confirmedSubject' : 'email.participantAnswer.cantComeSubject'),
    lines: [
      t(data.answer === 'CONFIRMED' ? 'email.participantAnswer.confirmedLine' : 'email.participantAnswer.cantComeLine', {
        when: data.when,
      }),
    ],
    link: { path: `/meetings/${data.meetingId}`, label: t('email.participantAnswer.link') },
  }),
  'participant-text-reply': (data, t) => ({
    subject: t('email.textReply.subject'),
    lines: [t('email.textReply.line')],
    link: { path: `/pairs/${data.pairId}#texts-title`, label: t('email.textReply.link') },
  }),
  'participant-pulse-low': (data, t) => ({
    subject: t('email.pulseLow.subject'),
    lines: [t('email.pulseLow.line')],
    link: pairLink(data.pairId, t),
  }),
  'first-week-contact-missed': (data, t) => ({
    subject: t('email.firstWeekMissed.subject', { day: data.day }),
    lines: [t('email.firstWeekMissed.line', { day: data.day })],
    link: pairLink(data.pairId, t),
  }),
  'service-item-overdue': (data, t) => ({
    subject: t('email.serviceOverdue.subject'),
    lines: [t('email.serviceOverdue.line')],
    link: { path: `/participants/${data.participantId}/services`, label: t('email.serviceOverdue.link') },
  }),
  'monthly-compliance': (data, t) => ({
    subject: t('email.compliance.subject', data),
    lines: [t('email.compliance.line', data)],
    link: { path: '/pairs', label: t('email.compliance.link') },
  }),
  'referral-new': (data, t) => ({
    subject: t('email.referralNew.subject'),
    lines: [t('email.referralNew.line')],
    link: { path: `/referrals/${data.referralId}`, label: t('email.referralNew.link') },
  }),
  'referral-decided': (data, t) => {
    const decision = t(`email.decision.${data.decision}`);
    return {
      subject: t('email.referralDecided.subject', { decision }),
      lines: [t('email.referralDecided.line', { decision })],
      link: referralLink(data.referralId, t),
    };
  },
  'referral-matched': (data, t) => ({
    subject: t('email.referralMatched.subject'),
    lines: [
      data.volunteerFirstName ? t('email.referralMatched.named', { name: data.volunteerFirstName }) : t('email.referralMatched.unnamed'),
      ...(data.firstMeeting ? [t('email.referralMatched.firstMeeting', { when: data.firstMeeting })] : []),
    ],
    link: referralLink(data.referralId, t),
  }),
  'referral-withdrawn': (data, t) => ({
    subject: t('email.referralWithdrawn.subject'),
    lines: [t('email.referralWithdrawn.line')],
    link: referralLink(data.referralId, t),
  }),
  'volunteer-application-received': (_data, t) => ({
    subject: t('email.applicationReceived.subject'),
    lines: [t('email.applicationReceived.line1'), t('email.applicationReceived.line2')],
  }),
  'volunteer-application-new': (data, t) => ({
    subject: t('email.applicationNew.subject'),
    lines: [t('email.applicationNew.line')],
    link: { path: `/volunteers/${data.volunteerId}`, label: t('email.applicationNew.link') },
  }),
  'training-reminder': (data, t) => ({
    subject: t('email.training.subject', { date: data.date }),
    lines: [t('email.training.line', { course: data.courseTitle, date: data.date, time: data.time, place: data.place })],
  }),
  'weekly-digest': (data, t) => ({
    subject: t('email.weeklyDigest.subject'),
    lines: data.sections.flatMap((section) => [`${section.title}:`, ...section.lines.map((line) => `– ${line}`)]),
    link: { path: '/dashboard', label: t('email.link.dashboard') },
  }),
  invitation: (data, t) => ({
    subject: t('email.invitation.subject'),
    lines: [
      t('email.invitation.line1', { role: t(`email.role.${data.role}`) }),
      t('email.invitation.line2', { expiresOn: data.expiresOn }),
    ],
    link: { path: `/invite/${data.token}`, label: t('email.invitation.link') },
  }),
  'coordinator-message': (data, t) => {
    const lines = data.body.split(/\r?\n/).filter((line) => line.trim() !== '');
    return {
      subject: t('email.coordinatorMessage.subject', { subject: data.subject }),
      lines: [t('email.coordinatorMessage.intro'), ...lines],
      link: { path: '/me', label: t('email.coordinatorMessage.link') },
      digestLines: lines,
    };
  },
  digest: (data, t) => ({
    subject: t(data.items.length === 1 ? 'email.digest.subjectOne' : 'email.digest.subjectMany', { count: data.items.length }),
    lines: [t('email.digest.intro')],
    items: data.items,
  }),
};

function draftOf<T extends EmailTemplate>(template: T, data: TemplateData<T>, language: Language): Draft {
  return (drafts[template] as EmailDraft<T>)(data, translator(language));
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function renderEmail<T extends EmailTemplate>(
  template: T,
  data: TemplateData<T>,
  language: Language,
  publicUrl: string,
): RenderedEmail {
  const draft = draftOf(template, data, language);
  const url = (path: string) => new URL(path, publicUrl).toString();
  const footer = translator(language)('email.footer');
  const text = [
    ...draft.lines,
    ...(draft.items ?? []).flatMap((item) => [`- ${item.subject}: ${url(item.path)}`, ...(item.lines ?? []).map((line) => `  ${line}`)]),
    ...(draft.link ? [`${draft.link.label}: ${url(draft.link.path)}`] : []),
    '',
    footer,
  ].join('\n');
  const html = [
    ...draft.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    draft.items?.length
      ? `<ul>${draft.items
          .map(
            (item) =>
              `<li><a href="${escapeHtml(url(item.path))}">${escapeHtml(item.subject)}</a>${(item.lines ?? []).map((line) => `<br>${escapeHtml(line)}`).join('')}</li>`,
          )
          .join('')}</ul>`
      : '',
    draft.link ? `<p><a href="${escapeHtml(url(draft.link.path))}">${escapeHtml(draft.link.label)}</a></p>` : '',
    `<p style="color:#555">${escapeHtml(footer)}</p>`,
  ].join('\n');
  return { subject: draft.subject, text, html };
}

/** One line for the daily digest: the email's subject and where its link goes. */
export function summarizeEmail<T extends EmailTemplate>(
  template: T,
  data: TemplateData<T>,
  language: Language,
): { subject: string; path: string; lines?: string[] } {
  const draft = draftOf(template, data, language);
  return { subject: draft.subject, path: draft.link?.path ?? '/', ...(draft.digestLines ? { lines: draft.digestLines } : {}) };
}
