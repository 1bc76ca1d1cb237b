import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMasterKey, masterKeyFrom } from './master-key';

describe('privacy master key', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kooperacja-master-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes PRIVACY_MASTER_KEY as given, with a fingerprint as its id', () => {
    const base64 = randomBytes(32).toString('base64');
    const key = loadMasterKey({ PRIVACY_MASTER_KEY: base64, NODE_ENV: 'production' });
    expect(key.key.toString('base64')).toBe(base64);
    expect(key.id).toMatch(/^[0-9a-f]{16}$/);
    expect(masterKeyFrom(base64).id).toBe(key.id);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => loadMasterKey({ PRIVACY_MASTER_KEY: randomBytes(16).toString('base64') })).toThrow(
      'PRIVACY_MASTER_KEY must be 32 bytes, base64-encoded',
    );
  });

  it('outside production generates one key on first use, owner-readable only, and keeps it', () => {
    const env = { NODE_ENV: 'development', PRIVACY_KEY_DIR: join(dir, 'privacy') };
    const first = loadMasterKey(env);
    expect(loadMasterKey(env).key.equals(first.key)).toBe(true);
    expect(statSync(join(dir, 'privacy', 'master.key')).mode & 0o777).toBe(0o600);
  });

  it('refuses to run in production without a master key, rather than generate one', () => {
    expect(() => loadMasterKey({ NODE_ENV: 'production', PRIVACY_KEY_DIR: dir })).toThrow(
      'PRIVACY_MASTER_KEY (or PRIVACY_MASTER_KEY_FILE) is required when NODE_ENV=production',
    );
  });
});
