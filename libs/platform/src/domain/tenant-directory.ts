/** Municipality type a macroregion's model was designed for. */
export type MunicipalityType = 'rural' | 'urban-rural' | 'urban';

/** What the platform knows of a tenant (a macroregion). */
export interface TenantInfo {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly municipalityType: MunicipalityType;
  /** Voivodeships of the partnership (lower-case Polish names, e.g. 'pomorskie'). */
  readonly voivodeships: readonly string[];
  readonly status: 'active' | 'offboarded';
}

/** Implemented by the platform's tenancy module. */
export interface TenantDirectory {
  get(tenantId: string): Promise<TenantInfo | null>;
  list(): Promise<TenantInfo[]>;
}
