import type { ContextDescriptor } from '../context-descriptor';

export const decisionsContext: ContextDescriptor = {
  name: 'decisions',
  modules: [],
  projections: [],
  entities: [],
  migrations: [],
};
