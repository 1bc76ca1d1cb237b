import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Reads a generated development secret from `dir/file`, creating it with `create()` on first use.
 * Creation is atomic (a hard link that fails when the file exists), so concurrent first users
 * agree on one secret. The folder is 0700 and the file 0600; folders above it get the usual
 * mode (the embedded PostgreSQL, run as user postgres under root, keeps its data beside them).
 */
export function readOrCreateSecretFile(dir: string, file: string, create: () => string): string {
  const path = join(dir, file);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(dir), { recursive: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.${file}.${process.pid}.${randomUUID()}`);
  writeFileSync(tmp, create(), { mode: 0o600 });
  try {
    linkSync(tmp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(tmp);
  }
  return readFileSync(path, 'utf8');
}
