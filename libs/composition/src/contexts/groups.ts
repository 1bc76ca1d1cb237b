import type { ContextDescriptor } from '../context-descriptor';

export const groupsContext: ContextDescriptor = {
  name: 'groups',
  modules: [],
  projections: [],
  entities: [],
  migrations: [],
};
