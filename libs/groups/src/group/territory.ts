import { invalid } from '@kooperacja/platform';
import { voivodeshipsByTerytCode, type GroupLevel } from '../contracts/catalogues';

/** TERYT (TERC) code lengths: WW, WWPP, WWPPGGR (R = kind of gmina). */
const TERYT_LENGTH: Readonly<Record<GroupLevel, number>> = { voivodeship: 2, powiat: 4, gmina: 7 };
const GMINA_KINDS = new Set(['1', '2', '3', '4', '5', '8', '9']);
const VOIVODESHIP_NAMES = new Set(Object.values(voivodeshipsByTerytCode));

export interface Territory {
  /** The TERYT code, or at voivodeship level the voivodeship's lower-case name. */
  readonly territory: string;
  readonly voivodeship: string;
}

/** Reads a territory reference for a body at `level`: a TERYT code, or a voivodeship's name. */
export function parseTerritory(level: GroupLevel, value: unknown): Territory {
  const given = typeof value === 'string' ? value.trim().normalize('NFC').toLocaleLowerCase('pl') : '';

  if (/^\d+$/.test(given)) {
    if (given.length !== TERYT_LENGTH[level]) {
      throw invalid(
        'territory.level-mismatch',
        `a body at ${level} level needs a ${TERYT_LENGTH[level]}-digit TERYT code, got ${given}`,
        'territory',
      );
    }
    const voivodeship = voivodeshipsByTerytCode[given.slice(0, 2)];
    const validPowiat = given.length < 4 || given.slice(2, 4) !== '00';
    const validGmina = given.length < 7 || (given.slice(4, 6) !== '00' && GMINA_KINDS.has(given[6]));
    if (!voivodeship || !validPowiat || !validGmina) {
      throw invalid('territory.unknown', `${given} is not a TERYT code of a Polish ${level}`, 'territory');
    }
    return { territory: level === 'voivodeship' ? voivodeship : given, voivodeship };
  }

  if (VOIVODESHIP_NAMES.has(given)) {
    if (level !== 'voivodeship') {
      throw invalid(
        'territory.level-mismatch',
        `a body at ${level} level needs a ${TERYT_LENGTH[level]}-digit TERYT code, not a voivodeship`,
        'territory',
      );
    }
    return { territory: given, voivodeship: given };
  }

  throw invalid('territory.unknown', `territory must be a TERYT code or a voivodeship's name`, 'territory');
}
