import { invalid } from '@kooperacja/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** 2-5 hyphen-separated ASCII segments ending in a sequence number, e.g. mr1-KAR-0042. */
const CODE = /^[A-Za-z0-9]{1,12}(?:-[A-Za-z0-9]{1,12}){0,3}-\d{1,10}$/;
const MAX_CODE_LENGTH = 40;

/**
 * Checks an id that stands for a client or a case team: a uuid or a code like `mr1-KAR-0042`,
 * never a name or a PESEL. Returns the canonical form (uuids lower-cased, codes as written).
 * Refusals never echo the value: it may be exactly the personal data we refuse to store.
 */
export function pseudonymousId(raw: unknown, field: string, codePrefix: string): string {
  if (typeof raw !== 'string' || raw.length === 0) {
    throw invalid(`${codePrefix}.id-required`, `${field} is required: a uuid or a code like mr1-KAR-0042`, field);
  }
  if (UUID.test(raw)) return raw.toLowerCase();
  if (looksLikePesel(raw)) {
    throw invalid(
      `${codePrefix}.id-looks-like-pesel`,
      `${field} looks like a PESEL; use a pseudonymous uuid or a code like mr1-KAR-0042, never a personal number`,
      field,
    );
  }
  if (looksLikeName(raw)) {
    throw invalid(
      `${codePrefix}.id-looks-like-name`,
      `${field} looks like a personal name; use a pseudonymous uuid or a code like mr1-KAR-0042`,
      field,
    );
  }
  if (raw.length > MAX_CODE_LENGTH || !CODE.test(raw)) {
    throw invalid(
      `${codePrefix}.id-invalid`,
      `${field} must be a uuid or a code of 2-5 hyphen-separated letters/digits ending in a number, e.g. mr1-KAR-0042`,
      field,
    );
  }
  return raw;
}

/** Eleven digits in a row (PESEL length), also when typed with spaces. */
function looksLikePesel(raw: string): boolean {
  return /(?:^|\D)\d{11}(?:\D|$)/.test(raw) || /^\d{11}$/.test(raw.replace(/\s+/g, ''));
}

/** Letters without a number, words separated by spaces, or Polish letters a code never has. */
function looksLikeName(raw: string): boolean {
  const hasLetters = /\p{L}/u.test(raw);
  return (hasLetters && !/\d/.test(raw)) || /\p{L}\s+\p{L}/u.test(raw) || /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/.test(raw);
}
