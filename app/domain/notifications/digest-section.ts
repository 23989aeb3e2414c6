import type { Tx } from '~/lib/db.server';
import type { Language } from '~/lib/i18n';

export interface DigestSectionContent {
  title: string;
  lines: string[];
}

/**
 * One part of the coordinators' weekly digest, in the reader's language; null when there is
 * nothing to say. Sections must keep to counts and "what happened": no names of participants,
 * no health or criminal-justice details.
 */
export type DigestSection = (db: Tx, now: Date, language: Language) => Promise<DigestSectionContent | null>;
