import { ProgrammeModule, projectOverviewEntities, projectOverviewProjection } from '@kooperacja/programme';
import type { ContextDescriptor } from '../context-descriptor';

export const programmeContext: ContextDescriptor = {
  name: 'programme',
  modules: [ProgrammeModule],
  projections: [projectOverviewProjection],
  entities: [...projectOverviewEntities],
  migrations: [],
};
