/** Why a bearer token was refused; each answers 401 (see docs/security.md). */
export type AuthRejectionReason =
  | 'missing'
  | 'malformed'
  | 'expired'
  | 'not_yet_valid'
  | 'issuer'
  | 'audience'
  | 'algorithm'
  | 'signature'
  | 'unknown_key'
  | 'claims'
  | 'tenant_unknown'
  | 'tenant_offboarded';

/** A token the API will not accept. */
export class AuthRejection extends Error {
  override readonly name = 'AuthRejection';
  constructor(
    readonly reason: AuthRejectionReason,
    detail?: string,
  ) {
    super(detail ?? reason);
  }
}

/** The identity provider's keys could not be fetched: the caller may retry (503). */
export class IdentityProviderUnavailableError extends Error {
  override readonly name = 'IdentityProviderUnavailableError';
  constructor(cause: unknown) {
    super(`identity provider unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** Maps what passport-jwt / jsonwebtoken report to a reason. */
export function rejectionFrom(info: unknown): AuthRejection {
  if (info instanceof AuthRejection) return info;
  const name = (info as { name?: string } | undefined)?.name;
  const message = String((info as { message?: string } | undefined)?.message ?? info ?? '');
  if (name === 'TokenExpiredError') return new AuthRejection('expired');
  if (name === 'NotBeforeError') return new AuthRejection('not_yet_valid');
  if (/no auth token/i.test(message)) return new AuthRejection('missing');
  if (/issuer invalid/i.test(message)) return new AuthRejection('issuer');
  if (/audience invalid/i.test(message)) return new AuthRejection('audience');
  if (/invalid algorithm|signature is required|algorithm/i.test(message)) return new AuthRejection('algorithm');
  if (/invalid signature/i.test(message)) return new AuthRejection('signature');
  if (/secret or public key must be provided/i.test(message)) return new AuthRejection('unknown_key');
  return new AuthRejection('malformed');
}
