import { inTenant } from '@kooperacja/platform';
import type { DataSource, FindOptionsWhere } from 'typeorm';
import { TerritoryMunicipalityRow } from './municipalities-and-agreements.entity';

/** Where a gmina (or powiat) stands: `withdrawn` wins over the stage it had reached. */
export const MUNICIPALITY_STATUSES = ['invited', 'declared', 'under-agreement', 'pilot-site', 'withdrawn'] as const;
export type MunicipalityStatus = (typeof MUNICIPALITY_STATUSES)[number];
export const UNIT_KINDS = ['gmina', 'powiat'] as const;

export interface MunicipalitiesFilter {
  readonly status?: MunicipalityStatus;
  readonly voivodeship?: string;
  readonly kind?: (typeof UNIT_KINDS)[number];
  /** From 1. */
  readonly page: number;
  readonly pageSize: number;
}

export interface MunicipalityListItem {
  readonly teryt: string;
  readonly kind: 'gmina' | 'powiat';
  readonly name: string | null;
  readonly type: string | null;
  readonly status: string;
  readonly powiat: string | null;
  readonly powiatTeryt: string | null;
  readonly voivodeship: string | null;
  readonly typeException: { readonly reason: string } | null;
  readonly invitedOn: string | null;
  readonly declaredOn: string | null;
  readonly declarationRef: string | null;
  readonly agreement: { readonly signedOn: string; readonly reference: string | null } | null;
  readonly pilotSiteOn: string | null;
  readonly withdrawal: { readonly withdrawnOn: string; readonly reason: string | null } | null;
  readonly revision: number;
  readonly updatedAt: string;
}

export interface MunicipalitiesPage {
  readonly items: readonly MunicipalityListItem[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

export class MunicipalitiesQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** The tenant's gminas and powiats, by voivodeship and TERYT code. */
  async list(tenantId: string, filter: MunicipalitiesFilter): Promise<MunicipalitiesPage> {
    const where: FindOptionsWhere<TerritoryMunicipalityRow> = {
      tenantId,
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.voivodeship ? { voivodeship: filter.voivodeship } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
    };
    const [rows, total] = await inTenant(this.dataSource, tenantId, (em) =>
      em.getRepository(TerritoryMunicipalityRow).findAndCount({
        where,
        order: { voivodeship: 'ASC', teryt: 'ASC' },
        skip: (filter.page - 1) * filter.pageSize,
        take: filter.pageSize,
      }),
    );
    return { items: rows.map(item), page: filter.page, pageSize: filter.pageSize, total };
  }
}

function item(r: TerritoryMunicipalityRow): MunicipalityListItem {
  return {
    teryt: r.teryt,
    kind: r.kind,
    name: r.name,
    type: r.type,
    status: r.status,
    powiat: r.powiat,
    powiatTeryt: r.powiatTeryt,
    voivodeship: r.voivodeship,
    typeException: r.typeExceptionReason ? { reason: r.typeExceptionReason } : null,
    invitedOn: r.invitedOn,
    declaredOn: r.declaredOn,
    declarationRef: r.declarationRef,
    agreement: r.agreementSignedOn ? { signedOn: r.agreementSignedOn, reference: r.agreementRef } : null,
    pilotSiteOn: r.pilotSiteOn,
    withdrawal: r.withdrawnOn ? { withdrawnOn: r.withdrawnOn, reason: r.withdrawalReason } : null,
    revision: r.revision,
    updatedAt: r.updatedAt.toISOString(),
  };
}
