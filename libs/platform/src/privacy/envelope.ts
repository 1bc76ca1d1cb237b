import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * A personal value as stored: AES-256-GCM under the subject's key. The authenticated data binds
 * it to its tenant, subject and field, so a ciphertext moved elsewhere does not open.
 */
export interface SealedValue {
  readonly $enc: 'v1';
  /** The subject (pseudonymous id) whose key seals the value. */
  readonly sub: string;
  /** 's' for a text, 'j' for any other JSON value: what an erased value reads as. */
  readonly t: 's' | 'j';
  readonly iv: string;
  readonly ct: string;
  readonly tag: string;
}

/** Where a value belongs: part of the authenticated data. */
export interface SealContext {
  readonly tenantId: string;
  readonly field: string;
}

/** What a personal value reads as once its subject's key is destroyed (or was never there). */
export const ERASED_LABEL = 'usunięto / erased';

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A value refused on opening: tampered, or sealed under another key. Never a quiet marker. */
export class SealedValueRefusedError extends Error {
  override readonly name = 'SealedValueRefusedError';
}

export function isSealed(value: unknown): value is SealedValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { $enc?: unknown }).$enc === 'v1' &&
    typeof (value as { sub?: unknown }).sub === 'string'
  );
}

function aad(subjectId: string, ctx: SealContext): Buffer {
  return Buffer.from(`kooperacja.privacy.v1\n${ctx.tenantId}\n${subjectId}\n${ctx.field}`, 'utf8');
}

/** Seals any JSON value under a subject's 256-bit key. */
export function seal(key: Buffer, subjectId: string, ctx: SealContext, value: unknown): SealedValue {
  if (key.length !== KEY_BYTES) throw new RangeError('a subject key has 32 bytes');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES }).setAAD(aad(subjectId, ctx));
  const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    $enc: 'v1',
    sub: subjectId,
    t: typeof value === 'string' ? 's' : 'j',
    iv: iv.toString('base64'),
    ct: ct.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/**
 * Opens a sealed value. With no key (erased or unknown subject) it reads as the erased marker:
 * {@link ERASED_LABEL} for a text, `null` for anything else, so history still replays. A value
 * that fails authentication is refused.
 */
export function open(key: Buffer | null, sealed: SealedValue, ctx: SealContext): unknown {
  if (key === null) return erasedValue(sealed);
  try {
    const tag = Buffer.from(sealed.tag, 'base64');
    if (tag.length !== TAG_BYTES) throw new Error('bad tag length');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'), {
      authTagLength: TAG_BYTES,
    })
      .setAAD(aad(sealed.sub, ctx))
      .setAuthTag(tag);
    const text = Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]).toString('utf8');
    return JSON.parse(text) as unknown;
  } catch {
    throw new SealedValueRefusedError(
      `personal field ${ctx.field} of subject ${sealed.sub} (tenant ${ctx.tenantId}) failed authentication`,
    );
  }
}

function erasedValue(sealed: SealedValue): unknown {
  return sealed.t === 's' ? ERASED_LABEL : null;
}
