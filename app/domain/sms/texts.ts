import type { Language } from '~/lib/i18n';

// What the programme texts a participant (meeting texts are in app/domain/meetings/participant-texts.ts):
// never a name, a plan, a note or anything about health or the sentence. Participants have no
// language setting, so the programme's own texts go in Norwegian; the volunteer's templates
// exist in both languages.

/** A personal link by text: what it is for in a few words, and its full address. */
export function linkText(kind: 'SURVEY' | 'NEXT_MEETINGS', address: string): string {
  return kind === 'SURVEY'
    ? `Hei! Hvordan går det med deg og den frivillige din? Svar på noen korte spørsmål her: ${address} Brobygger`
    : `Hei! Her ser du møtene med den frivillige din, og kan svare om du kommer: ${address} Brobygger`;
}

export const OPT_OUT_CONFIRMATION = 'Du får ikke flere SMS fra Brobygger. Svar START for å få dem igjen.';
export const OPT_IN_CONFIRMATION = 'Du får SMS fra Brobygger igjen. Svar STOPP for å slutte.';

/** The volunteer's ready-made texts, each in both languages. */
export const VOLUNTEER_TEMPLATES = {
  runningLate: {
    nb: 'Hei! Jeg er litt forsinket, er der om ca. 10 minutter.',
    en: 'Hi! I am running a little late, I will be there in about 10 minutes.',
  },
  atPlace: {
    nb: 'Hei! Jeg er på plass og venter på deg.',
    en: 'Hi! I am here and waiting for you.',
  },
  howAreYou: {
    nb: 'Hei! Hvordan går det? Si fra hvis du vil finne på noe denne uka.',
    en: 'Hi! How are you? Let me know if you want to do something this week.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type VolunteerTemplate = keyof typeof VOLUNTEER_TEMPLATES;
export const VOLUNTEER_TEMPLATE_KEYS = Object.keys(VOLUNTEER_TEMPLATES) as VolunteerTemplate[];

/** A volunteer's text is short: at most three SMS parts. */
export const MAX_VOLUNTEER_TEXT = 400;
