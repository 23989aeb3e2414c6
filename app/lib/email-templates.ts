import type { Language } from './i18n';
import { formatDate, parseHalfYear } from './time';

/**
 * Email texts. They say what happened and link into the app; they never carry health or
 * criminal-justice details (no names of participants, no notes, no plans).
 */
interface TemplateShapes {
  invitation: { role: 'COORDINATOR' | 'VOLUNTEER' | 'PROBATION_OFFICER'; token: string; expiresOn: string };
  digest: { items: { subject: string; path: string }[] };
  'referral-new': { referralId: string };
  'referral-decided': { referralId: string; decision: 'ACCEPTED' | 'WAITLISTED' | 'DECLINED' };
  'referral-matched': { referralId: string };
  'pair-intro-volunteer': { pairId: string };
  'pair-intro-participant': Record<string, never>;
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
  'concern-raised': { pairId: string };
  'meeting-reminder': { meetingId: string; when: string };
  'meeting-log-reminder': { meetingId: string };
  'monthly-compliance': { month: string; pairs: number; onTarget: number };
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
    const half = (key: string) => {
      const { year, half: h } = parseHalfYear(key);
      return language === 'en' ? `the ${h === 1 ? 'first' : 'second'} half of ${year}` : `${h}. halvår ${year}`;
    };
    const asOf = data.asOf ? formatDate(data.asOf, language) : null;
    const rematches = data.rematches ?? 0;
    if (language === 'en') {
      return {
        subject: data.kind === 'start' ? `New half-year, ${half(data.halfYear)}: target ${data.target} pairs` : `Half-way through ${half(data.halfYear)}: ${data.actual} of ${data.target} pairs`,
        lines: [
          ...(data.previous ? [`${half(data.previous.halfYear)} ended with ${data.previous.actual} new pairs (target ${data.previous.target}).`] : []),
          `${asOf ? `As of ${asOf}, ` : ''}${half(data.halfYear)}: ${data.actual} of ${data.target} new active pairs so far${data.expected !== undefined ? `, ${data.expected} expected by now` : ''} — ${TRACK_WORDS.en[data.status]}.`,
          ...(rematches > 0 ? [`${rematches} re-matches ${data.rematchesCount ? 'are counted among them' : 'are not counted as new pairs'}.`] : []),
          'The dashboard shows the same figures.',
        ],
        link,
      };
    }
    return {
      subject: data.kind === 'start' ? `Nytt halvår, ${half(data.halfYear)}: mål ${data.target} par` : `Halvveis i ${half(data.halfYear)}: ${data.actual} av ${data.target} par`,
      lines: [
        ...(data.previous ? [`${half(data.previous.halfYear)} endte med ${data.previous.actual} nye par (mål ${data.previous.target}).`] : []),
        `${asOf ? `Per ${asOf}, ` : ''}${half(data.halfYear)}: ${data.actual} av ${data.target} nye aktive par så langt${data.expected !== undefined ? `, ${String(data.expected).replace('.', ',')} forventet hittil` : ''} – ${TRACK_WORDS.nb[data.status]}.`,
        ...(rematches > 0 ? [`${rematches} nye matcher av tidligere deltakere ${data.rematchesCount ? 'er regnet med' : 'er ikke regnet som nye par'}.`] : []),
        'Oversikten viser de samme tallene.',
      ],
      link,
    };
  },
  'pair-intro-volunteer': (_data, language) =>
    language === 'en'
      ? {
          subject: 'You have been matched with a participant',
          lines: [
            'The coordinator has matched you with a young person in Brobygger.',
            'You will hear from the coordinator about your first meeting. What you need is in the app.',
          ],
          link: { path: '/me', label: 'Open Brobygger' },
        }
      : {
          subject: 'Du er matchet med en deltaker',
          lines: [
            'Koordinatoren har matchet deg med en ung person i Brobygger.',
            'Koordinatoren tar kontakt om det første møtet. Det du trenger finner du i appen.',
          ],
          link: { path: '/me', label: 'Åpne Brobygger' },
        },
  'pair-intro-participant': (_data, language) =>
    language === 'en'
      ? {
          subject: 'You have a volunteer in Brobygger',
          lines: ['A volunteer from Brobygger is ready to meet you. The coordinator will be in touch to plan the first meeting.'],
        }
      : {
          subject: 'Du har fått en frivillig i Brobygger',
          lines: ['En frivillig fra Brobygger gleder seg til å møte deg. Koordinatoren tar kontakt for å avtale det første møtet.'],
        },
  'concern-raised': (data, language) =>
    language === 'en'
      ? {
          subject: 'A volunteer has raised a concern',
          lines: ['A volunteer has raised a concern after a meeting. Please read it and follow up.'],
          link: { path: `/pairs/${data.pairId}`, label: 'Open the pair' },
        }
      : {
          subject: 'En frivillig har meldt en bekymring',
          lines: ['En frivillig har meldt en bekymring etter et møte. Les den og følg opp.'],
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
          subject: `Meetings in ${data.month}: ${data.onTarget} of ${data.pairs} pairs on target`,
          lines: [`In ${data.month}, ${data.onTarget} of ${data.pairs} active pairs reached their meeting target.`],
          link: { path: '/pairs', label: 'See the pairs' },
        }
      : {
          subject: `Møter i ${data.month}: ${data.onTarget} av ${data.pairs} par nådde målet`,
          lines: [`I ${data.month} nådde ${data.onTarget} av ${data.pairs} aktive par månedens mål for møter.`],
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
          lines: ['A participant you referred now has a volunteer, and their meetings can begin.'],
          link: { path: `/referrals/${data.referralId}`, label: 'See the referral' },
        }
      : {
          subject: 'En frivillig er funnet',
          lines: ['En deltaker du har henvist har fått en frivillig, og møtene kan begynne.'],
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
          subject: `Reminder: training on ${data.date}`,
          lines: [`You are enrolled in "${data.courseTitle}". The next session is on ${data.date} at ${data.time}, at ${data.place}.`],
        }
      : {
          subject: `Påminnelse: opplæring ${data.date}`,
          lines: [`Du er påmeldt «${data.courseTitle}». Neste samling er ${data.date} klokka ${data.time}, på ${data.place}.`],
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
            `Choose your name and password with the link below. It works once, until ${data.expiresOn}.`,
          ],
          link: { path: `/invite/${data.token}`, label: 'Accept the invitation' },
        }
      : {
          subject: 'Invitasjon til Brobygger',
          lines: [
            `Du er invitert til Brobygger som ${ROLE_NAMES.nb[data.role]}.`,
            `Velg navn og passord med lenken under. Den virker én gang, til og med ${data.expiresOn}.`,
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
