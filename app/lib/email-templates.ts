import { formatHalfYear, formatNumber, formatParam } from './format';
import type { Language } from './i18n';
import { formatDate } from './time';

/**
 * Email texts. They say what happened and link into the app; they never carry health or
 * criminal-justice details (no notes, no plans). The one name an email carries is a first
 * name in an introduction, sent when a pair becomes active: each side learns the other's.
 */
interface TemplateShapes {
  invitation: { role: 'COORDINATOR' | 'VOLUNTEER' | 'PROBATION_OFFICER'; token: string; expiresOn: string };
  digest: { items: { subject: string; path: string }[] };
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
  // -- sms (#20): the participant answered a reminder, or replied to the volunteer's text.
  'meeting-participant-answer': { meetingId: string; answer: 'CONFIRMED' | 'CANT_COME'; when: string };
  'participant-text-reply': { pairId: string };
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
  items?: { subject: string; path: string }[];
}

const ROLE_NAMES: Record<Language, Record<TemplateData<'invitation'>['role'], string>> = {
  nb: { COORDINATOR: 'koordinator', VOLUNTEER: 'frivillig', PROBATION_OFFICER: 'kontakt i kriminalomsorgen' },
  en: { COORDINATOR: 'coordinator', VOLUNTEER: 'volunteer', PROBATION_OFFICER: 'probation officer' },
};

const DECISION_WORDS: Record<Language, Record<TemplateData<'referral-decided'>['decision'], string>> = {
  nb: { ACCEPTED: 'akseptert', WAITLISTED: 'satt på venteliste', DECLINED: 'avslått' },
  en: { ACCEPTED: 'accepted', WAITLISTED: 'waitlisted', DECLINED: 'declined' },
};

const TRACK_WORDS: Record<Language, Record<TemplateData<'half-year-status'>['status'], string>> = {
  nb: { ON_TRACK: 'i rute', AT_RISK: 'bak skjema, men målet kan fortsatt nås', OFF_TRACK: 'bak skjema', REACHED: 'målet er nådd' },
  en: { ON_TRACK: 'on track', AT_RISK: 'behind, but the target is still within reach', OFF_TRACK: 'behind', REACHED: 'the target is reached' },
};

const drafts: { [T in EmailTemplate]: (data: TemplateData<T>, language: Language) => Draft } = {
  'half-year-status': (data, language) => {
    const link = { path: '/dashboard', label: language === 'en' ? 'Open the dashboard' : 'Åpne oversikten' };
    const half = (key: string) => formatHalfYear(key, language);
    const asOf = data.asOf ? formatDate(data.asOf, language) : null;
    const rematches = data.rematches ?? 0;
    if (language === 'en') {
      return {
        subject: data.kind === 'start' ? `The ${half(data.halfYear)} has begun: target ${data.target} pairs` : `Half-way through the ${half(data.halfYear)}: ${data.actual} of ${data.target} pairs`,
        lines: [
          ...(data.previous ? [`The ${half(data.previous.halfYear)} ended with ${data.previous.actual} new pairs (target ${data.previous.target}).`] : []),
          `${asOf ? `As of ${asOf}, the ` : 'The '}${half(data.halfYear)}: ${data.actual} of ${data.target} new active pairs so far${data.expected !== undefined ? `, ${formatNumber(data.expected, 'en')} expected by now` : ''} — ${TRACK_WORDS.en[data.status]}.`,
          ...(rematches > 0 ? [`${rematches} re-matches ${data.rematchesCount ? 'are counted among them' : 'are not counted as new pairs'}.`] : []),
          'The dashboard shows the same figures.',
        ],
        link,
      };
    }
    return {
      subject: data.kind === 'start' ? `${half(data.halfYear)} er i gang: mål ${data.target} par` : `Halvveis i ${half(data.halfYear)}: ${data.actual} av ${data.target} par`,
      lines: [
        ...(data.previous ? [`${half(data.previous.halfYear)} endte med ${data.previous.actual} nye par (mål ${data.previous.target}).`] : []),
        `${asOf ? `Per ${asOf}, ` : ''}${half(data.halfYear)}: ${data.actual} av ${data.target} nye aktive par så langt${data.expected !== undefined ? `, ${formatNumber(data.expected, 'nb')} forventet hittil` : ''} – ${TRACK_WORDS.nb[data.status]}.`,
        ...(rematches > 0 ? [`${rematches} nye matcher av tidligere deltakere ${data.rematchesCount ? 'er regnet med' : 'er ikke regnet som nye par'}.`] : []),
        'Oversikten viser de samme tallene.',
      ],
      link,
    };
  },
  'pair-intro-volunteer': (data, language) =>
    language === 'en'
      ? {
          subject: data.participantFirstName ? `Meet ${data.participantFirstName}: your pair has started` : 'Your pair has started',
          lines: [
            data.participantFirstName
              ? `You accepted, and you are now the volunteer of ${data.participantFirstName}.`
              : 'You are now the volunteer of a young person in Brobygger.',
            data.firstMeeting ? `Your first meeting is planned for ${data.firstMeeting}.` : 'Plan your first meeting in the app; the coordinator can help.',
          ],
          link: { path: `/pairs/${data.pairId}`, label: 'Open the pair' },
        }
      : {
          subject: data.participantFirstName ? `Møt ${data.participantFirstName}: paret deres er i gang` : 'Paret deres er i gang',
          lines: [
            data.participantFirstName
              ? `Du har takket ja, og du er nå frivillig for ${data.participantFirstName}.`
              : 'Du er nå frivillig for en ung person i Brobygger.',
            data.firstMeeting ? `Det første møtet er planlagt ${data.firstMeeting}.` : 'Planlegg det første møtet i appen; koordinatoren kan hjelpe.',
          ],
          link: { path: `/pairs/${data.pairId}`, label: 'Åpne paret' },
        },
  'pair-intro-participant': (data, language) =>
    language === 'en'
      ? {
          subject: 'You have a volunteer in Brobygger',
          lines: [
            data.volunteerFirstName
              ? `${data.volunteerFirstName}, a volunteer from Brobygger, is looking forward to meeting you.`
              : 'A volunteer from Brobygger is ready to meet you.',
            data.firstMeeting ? `Your first meeting is planned for ${data.firstMeeting}.` : 'The coordinator will be in touch to plan the first meeting.',
          ],
        }
      : {
          subject: 'Du har fått en frivillig i Brobygger',
          lines: [
            data.volunteerFirstName
              ? `${data.volunteerFirstName}, en frivillig fra Brobygger, gleder seg til å møte deg.`
              : 'En frivillig fra Brobygger gleder seg til å møte deg.',
            data.firstMeeting ? `Det første møtet er planlagt ${data.firstMeeting}.` : 'Koordinatoren tar kontakt for å avtale det første møtet.',
          ],
        },
  'pair-proposal': (_data, language) =>
    language === 'en'
      ? {
          subject: 'You have a proposal to answer',
          lines: ['The coordinator proposes that you become the volunteer of a young person in Brobygger.', 'Read the proposal and answer it in the app.'],
          link: { path: '/me', label: 'Answer the proposal' },
        }
      : {
          subject: 'Du har et forslag å svare på',
          lines: ['Koordinatoren foreslår at du blir frivillig for en ung person i Brobygger.', 'Les forslaget og svar på det i appen.'],
          link: { path: '/me', label: 'Svar på forslaget' },
        },
  'pair-proposal-withdrawn': (_data, language) =>
    language === 'en'
      ? {
          subject: 'A proposal has been withdrawn',
          lines: ['The coordinator has withdrawn the proposal you were asked to answer. You do not need to do anything.'],
          link: { path: '/me', label: 'Open Brobygger' },
        }
      : {
          subject: 'Et forslag er trukket',
          lines: ['Koordinatoren har trukket forslaget du ble bedt om å svare på. Du trenger ikke gjøre noe.'],
          link: { path: '/me', label: 'Åpne Brobygger' },
        },
  'pair-proposal-declined': (data, language) =>
    language === 'en'
      ? {
          subject: 'A volunteer has declined a proposal',
          lines: ['A volunteer has declined a proposed pair. The participant is back on the waiting list.'],
          link: { path: `/matching/${data.participantId}`, label: 'See the suggestions' },
        }
      : {
          subject: 'En frivillig har takket nei til et forslag',
          lines: ['En frivillig har takket nei til et foreslått par. Deltakeren står på ventelisten igjen.'],
          link: { path: `/matching/${data.participantId}`, label: 'Se forslagene' },
        },
  'pair-ended-volunteer': (data, language) =>
    language === 'en'
      ? {
          subject: 'Your mentoring pair in Brobygger has ended',
          lines: [
            `The coordinator has ended your pair in Brobygger, from ${data.endDate}.`,
            'Meetings that were still planned have been cancelled. Thank you for your time as a volunteer.',
          ],
          link: { path: `/pairs/${data.pairId}`, label: 'Open the pair' },
        }
      : {
          subject: 'Paret ditt i Brobygger er avsluttet',
          lines: [
            `Koordinatoren har avsluttet paret ditt i Brobygger, fra ${data.endDate}.`,
            'Møter som fortsatt var planlagt, er avlyst. Takk for innsatsen som frivillig.',
          ],
          link: { path: `/pairs/${data.pairId}`, label: 'Åpne paret' },
        },
  'pair-ended-referrer': (data, language) =>
    language === 'en'
      ? {
          subject: 'A mentoring pair has ended',
          lines: [`The mentoring for a participant you referred has ended, from ${data.endDate}.`],
          link: { path: `/referrals/${data.referralId}`, label: 'See the referral' },
        }
      : {
          subject: 'Et par i Brobygger er avsluttet',
          lines: [`Oppfølgingen av en deltaker du har henvist er avsluttet, fra ${data.endDate}.`],
          link: { path: `/referrals/${data.referralId}`, label: 'Se henvisningen' },
        },
  'concern-raised': (data, language) =>
    language === 'en'
      ? {
          subject: data.urgent ? 'URGENT: a volunteer has raised a concern' : 'A volunteer has raised a concern',
          lines: [
            `A volunteer has raised ${data.urgent ? 'an urgent concern' : 'a concern'}${data.afterMeeting === false ? '' : ' after a meeting'}. Please read it and follow up${data.urgent ? ' now' : ''}.`,
          ],
          link: { path: `/pairs/${data.pairId}`, label: 'Open the pair' },
        }
      : {
          subject: data.urgent ? 'HASTER: En frivillig har meldt en bekymring' : 'En frivillig har meldt en bekymring',
          lines: [
            `En frivillig har meldt en ${data.urgent ? 'akutt bekymring' : 'bekymring'}${data.afterMeeting === false ? '' : ' etter et møte'}. Les den og følg opp${data.urgent ? ' nå' : ''}.`,
          ],
          link: { path: `/pairs/${data.pairId}`, label: 'Åpne paret' },
        },
  'meeting-reminder': (data, language) =>
    language === 'en'
      ? {
          subject: 'Reminder: meeting tomorrow',
          lines: [`You have a meeting ${data.when}.`],
          link: { path: `/meetings/${data.meetingId}`, label: 'See the meeting' },
        }
      : {
          subject: 'Påminnelse: møte i morgen',
          lines: [`Du har et møte ${data.when}.`],
          link: { path: `/meetings/${data.meetingId}`, label: 'Se møtet' },
        },
  'meeting-participant-answer': (data, language) =>
    language === 'en'
      ? {
          subject: data.answer === 'CONFIRMED' ? 'Your participant is coming to the meeting' : 'Your participant cannot come to the meeting',
          lines: [data.answer === 'CONFIRMED' ? `The participant confirmed the meeting ${data.when}.` : `The participant answered that they cannot come ${data.when}.`],
          link: { path: `/meetings/${data.meetingId}`, label: 'See the meeting' },
        }
      : {
          subject: data.answer === 'CONFIRMED' ? 'Deltakeren kommer på møtet' : 'Deltakeren kan ikke komme på møtet',
          lines: [data.answer === 'CONFIRMED' ? `Deltakeren har bekreftet møtet ${data.when}.` : `Deltakeren har svart at hen ikke kan komme ${data.when}.`],
          link: { path: `/meetings/${data.meetingId}`, label: 'Se møtet' },
        },
  'participant-text-reply': (data, language) =>
    language === 'en'
      ? {
          subject: 'Your participant replied to your text',
          lines: ['Your participant has answered your text message. Read it on the pair page.'],
          link: { path: `/pairs/${data.pairId}#texts-title`, label: 'Read the reply' },
        }
      : {
          subject: 'Deltakeren har svart på SMS-en din',
          lines: ['Deltakeren har svart på tekstmeldingen din. Les svaret på parsiden.'],
          link: { path: `/pairs/${data.pairId}#texts-title`, label: 'Les svaret' },
        },
  'meeting-log-reminder': (data, language) =>
    language === 'en'
      ? {
          subject: 'How did the meeting go?',
          lines: ['A meeting from yesterday has not been logged yet. It takes less than a minute.'],
          link: { path: `/meetings/${data.meetingId}`, label: 'Log the meeting' },
        }
      : {
          subject: 'Hvordan gikk møtet?',
          lines: ['Et møte fra i går er ikke logget ennå. Det tar under et minutt.'],
          link: { path: `/meetings/${data.meetingId}`, label: 'Logg møtet' },
        },
  'monthly-compliance': (data, language) =>
    language === 'en'
      ? {
          subject: `Meetings in ${formatParam(data.month, 'en')}: ${data.onTarget} of ${data.pairs} pairs on target`,
          lines: [`In ${formatParam(data.month, 'en')}, ${data.onTarget} of ${data.pairs} active pairs reached their meeting target.`],
          link: { path: '/pairs', label: 'See the pairs' },
        }
      : {
          subject: `Møter i ${formatParam(data.month, 'nb')}: ${data.onTarget} av ${data.pairs} par nådde målet`,
          lines: [`I ${formatParam(data.month, 'nb')} nådde ${data.onTarget} av ${data.pairs} aktive par månedens mål for møter.`],
          link: { path: '/pairs', label: 'Se parene' },
        },
  'referral-new': (data, language) =>
    language === 'en'
      ? {
          subject: 'New referral to Brobygger',
          lines: ['A new referral has arrived and is waiting for your review.'],
          link: { path: `/referrals/${data.referralId}`, label: 'Open the referral' },
        }
      : {
          subject: 'Ny henvisning til Brobygger',
          lines: ['En ny henvisning har kommet inn og venter på vurdering.'],
          link: { path: `/referrals/${data.referralId}`, label: 'Åpne henvisningen' },
        },
  'referral-decided': (data, language) =>
    language === 'en'
      ? {
          subject: `Your referral has been ${DECISION_WORDS.en[data.decision]}`,
          lines: [`The coordinator has ${DECISION_WORDS.en[data.decision]} a referral you made.`],
          link: { path: `/referrals/${data.referralId}`, label: 'See the referral' },
        }
      : {
          subject: `Henvisningen din er ${DECISION_WORDS.nb[data.decision]}`,
          lines: [`Koordinatoren har ${DECISION_WORDS.nb[data.decision]} en henvisning du har sendt.`],
          link: { path: `/referrals/${data.referralId}`, label: 'Se henvisningen' },
        },
  'referral-matched': (data, language) =>
    language === 'en'
      ? {
          subject: 'A volunteer has been found',
          lines: [
            data.volunteerFirstName
              ? `A participant you referred now has a volunteer, ${data.volunteerFirstName}, and their meetings can begin.`
              : 'A participant you referred now has a volunteer, and their meetings can begin.',
            ...(data.firstMeeting ? [`The first meeting is planned for ${data.firstMeeting}.`] : []),
          ],
          link: { path: `/referrals/${data.referralId}`, label: 'See the referral' },
        }
      : {
          subject: 'En frivillig er funnet',
          lines: [
            data.volunteerFirstName
              ? `En deltaker du har henvist har fått en frivillig, ${data.volunteerFirstName}, og møtene kan begynne.`
              : 'En deltaker du har henvist har fått en frivillig, og møtene kan begynne.',
            ...(data.firstMeeting ? [`Det første møtet er planlagt ${data.firstMeeting}.`] : []),
          ],
          link: { path: `/referrals/${data.referralId}`, label: 'Se henvisningen' },
        },
  'referral-withdrawn': (data, language) =>
    language === 'en'
      ? {
          subject: 'A referral has been withdrawn',
          lines: ['The probation officer has withdrawn a referral that was waiting for your review. Nothing more needs doing with it.'],
          link: { path: `/referrals/${data.referralId}`, label: 'See the referral' },
        }
      : {
          subject: 'En henvisning er trukket tilbake',
          lines: ['Kriminalomsorgen har trukket tilbake en henvisning som ventet på vurdering. Du trenger ikke gjøre mer med den.'],
          link: { path: `/referrals/${data.referralId}`, label: 'Se henvisningen' },
        },
  'volunteer-application-received': (_data, language) =>
    language === 'en'
      ? {
          subject: 'Thank you for applying to be a volunteer',
          lines: [
            'We have received your application to become a volunteer mentor.',
            'A coordinator will contact you to arrange an interview.',
          ],
        }
      : {
          subject: 'Takk for søknaden om å bli frivillig',
          lines: [
            'Vi har mottatt søknaden din om å bli frivillig mentor.',
            'En koordinator tar kontakt med deg for å avtale en samtale.',
          ],
        },
  'volunteer-application-new': (data, language) =>
    language === 'en'
      ? {
          subject: 'New volunteer application',
          lines: ['Someone has applied to become a volunteer.'],
          link: { path: `/volunteers/${data.volunteerId}`, label: 'Open the application' },
        }
      : {
          subject: 'Ny søknad fra frivillig',
          lines: ['Noen har søkt om å bli frivillig.'],
          link: { path: `/volunteers/${data.volunteerId}`, label: 'Åpne søknaden' },
        },
  'training-reminder': (data, language) =>
    language === 'en'
      ? {
          subject: `Reminder: training on ${formatParam(data.date, 'en')}`,
          lines: [`You are enrolled in "${data.courseTitle}". The next session is on ${formatParam(data.date, 'en')} at ${data.time}, at ${data.place}.`],
        }
      : {
          subject: `Påminnelse: opplæring ${formatParam(data.date, 'nb')}`,
          lines: [`Du er påmeldt «${data.courseTitle}». Neste samling er ${formatParam(data.date, 'nb')} klokka ${data.time}, på ${data.place}.`],
        },
  'weekly-digest': (data, language) => ({
    subject: language === 'en' ? 'Brobygger: your week ahead' : 'Brobygger: uka som kommer',
    lines: data.sections.flatMap((section) => [`${section.title}:`, ...section.lines.map((line) => `– ${line}`)]),
    link: { path: '/dashboard', label: language === 'en' ? 'Open the dashboard' : 'Åpne oversikten' },
  }),
  invitation: (data, language) =>
    language === 'en'
      ? {
          subject: 'Your invitation to Brobygger',
          lines: [
            `You have been invited to Brobygger as ${ROLE_NAMES.en[data.role]}.`,
            `Choose your name and password with the link below. It works once, until ${formatParam(data.expiresOn, 'en')}.`,
          ],
          link: { path: `/invite/${data.token}`, label: 'Accept the invitation' },
        }
      : {
          subject: 'Invitasjon til Brobygger',
          lines: [
            `Du er invitert til Brobygger som ${ROLE_NAMES.nb[data.role]}.`,
            `Velg navn og passord med lenken under. Den virker én gang, til og med ${formatParam(data.expiresOn, 'nb')}.`,
          ],
          link: { path: `/invite/${data.token}`, label: 'Ta imot invitasjonen' },
        },
  digest: (data, language) =>
    language === 'en'
      ? {
          subject: `Brobygger: ${data.items.length} new ${data.items.length === 1 ? 'message' : 'messages'} today`,
          lines: ['Here is what happened since your last summary:'],
          items: data.items,
        }
      : {
          subject: `Brobygger: ${data.items.length} ${data.items.length === 1 ? 'ny melding' : 'nye meldinger'} i dag`,
          lines: ['Dette har skjedd siden forrige oppsummering:'],
          items: data.items,
        },
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function renderEmail<T extends EmailTemplate>(
  template: T,
  data: TemplateData<T>,
  language: Language,
  publicUrl: string,
): RenderedEmail {
  const draft = (drafts[template] as (data: TemplateData<T>, language: Language) => Draft)(data, language);
  const url = (path: string) => new URL(path, publicUrl).toString();
  const footer = language === 'en' ? 'Sent by Brobygger. Do not reply to this email.' : 'Sendt fra Brobygger. Ikke svar på denne e-posten.';
  const text = [
    ...draft.lines,
    ...(draft.items ?? []).map((item) => `- ${item.subject}: ${url(item.path)}`),
    ...(draft.link ? [`${draft.link.label}: ${url(draft.link.path)}`] : []),
    '',
    footer,
  ].join('\n');
  const html = [
    ...draft.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    draft.items?.length
      ? `<ul>${draft.items.map((item) => `<li><a href="${escapeHtml(url(item.path))}">${escapeHtml(item.subject)}</a></li>`).join('')}</ul>`
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
): { subject: string; path: string } {
  const draft = (drafts[template] as (data: TemplateData<T>, language: Language) => Draft)(data, language);
  return { subject: draft.subject, path: draft.link?.path ?? '/' };
}
