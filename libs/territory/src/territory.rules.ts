import {
  conflict,
  invalid,
  normaliseVoivodeship,
  VOIVODESHIP_FORBIDDEN,
  type ProjectPeriod,
} from '@kooperacja/platform';

/** Facts the handler looks up before deciding, so the decider stays pure. */
export interface LookedUp {
  /** Business time of the fact (ISO date or date-time). */
  readonly occurredAt: string;
  /** The tenant's project period; null before the partnership is established. */
  readonly period: ProjectPeriod | null;
  /** Voivodeships a tenant-editor's token allows; undefined when the actor is not limited. */
  readonly allowedVoivodeships?: readonly string[];
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

/** The calendar day of a business time (ISO date or date-time), refusing what is not one. */
export function businessDay(occurredAt: unknown, field = 'occurredAt'): string {
  const match = typeof occurredAt === 'string' ? DAY.exec(occurredAt) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    if (days !== undefined && day >= 1 && day <= days) return (occurredAt as string).slice(0, 10);
  }
  throw invalid('fact.date-invalid', `${field} must be an ISO date (YYYY-MM-DD) or date-time`, field);
}

export function requiredText(value: unknown, code: string, field: string, max = 300): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw invalid(code, `${field} is required`, field);
  if (text.length > max) throw invalid(code, `${field} must be at most ${max} characters`, field);
  return text;
}

/** Blank counts as absent. */
export function optionalText(value: unknown, code: string, field: string, max = 300): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) return null;
  return requiredText(value, code, field, max);
}

/**
 * A tenant-editor's token names the voivodeships it may edit; `undefined` means no limit.
 * The API maps 'voivodeship.forbidden' to 403.
 */
export function assertVoivodeshipAllowed(voivodeship: string, allowed: readonly string[] | undefined): void {
  if (allowed !== undefined && !allowed.some((v) => normaliseVoivodeship(v) === normaliseVoivodeship(voivodeship))) {
    throw conflict(VOIVODESHIP_FORBIDDEN, `you may not record facts in the voivodeship ${voivodeship}`, 'voivodeship');
  }
}

/** Steps of one gmina or powiat happen in order: a step cannot be dated before the one it follows. */
export function assertNotBefore(day: string, previous: string, previousStep: string): void {
  if (day < previous) {
    throw conflict(
      'fact.date-before-previous-step',
      `occurredAt ${day} is before the ${previousStep} on ${previous}`,
      'occurredAt',
    );
  }
}
