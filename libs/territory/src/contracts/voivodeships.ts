/** The 16 voivodeships by their lower-case Polish name, with the two-digit TERYT code. */
export const VOIVODESHIPS = {
  dolnośląskie: '02',
  'kujawsko-pomorskie': '04',
  lubelskie: '06',
  lubuskie: '08',
  łódzkie: '10',
  małopolskie: '12',
  mazowieckie: '14',
  opolskie: '16',
  podkarpackie: '18',
  podlaskie: '20',
  pomorskie: '22',
  śląskie: '24',
  świętokrzyskie: '26',
  'warmińsko-mazurskie': '28',
  wielkopolskie: '30',
  zachodniopomorskie: '32',
} as const;

export type Voivodeship = keyof typeof VOIVODESHIPS;

export function isVoivodeship(value: unknown): value is Voivodeship {
  return typeof value === 'string' && Object.hasOwn(VOIVODESHIPS, value);
}

/** The voivodeship a TERYT code (of a powiat or gmina) lies in, or null for an unknown prefix. */
export function voivodeshipOfTeryt(teryt: string): Voivodeship | null {
  const prefix = teryt.slice(0, 2);
  const found = Object.entries(VOIVODESHIPS).find(([, code]) => code === prefix);
  return found ? (found[0] as Voivodeship) : null;
}
