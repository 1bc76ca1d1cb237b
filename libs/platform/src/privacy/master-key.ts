import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readOrCreateSecretFile } from '../config/secret-file';
import { KEY_BYTES } from './envelope';

/** The key that wraps every subject key. `id` (a fingerprint) is stored beside each wrapped key. */
export interface MasterKey {
  readonly id: string;
  readonly key: Buffer;
}

const FILE = 'master.key';

export function masterKeyFrom(base64: string): MasterKey {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new Error('PRIVACY_MASTER_KEY must be 32 bytes, base64-encoded');
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

/**
 * The master key from `PRIVACY_MASTER_KEY` (base64 of 32 bytes, from a secret store), or
 * `PRIVACY_MASTER_KEY_FILE`. Outside production, with neither set, a key is generated on first use
 * into `PRIVACY_KEY_DIR` (default `.data/privacy`, git-ignored), atomically like the dev JWT key.
 */
export function loadMasterKey(env: NodeJS.ProcessEnv = process.env): MasterKey {
  if (env.PRIVACY_MASTER_KEY) return masterKeyFrom(env.PRIVACY_MASTER_KEY);
  if (env.PRIVACY_MASTER_KEY_FILE) return masterKeyFrom(readFileSync(env.PRIVACY_MASTER_KEY_FILE, 'utf8'));
  if (env.NODE_ENV === 'production') {
    throw new Error('PRIVACY_MASTER_KEY (or PRIVACY_MASTER_KEY_FILE) is required when NODE_ENV=production');
  }
  const dir = env.PRIVACY_KEY_DIR ?? join(process.cwd(), '.data', 'privacy');
  return masterKeyFrom(readOrCreateSecretFile(dir, FILE, () => randomBytes(KEY_BYTES).toString('base64')));
}
