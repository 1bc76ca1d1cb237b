import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
  const path = join(dir, FILE);
  try {
    return masterKeyFrom(readFileSync(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.${FILE}.${process.pid}.${randomUUID()}`);
  writeFileSync(tmp, randomBytes(KEY_BYTES).toString('base64'), { mode: 0o600 });
  try {
    linkSync(tmp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(tmp);
  }
  return masterKeyFrom(readFileSync(path, 'utf8'));
}
