import { DomainError } from '@kooperacja/platform';
import { pseudonymousId } from './pseudonymous-id';

const refusal = (raw: unknown) => {
  try {
    pseudonymousId(raw, 'caseId', 'case');
  } catch (e) {
    return e as DomainError;
  }
  throw new Error(`accepted ${String(raw)}`);
};

describe('pseudonymous ids', () => {
  it.each(['mr1-KAR-0042', 'mr3-KAT-7', 'zzk-07', 'GOPS2205033-2019-12'])('accepts the code %s as written', (code) => {
    expect(pseudonymousId(code, 'caseId', 'case')).toBe(code);
  });

  it('accepts a uuid and lower-cases it, so one case never gets two streams', () => {
    expect(pseudonymousId('3F0C8F6E-2A47-4D4C-9F53-5F1B2F7D9A10', 'caseId', 'case')).toBe(
      '3f0c8f6e-2a47-4d4c-9f53-5f1b2f7d9a10',
    );
  });

  it.each(['85010112345', '850101 12345', 'mr1-85010112345', 'case 85010112345'])('refuses %p as a PESEL', (raw) => {
    expect(refusal(raw).code).toBe('case.id-looks-like-pesel');
  });

  it.each(['Jan Kowalski', 'kowalska-nowak', 'Łukasz', 'Jan Kowalski 2', 'Zieliński-1', "O'Brien"])(
    'refuses %p as a personal name',
    (raw) => {
      expect(refusal(raw).code).toBe('case.id-looks-like-name');
    },
  );

  it.each([
    'mr1_KAR_0042',
    '0042',
    'mr1-KAR-',
    'mr1-KAR-0042-x',
    `mr1-${'A'.repeat(12)}-${'B'.repeat(12)}-CCCCC-1234567890`,
  ])('refuses %p as neither a uuid nor a code', (raw) => {
    expect(refusal(raw).code).toBe('case.id-invalid');
  });

  it.each([undefined, '', 42])('refuses a missing id (%p)', (raw) => {
    expect(refusal(raw).code).toBe('case.id-required');
  });

  it('never repeats the refused value in the message, which may be the very personal data refused', () => {
    const error = refusal('Anna Nowak');
    expect(error.kind).toBe('invalid');
    expect(error.field).toBe('caseId');
    expect(error.message).not.toContain('Nowak');
    expect(refusal('85010112345').message).not.toContain('85010112345');
  });
});
