import type { ProjectPeriod } from '@kooperacja/platform';
import type { IndicatorCode, IndicatorUnit } from './indicators';
import type { Budget } from './money';

/** The one programme stream of a tenant (the store scopes it by tenant). */
export const PROJECT_STREAM_ID = 'programme.project-main';

export type PartnerKind = 'ROPS' | 'RCPS' | 'MCPS' | 'university';
export const PARTNER_KINDS: readonly PartnerKind[] = ['ROPS', 'RCPS', 'MCPS', 'university'];

/** An institution of the partnership (a public body: its name is not personal data). */
export interface Partner {
  /** Stable slug chosen when the partner is recorded, e.g. 'rops-torun'. */
  readonly partnerId: string;
  readonly name: string;
  readonly kind: PartnerKind;
  /** Lower-case Polish names, e.g. ['kujawsko-pomorskie']. */
  readonly voivodeships: readonly string[];
}

export type MinistryOpinion = 'positive' | 'negative' | 'with-remarks';
export const MINISTRY_OPINIONS: readonly MinistryOpinion[] = ['positive', 'negative', 'with-remarks'];

/** One stay of a partner in the partnership; a partner that left and rejoined has two. */
export interface Membership {
  readonly partner: Partner;
  readonly joinedOn: string;
  readonly leftOn: string | null;
  readonly leftReason: string | null;
}

export interface ScheduleAmendment {
  readonly period: ProjectPeriod;
  readonly amendedOn: string;
  readonly source: string;
}

export interface BudgetAmendment {
  /** Only the lines this amendment changed. */
  readonly budget: Budget;
  readonly amendedOn: string;
  readonly source: string;
}

export interface IndicatorTarget {
  readonly indicator: IndicatorCode;
  readonly value: number;
  readonly unit: IndicatorUnit;
  readonly setOn: string;
  readonly source: string;
}

export interface CompletedMilestone {
  /** 1 = I (model designed and approved), 2 = II (pilot), 3 = III (recommendations), 4… later ones. */
  readonly milestone: number;
  readonly completedOn: string;
  readonly source: string | null;
}

export interface ModelApproval {
  readonly version: string;
  /** The approving body, e.g. 'Komitet Sterujący'. */
  readonly approvedBy: string;
  readonly ministryOpinion: MinistryOpinion;
  readonly approvedOn: string;
  readonly source: string | null;
}

export interface Correction {
  readonly correctedEventId: string;
  readonly correctedType: string;
  /** True when the corrected fact did not happen at all; false when it was replaced. */
  readonly voided: boolean;
  readonly reason: string;
  readonly correctedOn: string;
}

/**
 * The project of a tenant as its facts tell it, corrections applied. Plans are never
 * overwritten: `planned` stays, `current` follows the amendments, and every amendment is listed.
 */
export interface ProjectView {
  readonly projectTitle: string;
  readonly leadPartnerId: string;
  readonly establishedOn: string;
  readonly source: string | null;
  /** Every membership in order; the current partners are those with `leftOn: null`. */
  readonly memberships: readonly Membership[];
  readonly schedule: {
    readonly planned: ProjectPeriod;
    readonly current: ProjectPeriod;
    readonly amendments: readonly ScheduleAmendment[];
  };
  readonly budget: {
    readonly planned: Budget;
    readonly current: Budget;
    readonly amendments: readonly BudgetAmendment[];
  };
  /** Every target set, in order; the last one per indicator is in force. */
  readonly indicatorTargets: readonly IndicatorTarget[];
  /** Sorted by milestone number. */
  readonly milestones: readonly CompletedMilestone[];
  readonly modelApprovals: readonly ModelApproval[];
  readonly corrections: readonly Correction[];
}

export function currentPartners(project: ProjectView): Partner[] {
  return project.memberships.filter((m) => m.leftOn === null).map((m) => m.partner);
}

export function currentIndicatorTargets(project: ProjectView): Partial<Record<IndicatorCode, IndicatorTarget>> {
  const targets: Partial<Record<IndicatorCode, IndicatorTarget>> = {};
  for (const target of project.indicatorTargets) targets[target.indicator] = target;
  return targets;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** 3 → 'III', as the projects name their milestones. */
export function milestoneLabel(milestone: number): string {
  return ROMAN[milestone - 1] ?? String(milestone);
}
