/**
 * Searching people by part of their name, the same way on SQLite and PostgreSQL: both the
 * stored key and the query are folded here, in JavaScript, because SQLite's lower() and LIKE
 * fold ASCII letters only (Ø stays Ø). Composition (Å as one letter or A + ring), case,
 * accents (é, ü, á, č) and spacing do not matter; the Norwegian letters stay letters of their
 * own (ø is not o, å is not a, æ is not ae).
 */
export function foldName(value: string): string {
  return (
    value
      .toLowerCase()
      .normalize('NFD')
      // Every combining mark but the ring above, which makes å (Å decomposes into A + ring).
      .replace(/[\u0300-\u0309\u030B-\u036F]/g, '')
      .normalize('NFC')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The stored search key of a person: "Åse Marie ØSTBY" → "åse marie østby". */
export function searchNameOf(person: { firstName: string; lastName: string }): string {
  return foldName(`${person.firstName} ${person.lastName}`);
}

export const MAX_SEARCH_LENGTH = 100;

/**
 * The words of a search, each to be found somewhere in the key ("ola nord" finds Ola
 * Nordmann). At most five words. LIKE's wildcards (% and _, which Prisma's `contains` passes
 * on as wildcards) and its escape character split words instead, so a search never turns into a pattern.
 */
export function searchWords(query: string): string[] {
  return foldName(query.slice(0, MAX_SEARCH_LENGTH))
    .split(/[\s%_\\]+/)
    .filter(Boolean)
    .slice(0, 5);
}

/** Whether a key holds every word of the search; the rule the database query follows. */
export function matchesSearch(key: string, words: readonly string[]): boolean {
  return words.every((word) => key.includes(word));
}
