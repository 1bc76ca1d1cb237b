import type { Delta } from './deltas';
import { caseContribution, type CaseEntity } from './sources/cases';
import { decisionContribution, type DecisionEntity } from './sources/decisions';
import { groupContribution, institutionContribution, type GroupEntity, type InstitutionEntity } from './sources/groups';
import { jstContribution, type JstEntity } from './sources/jst';
import { programmeContribution, type ProgrammeEntity } from './sources/programme';

/** The small state the projection keeps per entity (helper table `rm_comparison_state`). */
export type EntityState = ProgrammeEntity | JstEntity | GroupEntity | InstitutionEntity | DecisionEntity | CaseEntity;

/**
 * What is stored per entity: its state (null until its first event) and the last revision
 * applied of each stream that feeds it, so an event applied twice changes nothing.
 */
export interface StoredEntity {
  readonly s: EntityState | null;
  readonly r: Readonly<Record<string, number>>;
}

/** An entity's whole contribution to the cube: a pure function of its state. */
export function contributionOf(state: EntityState | null): Delta[] {
  if (!state) return [];
  switch (state.t) {
    case 'programme':
      return programmeContribution(state);
    case 'jst':
      return jstContribution(state);
    case 'group':
      return groupContribution(state);
    case 'inst':
      return institutionContribution(state);
    case 'decision':
      return decisionContribution(state);
    case 'case':
      return caseContribution(state);
  }
}
