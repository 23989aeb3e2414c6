/**
 * Neighbouring municipalities in Trøndelag (and a few beyond), for the distance part of the
 * match score. Symmetric: a neighbour of A has A as its neighbour.
 */
const NEIGHBOURS: Record<string, string[]> = {
  Trondheim: ['Malvik', 'Melhus', 'Skaun', 'Klæbu', 'Stjørdal', 'Orkland', 'Indre Fosen'],
  Malvik: ['Trondheim', 'Stjørdal', 'Selbu'],
  Melhus: ['Trondheim', 'Skaun', 'Midtre Gauldal', 'Orkland', 'Selbu'],
  Skaun: ['Trondheim', 'Melhus', 'Orkland'],
  Stjørdal: ['Trondheim', 'Malvik', 'Levanger', 'Meråker', 'Selbu', 'Frosta'],
  Levanger: ['Stjørdal', 'Verdal', 'Frosta', 'Inderøy'],
  Verdal: ['Levanger', 'Inderøy', 'Steinkjer'],
  Steinkjer: ['Verdal', 'Inderøy', 'Snåsa', 'Namsos'],
  Inderøy: ['Steinkjer', 'Verdal', 'Levanger'],
  Namsos: ['Steinkjer', 'Overhalla', 'Flatanger'],
  Orkland: ['Trondheim', 'Skaun', 'Melhus', 'Hitra', 'Rindal', 'Heim'],
  Oppdal: ['Rennebu', 'Midtre Gauldal'],
  'Midtre Gauldal': ['Melhus', 'Holtålen', 'Rennebu', 'Oppdal'],
  Røros: ['Holtålen'],
  Hitra: ['Frøya', 'Orkland'],
  Frøya: ['Hitra'],
};

export function normaliseMunicipality(name: string): string {
  return name.trim().toLowerCase();
}

const NEIGHBOURS_OF = new Map<string, Set<string>>();
const addNeighbour = (a: string, b: string) => NEIGHBOURS_OF.set(a, (NEIGHBOURS_OF.get(a) ?? new Set<string>()).add(b));
for (const [name, list] of Object.entries(NEIGHBOURS)) {
  for (const other of list) {
    addNeighbour(normaliseMunicipality(name), normaliseMunicipality(other));
    addNeighbour(normaliseMunicipality(other), normaliseMunicipality(name));
  }
}
const NONE: ReadonlySet<string> = new Set();

/** The (normalised) neighbours of a normalised municipality name. */
export function neighboursOf(municipality: string): ReadonlySet<string> {
  return NEIGHBOURS_OF.get(municipality) ?? NONE;
}
