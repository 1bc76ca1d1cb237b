/** The sixteen voivodeships, as lower-case Polish names (the form tokens and facts use). */
export const VOIVODESHIPS = [
  'dolnośląskie',
  'kujawsko-pomorskie',
  'lubelskie',
  'lubuskie',
  'łódzkie',
  'małopolskie',
  'mazowieckie',
  'opolskie',
  'podkarpackie',
  'podlaskie',
  'pomorskie',
  'śląskie',
  'świętokrzyskie',
  'warmińsko-mazurskie',
  'wielkopolskie',
  'zachodniopomorskie',
] as const;

export type Voivodeship = (typeof VOIVODESHIPS)[number];

/** Lower-case NFC form, so 'Śląskie' and a decomposed 'śląskie' compare equal. */
export function normaliseVoivodeship(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase('pl');
}

export function isVoivodeship(name: string): name is Voivodeship {
  return (VOIVODESHIPS as readonly string[]).includes(normaliseVoivodeship(name));
}
