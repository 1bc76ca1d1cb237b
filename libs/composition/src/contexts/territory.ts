import type { ContextDescriptor } from '../context-descriptor';

export const territoryContext: ContextDescriptor = {
  name: 'territory',
  modules: [],
  projections: [],
  entities: [],
  migrations: [],
};
