import { invalid } from '@kooperacja/platform';
import { voivodeshipsByTerytCode } from '../contracts/vocabulary';

export interface PilotSiteCode {
  /** TERYT code of a gmina (7 digits: WWPPGGR) or a powiat (4 digits: WWPP). */
  readonly teryt: string;
  /** Derived from the code's first two digits, so it cannot disagree with the code. */
  readonly voivodeship: string;
}

/**
 * Pilot sites are JST: gminas (OPS/GOPS/MOPS) or powiats (PCPR). R, the gmina's kind, is
 * 1-5 (urban, rural, urban-rural and its parts) or 8-9 (Warsaw's districts and delegations).
 */
export function pilotSiteCode(raw: unknown, field: string): PilotSiteCode {
  const match = typeof raw === 'string' ? /^(\d{2})(\d{2})(?:(\d{2})([1-589]))?$/.exec(raw) : null;
  const voivodeship = match ? voivodeshipsByTerytCode[match[1]] : undefined;
  if (!match || !voivodeship || match[2] === '00' || match[3] === '00') {
    throw invalid(
      'teryt.invalid',
      `${field} must be the TERYT code of a gmina (7 digits, e.g. 2205033) or a powiat (4 digits, e.g. 2205)`,
      field,
    );
  }
  return { teryt: raw as string, voivodeship };
}
