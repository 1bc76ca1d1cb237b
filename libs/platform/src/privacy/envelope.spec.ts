import { randomBytes } from 'node:crypto';
import { ERASED_LABEL, isSealed, open, seal, SealedValueRefusedError, type SealedValue } from './envelope';

const SUBJECT = '1d9e7c55-0b6a-4f43-9a0b-3f2e1d0c9b8a';
const at = { tenantId: 'mr2', field: 'fullName' };

function flip(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[0] ^= 0x01;
  return bytes.toString('base64');
}

describe('personal value envelope (AES-256-GCM per subject)', () => {
  const key = randomBytes(32);

  it('seals a value so that neither it nor its length in words shows, and opens it again', () => {
    const sealed = seal(key, SUBJECT, at, 'Anna Kowalska');
    expect(sealed).toEqual({
      $enc: 'v1',
      sub: SUBJECT,
      t: 's',
      iv: expect.any(String),
      ct: expect.any(String),
      tag: expect.any(String),
    });
    expect(JSON.stringify(sealed)).not.toContain('Kowalska');
    expect(isSealed(sealed)).toBe(true);
    expect(open(key, sealed, at)).toBe('Anna Kowalska');
  });

  it('seals the same value differently each time (fresh IV)', () => {
    expect(seal(key, SUBJECT, at, 'x').ct).not.toEqual(seal(key, SUBJECT, at, 'x').ct);
    expect(seal(key, SUBJECT, at, 'x').iv).not.toEqual(seal(key, SUBJECT, at, 'x').iv);
  });

  it('keeps JSON values that are not text (goal labels) as they were', () => {
    const labels = { g1: 'p. Kowalski podejmie pracę' };
    expect(open(key, seal(key, SUBJECT, at, labels), at)).toEqual(labels);
  });

  it.each([
    ['the ciphertext', (s: SealedValue) => ({ ...s, ct: flip(s.ct) })],
    ['the tag', (s: SealedValue) => ({ ...s, tag: flip(s.tag) })],
    ['the IV', (s: SealedValue) => ({ ...s, iv: flip(s.iv) })],
    ['a truncated tag', (s: SealedValue) => ({ ...s, tag: s.tag.slice(0, 8) })],
    ['the subject it claims', (s: SealedValue) => ({ ...s, sub: '2d9e7c55-0b6a-4f43-9a0b-3f2e1d0c9b8a' })],
  ])('refuses a value whose %s was tampered with', (_what, tamper) => {
    const sealed = tamper(seal(key, SUBJECT, at, 'Anna Kowalska'));
    expect(() => open(key, sealed, at)).toThrow(SealedValueRefusedError);
  });

  it('refuses a value moved to another field or tenant', () => {
    const sealed = seal(key, SUBJECT, at, 'Anna Kowalska');
    expect(() => open(key, sealed, { ...at, field: 'email' })).toThrow(SealedValueRefusedError);
    expect(() => open(key, sealed, { ...at, tenantId: 'mr1' })).toThrow(SealedValueRefusedError);
  });

  it('refuses to open with another subject key, and says whose field failed without showing it', () => {
    const sealed = seal(key, SUBJECT, at, 'Anna Kowalska');
    let error: unknown;
    try {
      open(randomBytes(32), sealed, at);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SealedValueRefusedError);
    expect((error as Error).message).toBe(
      `personal field fullName of subject ${SUBJECT} (tenant mr2) failed authentication`,
    );
  });

  it('reads as erased once the key is destroyed: the label for a text, null for anything else', () => {
    expect(open(null, seal(key, SUBJECT, at, 'a.kowalska@ops.example.pl'), at)).toBe(ERASED_LABEL);
    expect(open(null, seal(key, SUBJECT, at, { g1: 'remont mieszkania' }), at)).toBeNull();
    expect(ERASED_LABEL).toBe('usunięto / erased');
  });

  it('refuses a key that is not 256 bits', () => {
    expect(() => seal(randomBytes(16), SUBJECT, at, 'x')).toThrow('a subject key has 32 bytes');
  });
});
