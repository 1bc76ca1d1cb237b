import type { MunicipalityType } from '@kooperacja/platform';
import { voivodeshipOfTeryt } from './voivodeships';

// The last digit of a gmina's TERYT (TERC) code is its kind. Digits 4 and 5 are the town and the
// rural area inside an urban-rural gmina, 8 and 9 city districts: parts of a gmina, not gminas.
const GMINA_KIND: Readonly<Record<string, MunicipalityType>> = { '1': 'urban', '2': 'rural', '3': 'urban-rural' };

/** A gmina's 7-digit TERYT code: voivodeship, powiat, gmina, kind (1, 2 or 3). */
export function isGminaTeryt(teryt: unknown): teryt is string {
  return (
    typeof teryt === 'string' &&
    /^\d{7}$/.test(teryt) &&
    voivodeshipOfTeryt(teryt) !== null &&
    teryt.slice(2, 4) !== '00' &&
    teryt.slice(4, 6) !== '00' &&
    teryt[6] in GMINA_KIND
  );
}

/** A powiat's 4-digit TERYT code: voivodeship and powiat (61 and above: cities with powiat rights). */
export function isPowiatTeryt(teryt: unknown): teryt is string {
  return (
    typeof teryt === 'string' && /^\d{4}$/.test(teryt) && voivodeshipOfTeryt(teryt) !== null && teryt.slice(2) !== '00'
  );
}

/** The municipality type a valid gmina TERYT code declares by its kind digit. */
export function typeOfGminaTeryt(teryt: string): MunicipalityType {
  return GMINA_KIND[teryt[6]];
}

export const municipalityStreamId = (teryt: string) => `territory.municipality-${teryt}`;
export const powiatStreamId = (teryt: string) => `territory.powiat-${teryt}`;
