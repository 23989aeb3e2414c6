import type { Language } from '~/lib/i18n';
import { formatDateTime } from '~/lib/time';
import type { PlaceType } from '~/domain/meetings/constants';
import { mentionsSensitiveTopic } from './sensitive';

/**
 * What the programme texts a participant. Time and place only: never a name, a plan, a note
 * or anything about health or the sentence. Participants have no language setting, so the
 * programme's own texts go in Norwegian; the volunteer's templates exist in both languages.
 */
const PLACE_WORDS: Record<Language, Record<PlaceType, string>> = {
  nb: { PRISON_VISIT: '', CAFE: 'kafé', OUTDOORS: 'ute', ACTIVITY: 'aktivitet', OTHER: 'avtalt sted' },
  en: { PRISON_VISIT: '', CAFE: 'café', OUTDOORS: 'outdoors', ACTIVITY: 'activity', OTHER: 'the agreed place' },
};

export interface MeetingForText {
  startsAt: Date;
  placeType: PlaceType;
  place: string | null;
}

/** The place as typed, unless it says more than a place should (then only its kind). */
function placeOf(meeting: MeetingForText, language: Language): string {
  const typed = meeting.place?.trim();
  return typed && !mentionsSensitiveTopic(typed) ? typed : PLACE_WORDS[language][meeting.placeType];
}

const ANSWER = {
  nb: 'Svar JA (1) hvis du kommer, NEI (2) hvis du ikke kan.',
  en: 'Reply YES (1) if you are coming, NO (2) if you cannot.',
};

export function reminderText(kind: 'DAY_BEFORE' | 'TWO_HOURS', meeting: MeetingForText, language: Language = 'nb'): string {
  const when = formatDateTime(meeting.startsAt, language);
  const place = placeOf(meeting, language);
  if (language === 'en') {
    return kind === 'DAY_BEFORE'
      ? `Hi! Reminder: you meet your volunteer tomorrow, ${when}, ${place}. ${ANSWER.en} Brobygger`
      : `Hi! In two hours, ${when}, you meet your volunteer: ${place}. ${ANSWER.en} Brobygger`;
  }
  return kind === 'DAY_BEFORE'
    ? `Hei! Påminnelse: du møter den frivillige din i morgen, ${when}, ${place}. ${ANSWER.nb} Brobygger`
    : `Hei! Om to timer, ${when}, møter du den frivillige din: ${place}. ${ANSWER.nb} Brobygger`;
}

export function meetingMovedText(meeting: MeetingForText, language: Language = 'nb'): string {
  const when = formatDateTime(meeting.startsAt, language);
  return language === 'en'
    ? `Hi! Your meeting with your volunteer has moved to ${when}, ${placeOf(meeting, language)}. ${ANSWER.en} Brobygger`
    : `Hei! Møtet med den frivillige din er flyttet til ${when}, ${placeOf(meeting, language)}. ${ANSWER.nb} Brobygger`;
}

export function meetingCancelledText(meeting: MeetingForText, language: Language = 'nb'): string {
  const when = formatDateTime(meeting.startsAt, language);
  return language === 'en'
    ? `Hi! Your meeting with your volunteer ${when} is cancelled. Your volunteer will be in touch about a new time. Brobygger`
    : `Hei! Møtet med den frivillige din ${when} er avlyst. Den frivillige tar kontakt om en ny tid. Brobygger`;
}

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
