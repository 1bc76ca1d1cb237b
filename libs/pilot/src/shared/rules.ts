import { conflict, invalid } from '@kooperacja/platform';

/** A code from one of the vocabulary lists; `code` names the refusal when it is not. */
export function oneOf<T extends string>(list: readonly T[], value: unknown, code: string, field: string): T {
  if (typeof value !== 'string' || !(list as readonly string[]).includes(value)) {
    throw invalid(code, `${field} must be one of: ${list.join(', ')}`, field);
  }
  return value as T;
}

export function wholeNumber(value: unknown, min: number, max: number, code: string, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(code, `${field} must be a whole number from ${min} to ${max}`, field);
  }
  return value;
}

/** Hours as a positive number with at most two decimals (1.5, 0.75), up to `max`. */
export function hours(value: unknown, max: number, code: string, field = 'hours'): number {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value <= 0 ||
    value > max ||
    Math.abs(value * 100 - Math.round(value * 100)) > 1e-9
  ) {
    throw invalid(code, `${field} must be more than 0 and at most ${max}, with at most two decimals`, field);
  }
  return value;
}

/**
 * The tenant-editor limit: an editor bound to some voivodeships may act only on cases and sites
 * there. `undefined` means no limit (tenant-wide role); an empty list allows nothing.
 */
export function assertVoivodeshipAllowed(voivodeship: string, allowed: readonly string[] | undefined): void {
  if (allowed !== undefined && !allowed.includes(voivodeship)) {
    throw conflict('voivodeship.forbidden', `your role does not cover the voivodeship ${voivodeship}`);
  }
}

/** A site must lie in one of the voivodeships of the tenant's partnership (when known). */
export function assertInPartnership(
  voivodeship: string,
  partnership: readonly string[] | undefined,
  field: string,
): void {
  if (partnership !== undefined && !partnership.includes(voivodeship)) {
    throw invalid(
      'teryt.outside-partnership',
      `${field} lies in ${voivodeship}, which is not a voivodeship of this partnership`,
      field,
    );
  }
}
