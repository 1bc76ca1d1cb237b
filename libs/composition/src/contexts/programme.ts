import type { ContextDescriptor } from '../context-descriptor';

export const programmeContext: ContextDescriptor = {
  name: 'programme',
  modules: [],
  projections: [],
  entities: [],
  migrations: [],
};
