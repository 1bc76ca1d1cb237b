import type { ContextDescriptor } from '../context-descriptor';

export const pilotContext: ContextDescriptor = {
  name: 'pilot',
  modules: [],
  projections: [],
  entities: [],
  migrations: [],
};
