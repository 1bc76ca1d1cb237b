/**
 * An amount in integer grosze (1/100 PLN) written as decimal digits, e.g. 34 895 692,40 zł is
 * `{ grosze: '3489569240', currency: 'PLN' }`. A string, because JSON numbers are doubles: they
 * cannot hold every grosz of a large budget exactly, and consumers in other languages parse them
 * as floats.
 */
export interface Money {
  readonly grosze: string;
  readonly currency: 'PLN';
}

/** A project budget: the lines the sources state (seeds often give only some of them). */
export interface Budget {
  /** Całkowity koszt / wartość projektu. */
  readonly total?: Money;
  /** Wkład Funduszy Europejskich (EFS). */
  readonly euShare?: Money;
  /** Dotacja celowa (national targeted grant). */
  readonly targetedGrant?: Money;
}

export const BUDGET_LINES = ['total', 'euShare', 'targetedGrant'] as const;

const GROSZE = /^(0|[1-9]\d{0,17})$/;

export function isMoney(value: unknown): value is Money {
  const m = value as Money | null;
  return (
    typeof m === 'object' && m !== null && m.currency === 'PLN' && typeof m.grosze === 'string' && GROSZE.test(m.grosze)
  );
}

/** Reads an amount in złoty as written in Polish documents ('34 895 692,40') or plainly ('34895692.40'). */
export function pln(amount: string): Money {
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(amount.replace(/[\s\u00a0]/g, ''));
  if (!match) throw new RangeError(`not an amount in PLN: "${amount}"`);
  const grosze = BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  return { grosze: grosze.toString(), currency: 'PLN' };
}

/** An amount of PLN held in a JSON number (e.g. 31604368.34), rounded to the grosz it was meant to be. */
export function plnFromNumber(amount: number): Money {
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`not an amount in PLN: ${amount}`);
  // toFixed(2) yields the two-decimal string nearest the double, which is the amount that was written.
  return pln(amount.toFixed(2));
}

/** '3489569240' grosze → '34895692.40'. */
export function formatPln(money: Money): string {
  const digits = money.grosze.padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export function compareMoney(a: Money, b: Money): number {
  const [x, y] = [BigInt(a.grosze), BigInt(b.grosze)];
  return x < y ? -1 : x > y ? 1 : 0;
}
