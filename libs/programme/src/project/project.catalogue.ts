import { EventCatalogue } from '@kooperacja/platform';
import { plnFromNumber, type Budget, type Money } from '../contracts/money';
import type { BudgetAmended, ProjectEvent } from './project.events';

/** `programme.BudgetAmended.v1`: amounts in PLN held in JSON numbers, which cannot hold every grosz. */
export interface BudgetAmendedV1 {
  readonly totalPln?: number | null;
  readonly euSharePln?: number | null;
  readonly amendedOn: string;
  readonly source: string;
}

/** Reads a v1 budget amendment as v2: each amount to integer grosze with its currency. */
export function budgetAmendedV1ToV2(v1: BudgetAmendedV1): BudgetAmended['data'] {
  const budget: { -readonly [K in keyof Budget]: Money } = {};
  if (v1.totalPln !== undefined && v1.totalPln !== null) budget.total = plnFromNumber(v1.totalPln);
  if (v1.euSharePln !== undefined && v1.euSharePln !== null) budget.euShare = plnFromNumber(v1.euSharePln);
  return { budget, amendedOn: v1.amendedOn, source: v1.source };
}

/**
 * Stored names of the programme's events. No personal data: partners and approving bodies are
 * institutions; free text (reasons) must not name people.
 */
export const programmeCatalogue = new EventCatalogue<ProjectEvent>('programme.', [
  { type: 'PartnershipEstablished', storedName: 'programme.PartnershipEstablished.v1' },
  { type: 'PartnerJoined', storedName: 'programme.PartnerJoined.v1' },
  { type: 'PartnerLeft', storedName: 'programme.PartnerLeft.v1' },
  {
    type: 'BudgetAmended',
    storedName: 'programme.BudgetAmended.v2',
    upcasters: { 'programme.BudgetAmended.v1': budgetAmendedV1ToV2 },
  },
  { type: 'ScheduleAmended', storedName: 'programme.ScheduleAmended.v1' },
  { type: 'IndicatorTargetSet', storedName: 'programme.IndicatorTargetSet.v1' },
  { type: 'MilestoneCompleted', storedName: 'programme.MilestoneCompleted.v1' },
  { type: 'ModelVersionApproved', storedName: 'programme.ModelVersionApproved.v1' },
  { type: 'FactCorrected', storedName: 'programme.FactCorrected.v1' },
]);
