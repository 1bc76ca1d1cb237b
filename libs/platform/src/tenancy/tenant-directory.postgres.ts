import type { Pool } from 'pg';
import type { MunicipalityType, TenantDirectory, TenantInfo } from '../domain/tenant-directory';

interface TenantRow {
  id: string;
  name: string;
  name_en: string;
  municipality_type: MunicipalityType;
  voivodeships: string[];
  status: 'active' | 'offboarded';
}

const COLUMNS = 'id, name, name_en, municipality_type, voivodeships, status';

/**
 * The `tenants` table. Lookups are cached for a few seconds because every authenticated
 * request checks its tenant; writes through this instance clear the cache at once.
 */
export class PostgresTenantDirectory implements TenantDirectory {
  private cache?: { at: number; byId: Map<string, TenantInfo> };

  constructor(
    private readonly pool: Pool,
    private readonly cacheMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(tenantId: string): Promise<TenantInfo | null> {
    return (await this.load()).get(tenantId) ?? null;
  }

  async list(): Promise<TenantInfo[]> {
    return [...(await this.load()).values()];
  }

  /** Forgets cached lookups (after onboarding or offboarding). */
  invalidate(): void {
    this.cache = undefined;
  }

  private async load(): Promise<Map<string, TenantInfo>> {
    if (this.cache && this.now() - this.cache.at < this.cacheMs) return this.cache.byId;
    const { rows } = await this.pool.query<TenantRow>(`SELECT ${COLUMNS} FROM tenants ORDER BY id`);
    const byId = new Map(rows.map((r) => [r.id, toInfo(r)]));
    this.cache = { at: this.now(), byId };
    return byId;
  }
}

function toInfo(r: TenantRow): TenantInfo {
  return {
    id: r.id,
    name: r.name,
    nameEn: r.name_en,
    municipalityType: r.municipality_type,
    voivodeships: r.voivodeships,
    status: r.status,
  };
}
