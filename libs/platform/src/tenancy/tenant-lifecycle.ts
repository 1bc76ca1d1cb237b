import { createWriteStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { conflict, invalid, notFound } from '../domain/decider';
import type { MunicipalityType, TenantInfo } from '../domain/tenant-directory';
import type { Actor, EventStore } from '../event-store/event-store.port';
import { formatPosition, type Position } from '../event-store/position';
import { assertTenantId } from '../event-store/validation';
import type { PostgresTenantDirectory } from './tenant-directory.postgres';
import type { TenantDataCounts, TenantDataEraser } from './tenant-data-eraser';
import { isVoivodeship, normaliseVoivodeship } from './voivodeships';

export interface OnboardTenant {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly municipalityType: MunicipalityType;
  readonly voivodeships: readonly string[];
}

export interface OffboardOptions {
  readonly dryRun?: boolean;
  /** Directory of the JSON Lines export. */
  readonly exportDir: string;
  readonly actor: Actor;
}

export interface OffboardReport {
  readonly tenantId: string;
  readonly dryRun: boolean;
  /** What the tenant holds (before), or would lose (dry run). */
  readonly found: TenantDataCounts;
  readonly exportFile: string | null;
  readonly exportedEvents: number;
  readonly deleted: TenantDataCounts | null;
  /** Events appended while exporting (not deleted): run the offboarding again to finish. */
  readonly remainingEvents: number;
}

const TENANT_ID = /^[a-z][a-z0-9-]{0,31}$/;
const EXPORT_PAGE = 1_000;

/** Onboarding and offboarding of tenants, for the platform operator (CLI and HTTP). */
export class TenantLifecycle {
  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly directory: PostgresTenantDirectory,
    private readonly eraser: TenantDataEraser,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async onboard(input: OnboardTenant, actor: Actor): Promise<TenantInfo> {
    if (!TENANT_ID.test(input.id)) {
      throw invalid('tenant.id_invalid', 'tenant id: a lower-case letter, then letters, digits, dashes (max 32)', 'id');
    }
    if (!input.name?.trim()) throw invalid('tenant.name_required', 'name is required', 'name');
    if (!input.nameEn?.trim()) throw invalid('tenant.name_required', 'nameEn is required', 'nameEn');
    if (!['rural', 'urban-rural', 'urban'].includes(input.municipalityType)) {
      throw invalid(
        'tenant.municipality_type_invalid',
        'municipalityType: rural, urban-rural or urban',
        'municipalityType',
      );
    }
    const voivodeships = [...new Set(input.voivodeships.map(normaliseVoivodeship))];
    if (voivodeships.length === 0)
      throw invalid('tenant.voivodeships_required', 'at least one voivodeship', 'voivodeships');
    const unknown = voivodeships.filter((v) => !isVoivodeship(v));
    if (unknown.length) {
      throw invalid('tenant.voivodeship_unknown', `unknown voivodeship(s): ${unknown.join(', ')}`, 'voivodeships');
    }
    const { rowCount } = await this.pool.query(
      `INSERT INTO tenants (id, name, name_en, municipality_type, voivodeships, onboarded_by)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
      [input.id, input.name.trim(), input.nameEn.trim(), input.municipalityType, voivodeships, actorLabel(actor)],
    );
    this.directory.invalidate();
    if (!rowCount) throw conflict('tenant.exists', `tenant ${input.id} already exists (ids are never reused)`, 'id');
    return (await this.directory.get(input.id))!;
  }

  /**
   * Exports the tenant's events to JSON Lines, then deletes them and its read-model rows, and
   * marks the tenant offboarded (its tokens are refused from then on). Marking comes first so
   * nothing new is written through the API while exporting; running it again on an offboarded
   * tenant finishes what a previous run left.
   */
  async offboard(tenantId: string, options: OffboardOptions): Promise<OffboardReport> {
    assertTenantId(tenantId);
    const tenant = await this.directory.get(tenantId);
    if (!tenant) throw notFound('tenant.unknown', `no tenant ${tenantId}`);
    const found = await this.eraser.count(tenantId);
    if (options.dryRun) {
      return {
        tenantId,
        dryRun: true,
        found,
        exportFile: null,
        exportedEvents: 0,
        deleted: null,
        remainingEvents: found.events,
      };
    }
    await this.pool.query(
      `UPDATE tenants SET status = 'offboarded', offboarded_at = coalesce(offboarded_at, now()),
              offboarded_by = coalesce(offboarded_by, $2)
        WHERE id = $1`,
      [tenantId, actorLabel(options.actor)],
    );
    this.directory.invalidate();

    // Events committed just now may still be unreadable; none may be left out of the export.
    await this.store.untilReadable?.(tenantId);
    const { file, count, last } = await this.export(tenantId, options.exportDir);
    const deleted = await this.eraser.erase(tenantId, last);
    const remaining = (await this.eraser.count(tenantId)).events;
    return {
      tenantId,
      dryRun: false,
      found,
      exportFile: file,
      exportedEvents: count,
      deleted,
      remainingEvents: remaining,
    };
  }

  private async export(tenantId: string, dir: string): Promise<{ file: string; count: number; last: Position | null }> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const file = join(dir, `${tenantId}-${stamp}.events.jsonl`);
    // The export holds the tenant's personal data: owner-readable only.
    const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
    const written = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
    });
    written.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    let count = 0;
    let last: Position | null = null;
    try {
      for (;;) {
        const page = await this.store.readAll({ tenant: tenantId, after: last ?? undefined, limit: EXPORT_PAGE });
        for (const e of page) {
          const line = JSON.stringify({
            position: formatPosition(e.position),
            tenantId: e.tenantId,
            streamId: e.streamId,
            revision: e.revision,
            id: e.id,
            type: e.type,
            data: e.data,
            metadata: e.metadata,
            recordedAt: e.recordedAt.toISOString(),
          });
          if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
        }
        count += page.length;
        if (page.length) last = page[page.length - 1].position;
        if (page.length < EXPORT_PAGE) break;
      }
    } finally {
      out.end();
    }
    await written;
    // Flushed to disk before anything is deleted.
    const handle = await open(file, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    return { file, count, last };
  }
}

function actorLabel(actor: Actor): string {
  return `${actor.role}:${actor.sub}`;
}
