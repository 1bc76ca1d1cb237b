import type { ProjectPeriod, ProjectPeriodLookup, TenantDirectory, TenantInfo } from '@kooperacja/platform';

/** The programme context's period lookup, as a fixed table (tests only). */
export class FixedProjectPeriods implements ProjectPeriodLookup {
  constructor(private readonly periods: Readonly<Record<string, ProjectPeriod>>) {}

  async periodOf(tenantId: string): Promise<ProjectPeriod | null> {
    return this.periods[tenantId] ?? null;
  }
}

/** The tenancy module's directory, as a fixed list (tests only). */
export class FixedTenantDirectory implements TenantDirectory {
  constructor(private readonly tenants: readonly TenantInfo[]) {}

  async get(tenantId: string): Promise<TenantInfo | null> {
    return this.tenants.find((t) => t.id === tenantId) ?? null;
  }

  async list(): Promise<TenantInfo[]> {
    return [...this.tenants];
  }
}
