import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One gmina or powiat of the tenant, mapped onto the reader view (the projection owns the DDL). */
@Entity({ name: 'rm_territory_municipalities', synchronize: false })
export class TerritoryMunicipalityRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'teryt', type: 'text' })
  teryt!: string;

  @Column({ name: 'kind', type: 'text' })
  kind!: 'gmina' | 'powiat';

  @Column({ name: 'voivodeship', type: 'text', nullable: true })
  voivodeship!: string | null;

  @Column({ name: 'name', type: 'text', nullable: true })
  name!: string | null;

  @Column({ name: 'type', type: 'text', nullable: true })
  type!: string | null;

  @Column({ name: 'powiat', type: 'text', nullable: true })
  powiat!: string | null;

  @Column({ name: 'powiat_teryt', type: 'text', nullable: true })
  powiatTeryt!: string | null;

  @Column({ name: 'type_exception_reason', type: 'text', nullable: true })
  typeExceptionReason!: string | null;

  @Column({ name: 'invited_on', type: 'date', nullable: true })
  invitedOn!: string | null;

  @Column({ name: 'declared_on', type: 'date', nullable: true })
  declaredOn!: string | null;

  @Column({ name: 'declaration_ref', type: 'text', nullable: true })
  declarationRef!: string | null;

  @Column({ name: 'agreement_signed_on', type: 'date', nullable: true })
  agreementSignedOn!: string | null;

  @Column({ name: 'agreement_ref', type: 'text', nullable: true })
  agreementRef!: string | null;

  @Column({ name: 'pilot_site_on', type: 'date', nullable: true })
  pilotSiteOn!: string | null;

  @Column({ name: 'withdrawn_on', type: 'date', nullable: true })
  withdrawnOn!: string | null;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason!: string | null;

  @Column({ name: 'status', type: 'text' })
  status!: string;

  @Column({ name: 'revision', type: 'integer' })
  revision!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export const municipalitiesAndAgreementsEntities = [TerritoryMunicipalityRow];
