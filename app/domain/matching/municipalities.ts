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

const NEIGHBOUR_PAIRS = new Set(
  Object.entries(NEIGHBOURS).flatMap(([name, list]) =>
    list.flatMap((other) => [`${normaliseMunicipality(name)}|${normaliseMunicipality(other)}`, `${normaliseMunicipality(other)}|${normaliseMunicipality(name)}`]),
  ),
);

export function areNeighbours(a: string, b: string): boolean {
  return NEIGHBOUR_PAIRS.has(`${normaliseMunicipality(a)}|${normaliseMunicipality(b)}`);
}
