import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { conflict } from '../domain/decider';
import { KEY_BYTES } from './envelope';
import type { MasterKey } from './master-key';

/** What the platform holds about a subject's key (never the key itself). */
export interface SubjectKeyRecord {
  readonly tenantId: string;
  readonly subjectId: string;
  readonly createdAt: Date;
  readonly erasedAt: Date | null;
  readonly erasedBy: string | null;
}

/** One key per (tenant, subject); destroying it erases every value sealed under it. */
export interface SubjectKeyStore {
  /** The subjects' keys, created when missing. Refuses (409) a subject whose key was destroyed. */
  keysForWriting(tenantId: string, subjectIds: readonly string[]): Promise<Map<string, Buffer>>;
  /** The keys of these subjects; a destroyed or unknown key is absent from the map. */
  keysForReading(tenantId: string, subjectIds: readonly string[]): Promise<Map<string, Buffer>>;
  /** Destroys the key. Null when the subject has no key; `destroyedNow` false when it was already gone. */
  destroy(
    tenantId: string,
    subjectId: string,
    erasedBy: string,
  ): Promise<(SubjectKeyRecord & { destroyedNow: boolean }) | null>;
  describe(tenantId: string, subjectId: string): Promise<SubjectKeyRecord | null>;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

interface KeyRow {
  subject_id: string;
  wrapped_key: Buffer | null;
  master_key_id: string | null;
}

interface RecordRow {
  tenant_id: string;
  subject_id: string;
  created_at: Date;
  erased_at: Date | null;
  erased_by: string | null;
}

/**
 * Subject keys in `privacy_subject_keys` (owner connection only; the application role has no
 * access), each wrapped with AES-256-GCM under the master key, bound to its tenant and subject.
 * No cache: a key destroyed by one process is gone for every other at its next read.
 */
export class PostgresSubjectKeyStore implements SubjectKeyStore {
  constructor(
    private readonly pool: Pool,
    private readonly master: MasterKey,
  ) {}

  async keysForWriting(tenantId: string, subjectIds: readonly string[]): Promise<Map<string, Buffer>> {
    const subjects = [...new Set(subjectIds)];
    const fresh = subjects.map((s) => ({ subject_id: s, wrapped: this.wrap(tenantId, s, randomBytes(KEY_BYTES)) }));
    await this.pool.query(
      `INSERT INTO privacy_subject_keys (tenant_id, subject_id, wrapped_key, master_key_id)
       SELECT $1, x.subject_id, decode(x.wrapped, 'base64'), $3
         FROM jsonb_to_recordset($2::jsonb) AS x(subject_id text, wrapped text)
       ON CONFLICT (tenant_id, subject_id) DO NOTHING`,
      [tenantId, JSON.stringify(fresh.map((f) => ({ ...f, wrapped: f.wrapped.toString('base64') }))), this.master.id],
    );
    const rows = await this.rows(tenantId, subjects);
    const erased = rows.filter((r) => r.wrapped_key === null).map((r) => r.subject_id);
    if (erased.length > 0) {
      throw conflict(
        'privacy.subject-erased',
        `the personal data of subject ${erased[0]} was erased; record this fact without personal fields`,
      );
    }
    return this.unwrapAll(tenantId, rows);
  }

  async keysForReading(tenantId: string, subjectIds: readonly string[]): Promise<Map<string, Buffer>> {
    return this.unwrapAll(tenantId, await this.rows(tenantId, [...new Set(subjectIds)]));
  }

  async destroy(tenantId: string, subjectId: string, erasedBy: string) {
    // Overwritten, not only flagged: the wrapped key leaves the live row at once.
    const { rows } = await this.pool.query<RecordRow & { destroyed_now: boolean }>(
      `UPDATE privacy_subject_keys k
          SET wrapped_key = NULL, master_key_id = NULL,
              erased_at = COALESCE(k.erased_at, now()), erased_by = COALESCE(k.erased_by, $3)
         FROM (SELECT erased_at IS NULL AS destroyed_now FROM privacy_subject_keys
                WHERE tenant_id = $1 AND subject_id = $2 FOR UPDATE) before
        WHERE k.tenant_id = $1 AND k.subject_id = $2
        RETURNING k.tenant_id, k.subject_id, k.created_at, k.erased_at, k.erased_by, before.destroyed_now`,
      [tenantId, subjectId, erasedBy],
    );
    if (rows.length === 0) return null;
    const { destroyed_now, ...record } = rows[0];
    return { ...toRecord(record), destroyedNow: destroyed_now };
  }

  async describe(tenantId: string, subjectId: string): Promise<SubjectKeyRecord | null> {
    const { rows } = await this.pool.query<RecordRow>(
      `SELECT tenant_id, subject_id, created_at, erased_at, erased_by FROM privacy_subject_keys
        WHERE tenant_id = $1 AND subject_id = $2`,
      [tenantId, subjectId],
    );
    return rows.length ? toRecord(rows[0]) : null;
  }

  private async rows(tenantId: string, subjects: readonly string[]): Promise<KeyRow[]> {
    if (subjects.length === 0) return [];
    const { rows } = await this.pool.query<KeyRow>(
      `SELECT subject_id, wrapped_key, master_key_id FROM privacy_subject_keys
        WHERE tenant_id = $1 AND subject_id = ANY($2::text[])`,
      [tenantId, subjects],
    );
    return rows;
  }

  private unwrapAll(tenantId: string, rows: readonly KeyRow[]): Map<string, Buffer> {
    const keys = new Map<string, Buffer>();
    for (const r of rows) {
      if (r.wrapped_key === null) continue;
      if (r.master_key_id !== this.master.id) {
        throw new Error(
          `subject key of ${r.subject_id} is wrapped by master key ${r.master_key_id}, not the one loaded`,
        );
      }
      keys.set(r.subject_id, this.unwrap(tenantId, r.subject_id, r.wrapped_key));
    }
    return keys;
  }

  private wrap(tenantId: string, subjectId: string, key: Buffer): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.master.key, iv).setAAD(wrapAad(tenantId, subjectId));
    const ct = Buffer.concat([cipher.update(key), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ct]);
  }

  private unwrap(tenantId: string, subjectId: string, wrapped: Buffer): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', this.master.key, wrapped.subarray(0, IV_BYTES))
      .setAAD(wrapAad(tenantId, subjectId))
      .setAuthTag(wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(wrapped.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  }
}

const wrapAad = (tenantId: string, subjectId: string) =>
  Buffer.from(`kooperacja.privacy.subject-key.v1\n${tenantId}\n${subjectId}`, 'utf8');

function toRecord(r: RecordRow): SubjectKeyRecord {
  return {
    tenantId: r.tenant_id,
    subjectId: r.subject_id,
    createdAt: r.created_at,
    erasedAt: r.erased_at,
    erasedBy: r.erased_by,
  };
}
