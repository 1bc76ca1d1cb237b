import { DecisionsModule, decisionsLogEntities, decisionsLogProjection } from '@kooperacja/decisions';
import { ProgrammePeriodLookup } from '@kooperacja/programme';
import type { ContextDescriptor } from '../context-descriptor';

export const decisionsContext: ContextDescriptor = {
  name: 'decisions',
  // Facts are checked against the tenant's project period as the programme context records it.
  modules: [DecisionsModule.forRoot({ projectPeriods: (store) => new ProgrammePeriodLookup(store) })],
  projections: [decisionsLogProjection],
  entities: decisionsLogEntities,
  migrations: [],
};
