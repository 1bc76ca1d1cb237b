import type { Pool } from 'pg';
import { withTenantTransaction } from '../../tenancy/row-level-security';

export interface IdempotencyScope {
  readonly tenantId: string;
  readonly subject: string;
  readonly key: string;
}

export type Claim =
  | { readonly kind: 'claimed' }
  | {
      readonly kind: 'replay';
      readonly statusCode: number;
      readonly body: unknown;
      /** The first response's replayable headers (ETag, Location). */
      readonly headers: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'mismatch' }
  | { readonly kind: 'in_progress' };

interface Row {
  method: string;
  path: string;
  request_hash: string;
  status_code: number | null;
  response: { body?: unknown; headers?: Record<string, string> } | null;
}

/**
 * First responses of idempotent writes, in `http_idempotency` through the application role:
 * row-level security keeps each tenant's keys apart. A claim older than `staleAfterSeconds`
 * that never completed (a crashed process) may be taken over by a retry of the same request.
 */
export class IdempotencyStore {
  constructor(
    private readonly appPool: Pool,
    private readonly staleAfterSeconds = 60,
  ) {}

  async claim(scope: IdempotencyScope, method: string, path: string, hash: string): Promise<Claim> {
    return withTenantTransaction(this.appPool, scope.tenantId, async (client) => {
      const inserted = await client.query(
        `INSERT INTO http_idempotency AS h (tenant_id, subject, idempotency_key, method, path, request_hash)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, subject, idempotency_key) DO UPDATE
           SET method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash,
               status_code = NULL, response = NULL, started_at = now(), completed_at = NULL,
               expires_at = now() + interval '24 hours'
         WHERE h.expires_at < now()
            OR (h.completed_at IS NULL AND h.started_at < now() - make_interval(secs => $7)
                AND h.request_hash = EXCLUDED.request_hash AND h.method = EXCLUDED.method AND h.path = EXCLUDED.path)
         RETURNING 1`,
        [scope.tenantId, scope.subject, scope.key, method, path, hash, this.staleAfterSeconds],
      );
      if (inserted.rowCount) return { kind: 'claimed' } as const;
      const { rows } = await client.query<Row>(
        `SELECT method, path, request_hash, status_code, response FROM http_idempotency
          WHERE tenant_id = $1 AND subject = $2 AND idempotency_key = $3`,
        [scope.tenantId, scope.subject, scope.key],
      );
      const row = rows[0];
      if (row.method !== method || row.path !== path || row.request_hash !== hash) return { kind: 'mismatch' } as const;
      if (row.status_code === null) return { kind: 'in_progress' } as const;
      return {
        kind: 'replay',
        statusCode: row.status_code,
        body: row.response?.body,
        headers: row.response?.headers ?? {},
      } as const;
    });
  }

  async complete(
    scope: IdempotencyScope,
    statusCode: number,
    body: unknown,
    headers: Readonly<Record<string, string>> = {},
  ): Promise<void> {
    await withTenantTransaction(this.appPool, scope.tenantId, (client) =>
      client.query(
        `UPDATE http_idempotency SET status_code = $4, response = $5::jsonb, completed_at = now()
          WHERE tenant_id = $1 AND subject = $2 AND idempotency_key = $3`,
        [scope.tenantId, scope.subject, scope.key, statusCode, JSON.stringify({ body, headers })],
      ),
    );
  }

  /**
   * Forgets an unfinished claim, so a retry runs the request again (commands are idempotent by
   * id). The failure being handled is often a lost connection, so this retries on fresh
   * connections, and when the database stays away keeps retrying in the background: a claim left
   * behind would answer every retry with 409 until it went stale.
   */
  async release(scope: IdempotencyScope): Promise<void> {
    if (await this.tryRelease(scope, 3)) return;
    const key = `${scope.tenantId}\n${scope.subject}\n${scope.key}`;
    if (this.releasing.has(key)) return;
    this.releasing.add(key);
    void (async () => {
      const deadline = Date.now() + this.staleAfterSeconds * 1000;
      while (Date.now() < deadline && !(await this.tryRelease(scope, 1))) {
        await new Promise((r) => setTimeout(r, 250).unref());
      }
      this.releasing.delete(key);
    })();
  }

  private readonly releasing = new Set<string>();

  private async tryRelease(scope: IdempotencyScope, attempts: number): Promise<boolean> {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await withTenantTransaction(this.appPool, scope.tenantId, (client) =>
          client.query(
            `DELETE FROM http_idempotency
              WHERE tenant_id = $1 AND subject = $2 AND idempotency_key = $3 AND completed_at IS NULL`,
            [scope.tenantId, scope.subject, scope.key],
          ),
        );
        return true;
      } catch {
        await new Promise((r) => setTimeout(r, 50 * attempt).unref());
      }
    }
    return false;
  }
}
