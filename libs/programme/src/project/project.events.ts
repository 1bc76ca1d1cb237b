import type { DomainEvent, ProjectPeriod } from '@kooperacja/platform';
import type { IndicatorCode, IndicatorUnit } from '../contracts/indicators';
import type { Budget } from '../contracts/money';
import type { MinistryOpinion, Partner } from '../contracts/project.view';

export type PartnershipEstablished = DomainEvent<
  'PartnershipEstablished',
  {
    projectTitle: string;
    leadPartnerId: string;
    /** Every partner, the lead included. */
    partners: readonly Partner[];
    plannedPeriod: ProjectPeriod;
    budget: Budget;
    establishedOn: string;
    source: string | null;
  }
>;

export type PartnerJoined = DomainEvent<'PartnerJoined', { partner: Partner; joinedOn: string; source: string | null }>;

export type PartnerLeft = DomainEvent<
  'PartnerLeft',
  { partnerId: string; leftOn: string; reason: string | null; source: string | null }
>;

/** v2: amounts in grosze (see the catalogue for v1, which held PLN in JSON numbers). */
export type BudgetAmended = DomainEvent<'BudgetAmended', { budget: Budget; amendedOn: string; source: string }>;

export type ScheduleAmended = DomainEvent<
  'ScheduleAmended',
  { period: ProjectPeriod; amendedOn: string; source: string }
>;

export type IndicatorTargetSet = DomainEvent<
  'IndicatorTargetSet',
  { indicator: IndicatorCode; value: number; unit: IndicatorUnit; setOn: string; source: string }
>;

export type MilestoneCompleted = DomainEvent<
  'MilestoneCompleted',
  { milestone: number; completedOn: string; source: string | null }
>;

export type ModelVersionApproved = DomainEvent<
  'ModelVersionApproved',
  { version: string; approvedBy: string; ministryOpinion: MinistryOpinion; approvedOn: string; source: string | null }
>;

/** A fact that may be corrected: every event but a correction. */
export type ProjectFact =
  | PartnershipEstablished
  | PartnerJoined
  | PartnerLeft
  | BudgetAmended
  | ScheduleAmended
  | IndicatorTargetSet
  | MilestoneCompleted
  | ModelVersionApproved;

/**
 * A recorded fact was wrong. `replacement` is the data the fact should have had (same type), or
 * null when it did not happen. The corrected event stays in the stream; `evolve` reads the
 * replacement in its place.
 */
export type FactCorrected = DomainEvent<
  'FactCorrected',
  {
    correctedEventId: string;
    /** Position of the corrected event in this stream, which is how `evolve` finds it. */
    correctedRevision: number;
    correctedType: ProjectFact['type'];
    reason: string;
    replacement: ProjectFact['data'] | null;
    correctedOn: string;
  }
>;

export type ProjectEvent = ProjectFact | FactCorrected;
