import type { Pool } from 'pg';
import type { Projection } from './projection';

export interface PartitionLag {
  readonly projection: string;
  readonly version: number;
  readonly tenantId: string;
  /** Checkpoint as `<commit>/<prepare>`. */
  readonly checkpoint: string;
  readonly eventsApplied: number;
  /** Handled events not applied yet (counted up to 100,000). */
  readonly eventsBehind: number;
  /** Age of the oldest handled event not applied yet; 0 when caught up. */
  readonly secondsBehind: number;
  /** Record time of the last event applied: how fresh the read model is. */
  readonly lastRecordedAt: string | null;
}

/** Lag of every (projection, tenant) partition of the active versions. */
export async function projectionLag(pool: Pool, projections: readonly Projection[]): Promise<PartitionLag[]> {
  const out: PartitionLag[] = [];
  for (const p of projections) {
    const patterns = p.handles.map((h) => h.replace(/[\\%_]/g, (c) => `\\${c}`) + '%');
    const { rows } = await pool.query<{
      version: number;
      tenant_id: string;
      checkpoint: string;
      events_applied: string;
      last_recorded_at: Date | null;
      behind: number;
      oldest: Date | null;
    }>(
      `SELECT c.version, c.tenant_id, c.commit_position::text || '/' || c.prepare_position AS checkpoint,
              c.events_applied, c.last_recorded_at, b.behind, b.oldest
         FROM projection_checkpoints c
         JOIN projection_versions v ON v.projection = c.projection AND v.active_version = c.version
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS behind, min(recorded_at) AS oldest FROM (
             SELECT e.recorded_at FROM es_events e
              WHERE e.tenant_id = c.tenant_id
                AND (e.transaction_id, e.global_position) > (c.commit_position, c.prepare_position)
                AND e.event_type LIKE ANY($2::text[])
              ORDER BY e.transaction_id, e.global_position
              LIMIT 100000) pending) b
        WHERE c.projection = $1
        ORDER BY c.tenant_id`,
      [p.name, patterns],
    );
    for (const r of rows) {
      out.push({
        projection: p.name,
        version: r.version,
        tenantId: r.tenant_id,
        checkpoint: r.checkpoint,
        eventsApplied: Number(r.events_applied),
        eventsBehind: r.behind,
        secondsBehind: r.oldest ? Math.max(0, (Date.now() - r.oldest.getTime()) / 1000) : 0,
        lastRecordedAt: r.last_recorded_at?.toISOString() ?? null,
      });
    }
  }
  return out;
}
