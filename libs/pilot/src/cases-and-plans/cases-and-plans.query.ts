import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, FindOptionsWhere } from 'typeorm';
import { READ_MODELS, inTenant } from '@kooperacja/platform';
import type { PlanOutcome, PlanType } from '../contracts/vocabulary';
import { PilotCaseRow } from './cases-and-plans.entity';

export interface CaseListFilter {
  readonly site?: string;
  readonly status?: 'open' | 'closed';
  readonly planType?: PlanType;
  readonly outcome?: PlanOutcome;
  /** From 1. */
  readonly page: number;
  readonly pageSize: number;
}

export type CaseListItem = Omit<PilotCaseRow, 'tenantId' | 'revision' | 'lastRecordedAt'>;

export interface CaseListPage {
  readonly items: readonly CaseListItem[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  /** When the newest event in the tenant's read model was recorded: how fresh the rows are. */
  readonly lastRecordedAt: string | null;
}

/** The tenant's pilot cases, filtered and paged, earliest enrolment first. */
@Injectable()
export class CasesAndPlansQuery {
  constructor(@Inject(READ_MODELS) private readonly dataSource: DataSource) {}

  list(tenantId: string, filter: CaseListFilter): Promise<CaseListPage> {
    return inTenant(this.dataSource, tenantId, async (em) => {
      const repo = em.getRepository(PilotCaseRow);
      const where: FindOptionsWhere<PilotCaseRow> = {
        ...(filter.site ? { siteTeryt: filter.site } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.planType ? { planType: filter.planType } : {}),
        ...(filter.outcome ? { outcome: filter.outcome } : {}),
      };
      const [rows, total] = await repo.findAndCount({
        where,
        order: { enrolledOn: 'ASC', caseId: 'ASC' },
        skip: (filter.page - 1) * filter.pageSize,
        take: filter.pageSize,
      });
      const fresh = await repo
        .createQueryBuilder('c')
        .select('max(c.last_recorded_at)', 'last')
        .getRawOne<{ last: Date | null }>();
      return {
        items: rows.map(({ tenantId: _t, revision: _r, lastRecordedAt: _l, ...item }) => item),
        page: filter.page,
        pageSize: filter.pageSize,
        total,
        lastRecordedAt: fresh?.last ? new Date(fresh.last).toISOString() : null,
      };
    });
  }
}
