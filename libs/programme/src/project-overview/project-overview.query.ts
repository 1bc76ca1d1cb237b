import { inTenant } from '@kooperacja/platform';
import type { DataSource } from 'typeorm';
import type { Budget, Money } from '../contracts/money';
import { ProgrammeAmendmentRow, ProgrammeOverviewRow } from './project-overview.entity';

/** The overview a tenant's users see; null until the partnership is projected. */
export interface ProjectOverview {
  readonly projectTitle: string;
  readonly leadPartnerId: string;
  readonly establishedOn: string;
  readonly schedule: { readonly planned: Period; readonly current: Period };
  readonly budget: { readonly planned: Budget; readonly current: Budget };
  readonly partners: { readonly count: number; readonly partnerIds: readonly string[] };
  readonly indicatorTargets: ProgrammeOverviewRow['indicatorTargets'];
  readonly milestonesCompleted: readonly number[];
  readonly lastMilestoneOn: string | null;
  readonly modelApprovals: {
    readonly count: number;
    readonly latestVersion: string | null;
    readonly latestApprovedOn: string | null;
    readonly latestMinistryOpinion: string | null;
  };
  readonly corrections: number;
  readonly amendmentCounts: { readonly budget: number; readonly schedule: number };
  /** Revision of the programme stream the row reflects, and when its last event was recorded. */
  readonly revision: number;
  readonly lastRecordedAt: string;
  /** Every amendment, oldest first, as last corrected (voided ones kept, marked). */
  readonly amendments: readonly AmendmentView[];
}

interface Period {
  readonly start: string;
  readonly end: string;
}

export interface AmendmentView {
  readonly eventId: string;
  readonly revision: number;
  readonly kind: 'budget' | 'schedule';
  readonly amendedOn: string;
  readonly source: string;
  /** Budget amendments: the lines it changed. */
  readonly budget: Budget | null;
  /** Schedule amendments: the new period. */
  readonly period: Period | null;
  readonly status: 'recorded' | 'corrected' | 'voided';
  readonly correction: { readonly reason: string; readonly correctedOn: string | null } | null;
  readonly recordedAt: string;
}

const money = (grosze: string | null): Money | undefined => (grosze === null ? undefined : { grosze, currency: 'PLN' });

function budget(total: string | null, euShare: string | null, targetedGrant: string | null): Budget {
  const lines = { total: money(total), euShare: money(euShare), targetedGrant: money(targetedGrant) };
  return Object.fromEntries(Object.entries(lines).filter(([, v]) => v !== undefined)) as Budget;
}

export class ProjectOverviewQuery {
  constructor(private readonly dataSource: DataSource) {}

  async overview(tenantId: string): Promise<ProjectOverview | null> {
    return inTenant(this.dataSource, tenantId, async (em) => {
      const row = await em.getRepository(ProgrammeOverviewRow).findOneBy({ tenantId });
      if (!row) return null;
      const amendments = await em
        .getRepository(ProgrammeAmendmentRow)
        .find({ where: { tenantId }, order: { revision: 'ASC' } });
      return {
        projectTitle: row.projectTitle,
        leadPartnerId: row.leadPartnerId,
        establishedOn: row.establishedOn,
        schedule: {
          planned: { start: row.plannedStart, end: row.plannedEnd },
          current: { start: row.currentStart, end: row.currentEnd },
        },
        budget: {
          planned: budget(row.plannedTotalGrosze, row.plannedEuShareGrosze, row.plannedTargetedGrantGrosze),
          current: budget(row.currentTotalGrosze, row.currentEuShareGrosze, row.currentTargetedGrantGrosze),
        },
        partners: { count: row.partners, partnerIds: row.partnerIds },
        indicatorTargets: row.indicatorTargets,
        milestonesCompleted: row.milestonesCompleted,
        lastMilestoneOn: row.lastMilestoneOn,
        modelApprovals: {
          count: row.modelVersionsApproved,
          latestVersion: row.latestModelVersion,
          latestApprovedOn: row.latestModelApprovedOn,
          latestMinistryOpinion: row.latestMinistryOpinion,
        },
        corrections: row.corrections,
        amendmentCounts: { budget: row.budgetAmendments, schedule: row.scheduleAmendments },
        revision: row.revision,
        lastRecordedAt: row.lastRecordedAt.toISOString(),
        amendments: amendments.map(amendmentView),
      };
    });
  }
}

function amendmentView(a: ProgrammeAmendmentRow): AmendmentView {
  return {
    eventId: a.eventId,
    revision: a.revision,
    kind: a.kind,
    amendedOn: a.amendedOn,
    source: a.source,
    budget: a.kind === 'budget' ? budget(a.totalGrosze, a.euShareGrosze, a.targetedGrantGrosze) : null,
    period: a.kind === 'schedule' && a.periodStart && a.periodEnd ? { start: a.periodStart, end: a.periodEnd } : null,
    status: a.status,
    correction: a.correctionReason ? { reason: a.correctionReason, correctedOn: a.correctedOn } : null,
    recordedAt: a.recordedAt.toISOString(),
  };
}
