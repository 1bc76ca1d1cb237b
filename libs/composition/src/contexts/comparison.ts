import type { ContextDescriptor } from '../context-descriptor';

export const comparisonContext: ContextDescriptor = {
  name: 'comparison',
  modules: [],
  projections: [],
  entities: [],
  migrations: [],
};
