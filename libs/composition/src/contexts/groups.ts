import { groupCompositionEntities, groupCompositionProjection, GroupsModule } from '@kooperacja/groups';
import { ProgrammePeriodLookup } from '@kooperacja/programme';
import type { ContextDescriptor } from '../context-descriptor';

export const groupsContext: ContextDescriptor = {
  name: 'groups',
  // Facts are checked against the tenant's project period as the programme context records it.
  modules: [GroupsModule.forRoot({ projectPeriods: (store) => new ProgrammePeriodLookup(store) })],
  projections: [groupCompositionProjection],
  entities: groupCompositionEntities,
  migrations: [],
};
