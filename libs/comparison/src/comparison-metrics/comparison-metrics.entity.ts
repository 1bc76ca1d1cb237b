import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of the metric cube (reader view `rm_comparison_metrics`): aggregates only, readable across tenants. */
@Entity({ name: 'rm_comparison_metrics', synchronize: false })
export class ComparisonMetric {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  metric!: string;

  @PrimaryColumn({ type: 'text' })
  dimension!: string;

  /** Business day. */
  @PrimaryColumn({ name: 'occurred_on', type: 'date' })
  occurredOn!: string;

  /** Record day (in Poland). */
  @PrimaryColumn({ name: 'recorded_on', type: 'date' })
  recordedOn!: string;

  /** Decimal as text: money and hours keep their two places. */
  @Column({ type: 'numeric' })
  value!: string;

  @Column({ type: 'bigint' })
  count!: string;
}

/** The cube summed by business quarter and record quarter (reader view `rm_comparison_quarters`). */
@Entity({ name: 'rm_comparison_quarters', synchronize: false })
export class ComparisonQuarter {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  metric!: string;

  @PrimaryColumn({ type: 'text' })
  dimension!: string;

  /** First day of the business quarter. */
  @PrimaryColumn({ type: 'date' })
  quarter!: string;

  /** First day of the record quarter. */
  @PrimaryColumn({ name: 'recorded_quarter', type: 'date' })
  recordedQuarter!: string;

  @Column({ type: 'numeric' })
  value!: string;

  @Column({ type: 'bigint' })
  count!: string;
}

/** How fresh a tenant's comparison data is (reader view `rm_comparison_freshness`). */
@Entity({ name: 'rm_comparison_freshness', synchronize: false })
export class ComparisonFreshness {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  /** Log position of the last event applied: commit part (a transaction id). */
  @Column({ name: 'commit_position', type: 'numeric' })
  commitPosition!: string;

  @Column({ name: 'prepare_position', type: 'bigint' })
  preparePosition!: string;

  /** When the store recorded that event. */
  @Column({ name: 'last_recorded_at', type: 'timestamptz' })
  lastRecordedAt!: Date;
}

export const comparisonEntities = [ComparisonMetric, ComparisonQuarter, ComparisonFreshness];
